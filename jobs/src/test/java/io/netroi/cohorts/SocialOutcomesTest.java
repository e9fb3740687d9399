package io.netroi.cohorts;

import static io.netroi.cohorts.CohortInputs.date;
import static io.netroi.cohorts.CohortRows.assertCounts;
import static io.netroi.cohorts.CohortRows.assertDiff;
import static io.netroi.cohorts.CohortRows.assertNoDiff;
import static io.netroi.cohorts.CohortRows.find;

import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * m1 (Sales) observed until 2025-12-31 UTC: cut 2025-01-01. s1 none (outcome in the window), s2 none
 * (outcome the day before the cut), s3 mostly at exactly 0.5 (outcome on the last day), s4 some
 * (0.49), s5 without messages before the cut (left out), s6 started after the cut (left out).
 */
class SocialOutcomesTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();
  private static final List<String> COUNTS = List.of("relationships", "with_outcome");

  @Test
  void groupsBySocialShareAtTheCut() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31", row("m1", "Sales", "UTC", true, date("2025-12-31")));
    Dataset<Row> relationships = df(TieBandOutcomesTest.RELATIONSHIPS_AT_CUT,
        row("m1", "Sales", "s1", false, date("2024-01-01"), "weak", 0.0, date("2024-12-31")),
        row("m1", "Sales", "s2", false, date("2024-01-01"), "weak", 0.0, date("2024-12-31")),
        row("m1", "Sales", "s3", false, date("2024-01-01"), "medium", 0.5, date("2024-12-31")),
        row("m1", "Sales", "s4", false, date("2024-01-01"), "medium", 0.49, date("2024-12-31")),
        row("m1", "Sales", "s5", false, date("2024-01-01"), "weak", null, date("2024-12-31")),
        row("m1", "Sales", "s6", false, date("2025-02-01"), "weak", 0.8, date("2024-12-31")));
    Dataset<Row> outcomes = df(CohortInputs.OUTCOMES,
        row("o1", date("2025-03-01"), "m1", "s1"),
        row("o2", date("2024-12-31"), "m1", "s2"),
        row("o3", date("2025-12-31"), "m1", "s3"),
        row("o5", date("2025-03-01"), "m1", "s5"),
        row("o6", date("2025-03-01"), "m1", "s6"));
    Dataset<Row> table = SocialOutcomes.build(relationships, outcomes, windows, P);
    Assertions.assertDoesNotThrow(() -> Tables.conform(table, "social_outcomes"));
    List<Row> rows = table.collectAsList();
    Assertions.assertEquals(3 * 3, rows.size(), "org, Sales, m1: none, some, mostly");
    Row none = find(rows, "member", "m1", "social_group", "none");
    assertCounts(none, COUNTS, 2L, 1L);
    assertNoDiff(none, "outcome_rate", "none");
    Row some = find(rows, "member", "m1", "social_group", "some");
    assertCounts(some, COUNTS, 1L, 0L);
    assertDiff(some, "outcome_rate", "none", 0, 1, 1, 2);
    Row mostly = find(rows, "org", "org", "social_group", "mostly");
    assertCounts(mostly, COUNTS, 1L, 1L);
    assertDiff(mostly, "outcome_rate", "none", 1, 1, 1, 2);
  }
}
