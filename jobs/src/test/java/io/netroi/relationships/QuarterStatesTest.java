package io.netroi.relationships;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class QuarterStatesTest extends SparkTestBase {
  private static final StructType MEMBERS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("timezone", DataTypes.StringType)
      .add("consent", DataTypes.BooleanType).add("observed_until", DataTypes.DateType);
  private static final StructType RELATIONSHIPS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("is_colleague", DataTypes.BooleanType).add("connected_on", DataTypes.DateType)
      .add("started_on", DataTypes.DateType);
  private static final StructType INTERACTIONS = new StructType().add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType).add("ts", DataTypes.TimestampType)
      .add("direction", DataTypes.StringType).add("channel", DataTypes.StringType)
      .add("is_group", DataTypes.BooleanType).add("source", DataTypes.StringType);

  private static final RelationshipParams P = RelationshipParams.defaults();

  private static Date d(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  private static Timestamp ts(String s) {
    return Timestamp.from(Instant.parse(s));
  }

  /** A LinkedIn message (one-to-one unless group). */
  private static Object[] msg(String member, String contact, String at, String direction, boolean group) {
    return row(member, contact, ts(at), direction, "linkedin", group, "messages");
  }

  /** A generic interaction (meeting, email, ...). */
  private static Object[] generic(String member, String contact, String at, String direction, String channel) {
    return row(member, contact, ts(at), direction, channel, false, "interactions");
  }

  private Dataset<Row> windows(Object[]... members) {
    return Observation.windows(df(MEMBERS, members), LocalDate.of(2026, 12, 31));
  }

  /** member|contact|quarter|since|msgs_out|msgs_in|other_out|other_in|active_months|tier|connected|partial */
  private static List<String> lines(Dataset<Row> rq) {
    return rq.orderBy("member_id", "contact_key", "quarter_index").collectAsList().stream()
        .map(r -> String.join("|", r.getAs("member_id"), r.getAs("contact_key"), r.getAs("quarter"),
            String.valueOf((Integer) r.getAs("quarters_since_start")),
            r.getAs("msgs_out") + "", r.getAs("msgs_in") + "", r.getAs("other_out") + "", r.getAs("other_in") + "",
            r.getAs("active_months") + "", r.getAs("tier"), r.getAs("is_connected") + "", r.getAs("is_partial") + ""))
        .toList();
  }

  /** m1 (UTC, observed to 2026-09-30): c1 engaged, core via a meeting, then quiet; c2 messaged before connecting. */
  private Dataset<Row> m1Relationships() {
    return df(RELATIONSHIPS,
        row("m1", "Sales", "c1", false, d("2026-01-10"), d("2026-01-10")),
        row("m1", "Sales", "c2", false, d("2026-05-20"), d("2026-02-03")));
  }

  private Dataset<Row> m1Interactions() {
    return df(INTERACTIONS,
        msg("m1", "c1", "2026-01-15T10:00:00Z", "out", false),
        msg("m1", "c1", "2026-01-20T10:00:00Z", "in", false),
        msg("m1", "c1", "2026-04-05T10:00:00Z", "out", false),
        generic("m1", "c1", "2026-05-10T10:00:00Z", "in", "meeting"),
        msg("m1", "c2", "2026-02-03T09:00:00Z", "out", true),
        msg("m1", "c2", "2026-06-01T09:00:00Z", "in", true),
        msg("m1", "c2", "2026-06-02T09:00:00Z", "out", false),
        // after m1's observation end (2026-10-01T00:00Z): ignored, and no 2026-Q4 row
        msg("m1", "c1", "2026-10-01T00:00:00Z", "in", false));
  }

  @Test
  void quietQuartersAreDormantRowsAndTiersFollowTheDirectionsAndMonths() {
    Dataset<Row> w = windows(row("m1", "Sales", "UTC", true, d("2026-09-30")));
    Dataset<Row> rq = QuarterStates.build(m1Relationships(), m1Interactions(), w, P);
    assertEquals(List.of(
        "m1|c1|2026-Q1|0|1|1|0|0|1|engaged|true|false", // two-way in January only
        "m1|c1|2026-Q2|1|1|0|0|1|2|core|true|false", // a message out in April, a meeting in in May
        "m1|c1|2026-Q3|2|0|0|0|0|0|dormant|true|false", // went quiet: a dormant row, not a missing one
        "m1|c2|2026-Q1|0|1|0|0|0|1|one_way|false|false", // a group message out, before the connection
        "m1|c2|2026-Q2|1|1|1|0|0|1|engaged|true|false", // group in, one-to-one out; connected 2026-05-20
        "m1|c2|2026-Q3|2|0|0|0|0|0|dormant|true|false"), lines(rq));
    Row first = rq.where(col("contact_key").equalTo("c1")).orderBy("quarter_index").first();
    assertEquals(2026 * 4, (int) first.<Integer>getAs("quarter_index"));
    assertEquals(d("2026-01-01"), first.getAs("quarter_start"));
    assertEquals("Sales", first.getAs("team"));
    assertEquals(false, first.getAs("is_colleague"));
    assertDoesNotThrow(() -> Tables.conform(rq, "relationship_quarters"));
  }

  @Test
  void localQuarterFollowsTheMemberTimeZoneAndTheLastQuarterIsPartialUntilItsLastDay() {
    Dataset<Row> w = windows(
        row("ny", "Sales", "America/New_York", true, d("2026-05-15")),
        row("tk", "Ops", "Asia/Tokyo", true, d("2026-06-30")));
    Dataset<Row> rels = df(RELATIONSHIPS,
        row("ny", "Sales", "c3", false, null, d("2026-01-05")),
        row("tk", "Ops", "c3", false, null, d("2026-01-05")),
        // starts after ny's observation end: no quarters at all (not a count-down sequence)
        row("ny", "Sales", "c9", false, d("2026-07-01"), d("2026-07-01")));
    Dataset<Row> inter = df(INTERACTIONS,
        msg("ny", "c3", "2026-03-31T23:30:00Z", "out", false), // 19:30 on 31 March in New York
        msg("ny", "c3", "2026-05-16T03:00:00Z", "in", false), // 23:00 on 15 May in New York: observed
        msg("ny", "c3", "2026-05-16T05:00:00Z", "out", false), // 01:00 on 16 May: after ny's observation end
        msg("tk", "c3", "2026-03-31T23:30:00Z", "out", false), // 08:30 on 1 April in Tokyo
        msg("tk", "c3", "2026-06-30T16:00:00Z", "in", false)); // 1 July in Tokyo: after tk's observation end
    assertEquals(List.of(
        "ny|c3|2026-Q1|0|1|0|0|0|1|one_way|false|false",
        "ny|c3|2026-Q2|1|0|1|0|0|1|one_way|false|true", // observed until 15 May: partial
        "tk|c3|2026-Q1|0|0|0|0|0|0|dormant|false|false",
        "tk|c3|2026-Q2|1|1|0|0|0|1|one_way|false|false"), // observed until 30 June: complete
        lines(QuarterStates.build(rels, inter, w, P)));
  }

  @Test
  void fiscalQuartersAreLabelledByTheFiscalYear() {
    Dataset<Row> w = windows(row("m1", "Sales", "UTC", true, d("2026-09-30")));
    Dataset<Row> rq = QuarterStates.build(m1Relationships(), m1Interactions(), w, P.withFiscalStartMonth(4))
        .where(col("contact_key").equalTo("c1")).orderBy("quarter_index");
    List<String> got = rq.collectAsList().stream()
        .map(r -> r.getAs("quarter") + "@" + r.getAs("quarter_index") + "@" + r.getAs("quarter_start") + "@"
            + r.getAs("tier") + "@" + r.getAs("is_partial"))
        .toList();
    assertEquals(List.of(
        "FY2026-Q4@" + (2026 * 4 + 3) + "@2026-01-01@engaged@false",
        "FY2027-Q1@" + (2027 * 4) + "@2026-04-01@core@false",
        "FY2027-Q2@" + (2027 * 4 + 1) + "@2026-07-01@dormant@false"), got);
  }
}
