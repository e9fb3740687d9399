package io.netroi.cohorts;

import static io.netroi.cohorts.CohortInputs.date;
import static io.netroi.cohorts.CohortInputs.ts;
import static io.netroi.cohorts.CohortRows.assertCluster;
import static io.netroi.cohorts.CohortRows.assertCounts;
import static io.netroi.cohorts.CohortRows.assertDiff;
import static io.netroi.cohorts.CohortRows.assertNoDiff;
import static io.netroi.cohorts.CohortRows.assertRate;
import static io.netroi.cohorts.CohortRows.find;

import io.netroi.config.NetroiConfig;
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
 * Everyone observed until 2025-12-31 (UTC). m1 (Sales, measurable): personalised i1 (accepted,
 * two-way on days 4-5), i2 (refused, decided); vanilla i3 (open, answered on day 91), i4 (accepted,
 * two-way), i5 (open, engagement not observed); a colleague invitation and an incoming one, left out.
 * m2 (Ops) is not measurable (is_accepted null): left out entirely. m3 (Ops): one accepted vanilla.
 */
class InvitationCohortsTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();
  private static final List<String> COUNTS = List.of("sent", "accepted", "undecided", "engaged_90d_observed", "engaged_90d");
  private static final StructType INVITATIONS = new StructType().add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType).add("sent_at", DataTypes.TimestampType)
      .add("direction", DataTypes.StringType).add("is_personalised", DataTypes.BooleanType)
      .add("is_accepted", DataTypes.BooleanType).add("is_colleague", DataTypes.BooleanType);

  private static Dataset<Row> result;

  private Dataset<Row> table() {
    if (result == null) {
      result = build();
    }
    return result;
  }

  private Dataset<Row> build() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31",
        row("m1", "Sales", "UTC", true, date("2025-12-31")), row("m2", "Ops", "UTC", true, date("2025-12-31")),
        row("m3", "Ops", "UTC", true, date("2025-12-31")));
    Dataset<Row> invitations = df(INVITATIONS,
        row("m1", "i1", ts("2025-01-01T10:00:00Z"), "out", true, true, false),
        row("m1", "i2", ts("2025-02-01T10:00:00Z"), "out", true, false, false),
        row("m1", "i3", ts("2025-10-01T00:00:00Z"), "out", false, false, false),
        row("m1", "i4", ts("2025-03-01T10:00:00Z"), "out", false, true, false),
        row("m1", "i5", ts("2025-12-15T10:00:00Z"), "out", false, false, false),
        row("m1", "i6", ts("2025-01-01T10:00:00Z"), "out", true, true, true),
        row("m1", "i7", ts("2025-01-01T10:00:00Z"), "in", true, null, false),
        row("m2", "j1", ts("2025-01-01T10:00:00Z"), "out", false, null, false),
        row("m3", "k1", ts("2025-05-01T10:00:00Z"), "out", false, true, false));
    Dataset<Row> interactions = df(CohortInputs.INTERACTIONS,
        row("m1", "i1", ts("2025-01-05T10:00:00Z"), "in", "messages"),
        row("m1", "i1", ts("2025-01-06T10:00:00Z"), "out", "interactions"),
        row("m1", "i3", ts("2025-10-02T00:00:00Z"), "out", "messages"),
        row("m1", "i3", ts("2025-12-31T00:00:00Z"), "in", "messages"),
        row("m1", "i4", ts("2025-03-02T10:00:00Z"), "out", "messages"),
        row("m1", "i4", ts("2025-03-03T10:00:00Z"), "in", "messages"),
        row("m1", "i5", ts("2025-12-16T10:00:00Z"), "out", "messages"),
        row("m1", "i5", ts("2025-12-17T10:00:00Z"), "in", "messages"),
        row("m2", "j1", ts("2025-01-02T10:00:00Z"), "out", "messages"),
        row("m2", "j1", ts("2025-01-03T10:00:00Z"), "in", "messages"));
    return InvitationCohorts.build(invitations, interactions, windows, P);
  }

  @Test
  void conformsAndLeavesOutMembersWithoutMeasurableAcceptance() {
    Assertions.assertDoesNotThrow(() -> Tables.conform(table(), "invitation_cohorts"));
    List<Row> rows = table().collectAsList();
    Assertions.assertTrue(rows.stream().noneMatch(r -> "m2".equals(r.getAs("scope_id"))), rows.toString());
    Assertions.assertEquals(2 + 2 + 1 + 2 + 1, rows.size(), "org and Sales and m1: both; Ops and m3: vanilla only");
    assertCounts(find(rows, "team", "Ops", "is_personalised", false), COUNTS, 1L, 1L, 0L, 1L, 0L);
  }

  @Test
  void acceptanceOverAllSentWithUndecidedCounted() {
    List<Row> rows = table().collectAsList();
    Row personalised = find(rows, "member", "m1", "is_personalised", true);
    assertCounts(personalised, COUNTS, 2L, 1L, 0L, 2L, 1L);
    assertRate(personalised, "acceptance_rate", 1, 2L);
    Row vanilla = find(rows, "member", "m1", "is_personalised", false);
    assertCounts(vanilla, COUNTS, 3L, 1L, 2L, 2L, 1L);
    assertRate(vanilla, "acceptance_rate", 1, 3L);
    assertRate(vanilla, "engaged_90d_rate", 1, 2L);
  }

  @Test
  void personalisedMinusVanillaOnThePersonalisedRow() {
    List<Row> rows = table().collectAsList();
    Row personalised = find(rows, "org", "org", "is_personalised", true);
    assertDiff(personalised, "acceptance_rate", "vanilla", 1, 2, 2, 4);
    assertDiff(personalised, "engaged_90d_rate", "vanilla", 1, 2, 1, 3);
    Row vanilla = find(rows, "org", "org", "is_personalised", false);
    assertNoDiff(vanilla, "acceptance_rate", "vanilla");
    assertNoDiff(vanilla, "engaged_90d_rate", "vanilla");
    assertCluster(vanilla, "acceptance_rate", new long[] {1, 1}, new long[] {3, 1}, P);
  }

  @Test
  void acceptanceWindowFromTheConfiguration() {
    Assertions.assertEquals(180, InvitationCohorts.acceptWindowDays(NetroiConfig.defaults()));
    Assertions.assertEquals(30, InvitationCohorts.acceptWindowDays(
        NetroiConfig.defaults().with(InvitationCohorts.ACCEPT_WINDOW_KEY, "30")));
  }
}
