package io.netroi.cohorts;

import static io.netroi.cohorts.CohortInputs.date;
import static io.netroi.cohorts.CohortInputs.ts;
import static io.netroi.cohorts.CohortRows.assertCluster;
import static io.netroi.cohorts.CohortRows.assertCounts;
import static io.netroi.cohorts.CohortRows.assertDiff;
import static io.netroi.cohorts.CohortRows.assertNoDiff;
import static io.netroi.cohorts.CohortRows.assertRate;
import static io.netroi.cohorts.CohortRows.find;

import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * m1 and m2 (team Sales) observed until 2025-12-31 (UTC, observed_end 2026-01-01T00:00Z); m3 does
 * not consent. m1: c1 pitch (replied, two-way on day 90, outcome on day 365), c2 pitch (not replied,
 * answer on day 91, outcome on day 366), c3 relationship opened 10 days before observed_end
 * (replied, but nothing observed), c4 relationship (replied, one-way, outcome on the opener's day),
 * c5 inbound (two-way), c6 silent, c7 a colleague; m2: d1 pitch (replied, nothing else).
 */
class OutreachCohortsTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();
  private static final List<String> REPLY = List.of("reply_observed", "replied");
  private static final List<String> TWO_WAY = List.of("two_way_90d_observed", "two_way_90d");
  private static final List<String> LATER = List.of("later_outcome_observed", "later_outcome");
  private static final StructType RELATIONSHIPS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("is_colleague", DataTypes.BooleanType).add("is_connected", DataTypes.BooleanType)
      .add("opener_at", DataTypes.TimestampType).add("opener_style", DataTypes.StringType)
      .add("opener_replied", DataTypes.BooleanType).add("opener_reply_observed", DataTypes.BooleanType);

  private static Dataset<Row> result;

  private Dataset<Row> table() {
    if (result == null) {
      result = build();
    }
    return result;
  }

  private Dataset<Row> build() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31",
        row("m1", "Sales", "UTC", true, date("2025-12-31")), row("m2", "Sales", "UTC", true, date("2025-12-31")),
        row("m3", "Sales", "UTC", false, date("2025-12-31")));
    Dataset<Row> relationships = df(RELATIONSHIPS,
        row("m1", "Sales", "c1", false, true, ts("2024-01-10T12:00:00Z"), "pitch", true, true),
        row("m1", "Sales", "c2", false, false, ts("2024-01-10T12:00:00Z"), "pitch", false, true),
        row("m1", "Sales", "c3", false, false, ts("2025-12-22T00:00:00Z"), "relationship", true, false),
        row("m1", "Sales", "c4", false, false, ts("2024-06-01T09:00:00Z"), "relationship", true, true),
        row("m1", "Sales", "c5", false, true, ts("2024-03-01T09:00:00Z"), "inbound", null, null),
        row("m1", "Sales", "c6", false, true, null, "silent", null, null),
        row("m1", "Sales", "c7", true, true, ts("2024-01-10T12:00:00Z"), "pitch", true, true),
        row("m2", "Sales", "d1", false, false, ts("2024-02-01T08:00:00Z"), "pitch", true, true),
        row("m3", "Sales", "e1", false, true, ts("2024-02-01T08:00:00Z"), "pitch", true, true));
    Dataset<Row> interactions = df(CohortInputs.INTERACTIONS,
        row("m1", "c1", ts("2024-01-10T12:00:00Z"), "out", "messages"),
        row("m1", "c1", ts("2024-04-09T11:00:00Z"), "in", "interactions"),
        row("m1", "c2", ts("2024-01-10T12:00:00Z"), "out", "messages"),
        row("m1", "c2", ts("2024-04-10T09:00:00Z"), "in", "messages"),
        row("m1", "c3", ts("2025-12-22T00:00:00Z"), "out", "messages"),
        row("m1", "c3", ts("2025-12-23T00:00:00Z"), "in", "messages"),
        row("m1", "c4", ts("2024-06-01T09:00:00Z"), "out", "messages"),
        row("m1", "c4", ts("2024-06-02T09:00:00Z"), "out", "messages"),
        row("m1", "c5", ts("2024-03-01T09:00:00Z"), "in", "messages"),
        row("m1", "c5", ts("2024-03-02T09:00:00Z"), "out", "messages"),
        row("m1", "c7", ts("2024-01-10T12:00:00Z"), "out", "messages"),
        row("m1", "c7", ts("2024-01-11T12:00:00Z"), "in", "messages"));
    Dataset<Row> outcomes = df(CohortInputs.OUTCOMES,
        row("o1", date("2025-01-09"), "m2", "c1"),
        row("o2", date("2025-01-10"), "m1", "c2"),
        row("o3", date("2024-06-01"), "m1", "c4"),
        row("o4", date("2024-06-01"), "m1", null));
    return OutreachCohorts.build(relationships, interactions, outcomes, windows, P);
  }

  @Test
  void conformsToTheSchemaAndLeavesOutColleaguesAndNonConsentingMembers() {
    Assertions.assertDoesNotThrow(() -> Tables.conform(table(), "outreach_cohorts"));
    List<Row> rows = table().collectAsList();
    Assertions.assertEquals(4 + 4 + 4 + 1, rows.size(), "org, team and m1: 4 styles; m2: pitch; nothing of m3");
    assertCounts(find(rows, "member", "m1", "opener_style", "pitch"), List.of("relationships", "connected"), 2L, 1L);
  }

  @Test
  void replyRateOverObservedOpenersOnly() {
    List<Row> rows = table().collectAsList();
    Row pitch = find(rows, "member", "m1", "opener_style", "pitch");
    assertCounts(pitch, REPLY, 2L, 1L);
    assertRate(pitch, "reply_rate", 1, 2L);
    Row relationship = find(rows, "member", "m1", "opener_style", "relationship");
    assertCounts(relationship, List.of("relationships", "reply_observed", "replied"), 2L, 1L, 1L);
    Row inbound = find(rows, "member", "m1", "opener_style", "inbound");
    assertCounts(inbound, REPLY, null, null);
    assertRate(inbound, "reply_rate", 0, null);
  }

  @Test
  void twoWayWithinNinetyDaysOfTheOpener() {
    List<Row> rows = table().collectAsList();
    assertCounts(find(rows, "member", "m1", "opener_style", "pitch"), TWO_WAY, 2L, 1L);
    assertCounts(find(rows, "member", "m1", "opener_style", "relationship"), TWO_WAY, 1L, 0L);
    assertCounts(find(rows, "member", "m1", "opener_style", "inbound"), TWO_WAY, 1L, 1L);
  }

  @Test
  void laterOutcomeOnDay365NotOnDay366NorOnTheOpenersDay() {
    List<Row> rows = table().collectAsList();
    Row pitch = find(rows, "member", "m1", "opener_style", "pitch");
    assertCounts(pitch, LATER, 2L, 1L);
    assertRate(pitch, "later_outcome_rate", 1, 2L);
    assertCounts(find(rows, "member", "m1", "opener_style", "relationship"), LATER, 1L, 0L);
  }

  @Test
  void silentHasOnlyRelationshipsAndConnected() {
    Row silent = find(table().collectAsList(), "org", "org", "opener_style", "silent");
    assertCounts(silent, List.of("relationships", "connected", "reply_observed", "replied", "two_way_90d_observed",
        "two_way_90d", "later_outcome_observed", "later_outcome"), 1L, 1L, null, null, null, null, null, null);
    for (String rate : OutreachCohorts.RATES.stream().map(r -> r.name()).toList()) {
      assertRate(silent, rate, 0, null);
      assertNoDiff(silent, rate, "pitch");
    }
  }

  @Test
  void differencesVsPitchWithNewcombeBoundsAndNoneOnThePitchRow() {
    List<Row> rows = table().collectAsList();
    Row pitch = find(rows, "member", "m1", "opener_style", "pitch");
    for (String rate : List.of("reply_rate", "two_way_90d_rate", "later_outcome_rate")) {
      assertNoDiff(pitch, rate, "pitch");
    }
    Row relationship = find(rows, "member", "m1", "opener_style", "relationship");
    assertDiff(relationship, "reply_rate", "pitch", 1, 1, 1, 2);
    assertDiff(relationship, "two_way_90d_rate", "pitch", 0, 1, 1, 2);
    assertDiff(relationship, "later_outcome_rate", "pitch", 0, 1, 1, 2);
    Row inbound = find(rows, "org", "org", "opener_style", "inbound");
    assertNoDiff(inbound, "reply_rate", "pitch");
    assertDiff(inbound, "two_way_90d_rate", "pitch", 1, 1, 1, 3);
  }

  @Test
  void orgPoolsMembersWithClusterBounds() {
    List<Row> rows = table().collectAsList();
    Row orgPitch = find(rows, "org", "org", "opener_style", "pitch");
    assertCounts(orgPitch, List.of("relationships", "reply_observed", "replied", "two_way_90d_observed", "two_way_90d"),
        3L, 3L, 2L, 3L, 1L);
    assertRate(orgPitch, "reply_rate", 2, 3L);
    assertCluster(orgPitch, "reply_rate", new long[] {1, 1}, new long[] {2, 1}, P);
    assertCluster(find(rows, "team", "Sales", "opener_style", "pitch"), "two_way_90d_rate",
        new long[] {1, 0}, new long[] {2, 1}, P);
    CohortRows.assertNull(pitchOf(rows, "m1"), "reply_rate_cluster_low", "reply_rate_cluster_high");
  }

  private static Row pitchOf(List<Row> rows, String member) {
    return find(rows, "member", member, "opener_style", "pitch");
  }
}
