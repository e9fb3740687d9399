package io.netroi.ingest.messages;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.text.Lexicon;
import io.netroi.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The member's identity as the reader infers it, and message times against Spark's own
 * {@code to_timestamp} / {@code to_utc_timestamp}, which {@link MemberMessages} must reproduce.
 */
class MemberMessagesTest extends SparkTestBase {
  static final Lexicon LEXICON = Lexicon.load("v2");
  private final List<RawRecord> raw = new ArrayList<>();

  private void message(long row, String problem, String... kv) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      fields.put(kv[i], kv[i + 1]);
    }
    raw.add(new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17", "messages.csv", "messages", "messages_2025", row,
        fields, problem));
  }

  private static List<RawRecord> profile(String first, String last) {
    Map<String, String> f = new HashMap<>();
    f.put("first_name", first);
    f.put("last_name", last);
    return List.of(new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17", "Profile.csv", "profile", "profile", 2, f,
        null));
  }

  private MemberMessages.Identity identity(String rosterUrl, List<RawRecord> profiles) {
    return MemberMessages.parse(new MemberMessages.Member("m01", "UTC", rosterUrl), raw, profiles, LEXICON, 5)
        .identity();
  }

  @Test
  void inferredFromThePersonInMostRowsWithTheirMostFrequentUrl() {
    message(2, null, "from", "Priya Shah", "sender_url", "https://www.linkedin.com/in/priya-b", "to", "Ana Souza");
    message(3, null, "from", "Ana Souza", "to", " Priya Shah , Bo Li");
    message(4, null, "from", "PRIYA SHAH", "sender_url", "https://www.linkedin.com/in/priya-a", "to", "Bo Li");
    message(5, null, "from", "Priya Shah", "sender_url", "https://www.linkedin.com/in/priya-a", "to", "Cy Dow");
    message(6, "rejected:malformed_row", "from", "Ana Souza", "to", "Ana Souza, Bo Li");
    MemberMessages.Identity id = identity(null, List.of());
    assertEquals("priya shah", id.memberName(), "in all four well-formed rows");
    assertEquals(1.0, id.coverage(), 1e-12, "the malformed row is not counted");
    assertEquals("https://linkedin.com/in/priya-a", id.memberUrl(), "sent from twice, the other URL once");
    assertEquals("inferred", id.source());
  }

  @Test
  void rosterUrlAndProfileNameWinAndTiesGoToTheSmallerName() {
    message(2, null, "from", "Zoe Ng", "to", "Bo Li");
    message(3, null, "from", "Bo Li", "to", "Zoe Ng");
    message(4, null, "from", "Cy Dow", "to", "Ed Fox");
    MemberMessages.Identity inferred = identity(null, List.of());
    assertEquals("bo li", inferred.memberName(), "bo li and zoe ng tie at two rows: the smaller name");
    assertEquals(2 / 3.0, inferred.coverage(), 1e-12);
    assertNull(inferred.memberUrl(), "bo li never sends with a URL");
    MemberMessages.Identity given = identity(" https://www.linkedin.com/in/Zoe-Ng/ ", profile("Zoë", null));
    assertEquals("https://linkedin.com/in/zoe-ng", given.memberUrl());
    assertEquals("zoe", given.memberName(), "Profile.csv's name, normalised");
    assertEquals("roster", given.source());
    raw.clear();
    MemberMessages.Identity nobody = identity(null, List.of());
    assertEquals("unknown", nobody.source());
    assertNull(nobody.coverage());
  }

  @Test
  void participantIdsSortInSparksBinaryOrder() {
    MemberMessages.Identity me = new MemberMessages.Identity("m01", 1.0, "https://linkedin.com/in/me", "me", "roster");
    String emoji = "https://www.linkedin.com/in/\uD83D\uDE00";
    String replacement = "https://www.linkedin.com/in/\uFFFD";
    List<String> ids = MemberMessages.participantIds(MemberMessages.Person.of("Me", "https://linkedin.com/in/me"),
        MemberMessages.recipients(null, emoji + ";" + replacement + ";" + emoji), me);
    String e = Identifiers.normaliseUrl(emoji);
    String r = Identifiers.normaliseUrl(replacement);
    assertEquals(List.of(MemberMessages.MEMBER, r, e), ids, "distinct, in code point order");
    assertEquals(-1, Integer.signum(e.compareTo(r)), "Java's own order would differ");
  }

  /** Dates of every vintage, and what a parser gets wrong: spaces, tabs, case, invalid days, DST gaps and overlaps. */
  static final List<String> DATES = List.of("2025-11-17 22:05:06 UTC", "  2025-11-17 22:05:06 UTC  ",
      "\t2025-11-17 22:05:06 UTC", "2019-11-06T02:08:20", "2019-11-06 02:08:20", "2019-11-06T02:08:20Z",
      "2025-02-30 10:00:00 UTC", "2024-02-29 10:00:00 UTC", "July 6, 2017, 2:08 PM", "july 6, 2017, 2:08 pm",
      "Jul 6, 2017, 2:08 PM", "November 6, 2017, 12:08 AM", "March 30, 2025, 1:30 AM", "October 26, 2025, 1:30 AM",
      "March 9, 2025, 2:30 AM", "November 2, 2025, 1:30 AM", "June 31, 2017, 2:08 PM", "0001-01-01 00:00:00 UTC",
      "1582-10-10 12:00:00 UTC", "yesterday", "", "2025-11-17 22:05 UTC", "2025-11-17 22:05:06 utc");

  @Test
  void timesAreWhatSparksToTimestampAndToUtcTimestampGive() {
    StructType schema = new StructType().add("date", DataTypes.StringType).add("zone", DataTypes.StringType);
    List<Object[]> rows = new ArrayList<>();
    for (String zone : List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata")) {
      DATES.forEach(d -> rows.add(row(d, zone)));
    }
    Column raw = trim(col("date"));
    Column utc = coalesce(MemberMessages.UTC_FORMATS.stream().map(f -> to_timestamp(raw, f)).toArray(Column[]::new));
    Column local = coalesce(MemberMessages.LOCAL_FORMATS.stream().map(f -> to_timestamp(raw, f)).toArray(Column[]::new));
    List<Row> spark = df(schema, rows.toArray(Object[][]::new))
        .select(col("date"), col("zone"), coalesce(utc, to_utc_timestamp(local, col("zone"))).as("ts")).collectAsList();
    int parsed = 0;
    for (Row r : spark) {
      Long micros = new MemberMessages.Times(r.getString(1)).parse(r.getString(0));
      java.sql.Timestamp expected = r.getTimestamp(2);
      assertEquals(expected == null ? null : expected.toString(),
          micros == null ? null : org.apache.spark.sql.catalyst.util.DateTimeUtils.toJavaTimestamp(micros).toString(),
          r.getString(0) + " in " + r.getString(1));
      parsed += expected == null ? 0 : 1;
    }
    org.junit.jupiter.api.Assertions.assertTrue(parsed > 0 && parsed < spark.size(), "the battery has dates each side: " + parsed);
  }

  @Test
  void sparkStringSemantics() {
    assertEquals("a\t", SparkStrings.trim("  a\t "));
    assertNull(SparkStrings.trim(null));
    assertEquals(List.of("a", "", "b", ""), SparkStrings.split("a,,b,", ','));
    assertEquals(List.of(""), SparkStrings.split("", ','));
    String emoji = "\uD83D\uDE00";
    String replacement = "\uFFFD";
    assertEquals(1, Integer.signum(SparkStrings.compare(emoji, replacement)), "code point order: U+1F600 > U+FFFD");
    assertEquals(-1, Integer.signum(emoji.compareTo(replacement)), "unlike Java's UTF-16 order");
    assertEquals(-1, Integer.signum(SparkStrings.compare("ab", "abc")));
    assertEquals(0, SparkStrings.compare("ab", "ab"));
  }
}
