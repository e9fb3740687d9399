package io.netroi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.config.NetroiConfig;
import io.netroi.testing.SparkTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IngestTablesTest extends SparkTestBase {
  static final StructType INVITES = new StructType()
      .add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType)
      .add("direction", DataTypes.StringType)
      .add("sent_at", DataTypes.TimestampType)
      .add("timezone", DataTypes.StringType);
  static final StructType CONNECTIONS = new StructType()
      .add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType)
      .add("connected_on", DataTypes.DateType);

  static Timestamp ts(String s) {
    return Timestamp.valueOf(s);
  }

  @Test
  void acceptanceUsesTheLatestInvitationLocalDateAndA180DayWindow() {
    Dataset<Row> invites = df(INVITES,
        // accepted the same local day: 23:30 UTC on 1 Mar is 2 Mar in Kolkata, connection dated 2 Mar
        row("m01", "a", "out", ts("2025-03-01 23:30:00"), "Asia/Kolkata"),
        // connection 181 days after the invitation: not accepted
        row("m01", "b", "out", ts("2025-01-01 12:00:00"), "Asia/Kolkata"),
        // two invitations to c: only the latest can be the accepted one
        row("m01", "c", "out", ts("2024-01-01 12:00:00"), "Asia/Kolkata"),
        row("m01", "c", "out", ts("2025-01-01 12:00:00"), "Asia/Kolkata"),
        // connection before the invitation: not an acceptance of it
        row("m01", "d", "out", ts("2025-05-01 12:00:00"), "Asia/Kolkata"),
        row("m01", "e", "in", ts("2025-05-01 12:00:00"), "Asia/Kolkata"),
        // m02 has outgoing invitations but none of its invitees is a connection: not measurable
        row("m02", "x", "out", ts("2025-05-01 12:00:00"), "UTC"));
    Dataset<Row> connections = df(CONNECTIONS,
        row("m01", "a", Date.valueOf("2025-03-02")),
        row("m01", "b", Date.valueOf("2025-07-01")),
        row("m01", "c", Date.valueOf("2025-02-01")),
        row("m01", "d", Date.valueOf("2025-04-01")),
        row("m01", "e", Date.valueOf("2025-05-02")));
    List<Row> out = IngestTables.withAcceptance(invites, connections, NetroiConfig.defaults())
        .orderBy("member_id", "contact_key", "sent_at").collectAsList();
    assertEquals(Boolean.TRUE, out.get(0).getAs("is_accepted"), "a");
    assertEquals(Boolean.FALSE, out.get(1).getAs("is_accepted"), "b: 181 days");
    assertEquals(Boolean.FALSE, out.get(2).getAs("is_accepted"), "c: superseded invitation");
    assertEquals(Boolean.TRUE, out.get(3).getAs("is_accepted"), "c: latest");
    assertEquals(Boolean.FALSE, out.get(4).getAs("is_accepted"), "d: connected before");
    assertNull(out.get(5).getAs("is_accepted"), "incoming invitations have no acceptance");
    assertNull(out.get(6).getAs("is_accepted"), "m02: not measurable, not zero");
  }

  static final StructType DEDUP = new StructType()
      .add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType)
      .add("export_id", DataTypes.StringType)
      .add("export_date", DataTypes.StringType)
      .add("source_file", DataTypes.StringType)
      .add("row_number", DataTypes.LongType)
      .add("problem", DataTypes.StringType);

  @Test
  void duplicatesKeepTheNewestExportAndIgnoreRowsWithProblems() {
    Dataset<Row> rows = df(DEDUP,
        row("m01", "a", "old.zip", "2025-03-02", "old.zip!Connections.csv", 5L, null),
        row("m01", "a", "new", "2025-11-10", "new/Connections.csv", 9L, null),
        row("m01", "b", "old.zip", "2025-03-02", "old.zip!Connections.csv", 6L, "rejected:unparseable_date"),
        row("m01", "b", "new", "2025-11-10", "new/Connections.csv", 10L, null),
        row("m02", "a", "x", "2025-11-10", "x/Connections.csv", 2L, null));
    List<Row> out = Dedup.markDuplicates(rows, "member_id", "contact_key")
        .orderBy("member_id", "contact_key", "row_number").collectAsList();
    assertEquals("excluded:duplicate", out.get(0).getAs("problem"), "older copy of a");
    assertNull(out.get(1).getAs("problem"));
    assertEquals("rejected:unparseable_date", out.get(2).getAs("problem"), "a reject stays a reject");
    assertNull(out.get(3).getAs("problem"), "b's only good row is kept");
    assertNull(out.get(4).getAs("problem"), "another member's row is not a duplicate");
  }

  static final StructType RANKED = new StructType()
      .add("member_id", DataTypes.StringType)
      .add("row_number", DataTypes.LongType)
      .add("copy", DataTypes.IntegerType)
      .add("copy_group", DataTypes.IntegerType)
      .add("problem", DataTypes.StringType);

  @Test
  void rankedCopiesKeepTheFirstCopyStillKept() {
    Dataset<Row> rows = df(RANKED,
        row("m01", 1L, 1, 0, null), row("m01", 2L, 2, 0, null), // group 0: the newest is kept
        row("m01", 3L, 1, 1, Keyed.ERASED), row("m01", 4L, 2, 1, null), row("m01", 5L, 3, 1, null),
        row("m01", 6L, 1, 2, Keyed.ERASED), row("m01", 7L, 2, 2, Keyed.ERASED), // every copy erased
        row("m01", 8L, 1, null, null), // no copies
        row("m01", 9L, null, null, "rejected:unparseable_date"),
        row("m02", 1L, 2, 0, null)); // the same group number in another member: its own group
    List<Row> out = Dedup.markRankedCopies(rows).orderBy("member_id", "row_number").collectAsList();
    List<String> problems = out.stream().map(r -> (String) r.getAs("problem")).toList();
    assertEquals(java.util.Arrays.asList(null, Dedup.DUPLICATE,
        Keyed.ERASED, null, Dedup.DUPLICATE, // the erased newest copy passes the message on to the next
        Keyed.ERASED, Keyed.ERASED, null, "rejected:unparseable_date", Dedup.DUPLICATE), problems);
    assertEquals(List.of(RANKED.fieldNames()), List.of(out.get(0).schema().fieldNames()));
  }
}
