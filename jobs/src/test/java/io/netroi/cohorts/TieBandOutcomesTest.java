package io.netroi.cohorts;

import static io.netroi.cohorts.CohortInputs.date;
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
 * m1 and m2 (Sales) observed until 2025-12-31 UTC: cut 2025-01-01, outcome window 2025-01-01 ..
 * 2025-12-31. m1: r1 weak (outcome on the cut day), r2 weak (outcome the day before the cut), r3
 * strong (outcome on the last day), r4 strong started on the cut day (left out), r5 medium, r6 a
 * colleague, r7 medium (outcome the day after observed_until). m2: s1 weak (outcome by another owner).
 */
class TieBandOutcomesTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();
  private static final List<String> COUNTS = List.of("relationships", "with_outcome");
  static final StructType RELATIONSHIPS_AT_CUT = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("is_colleague", DataTypes.BooleanType).add("started_on", DataTypes.DateType)
      .add("tie_band", DataTypes.StringType).add("social_share", DataTypes.DoubleType)
      .add("observed_until", DataTypes.DateType);

  private static Dataset<Row> result;

  private Dataset<Row> table() {
    if (result == null) {
      result = build();
    }
    return result;
  }

  private Dataset<Row> build() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31",
        row("m1", "Sales", "UTC", true, date("2025-12-31")), row("m2", "Sales", "UTC", true, date("2025-12-31")));
    Dataset<Row> relationships = df(RELATIONSHIPS_AT_CUT,
        row("m1", "Sales", "r1", false, date("2024-01-01"), "weak", 0.0, date("2024-12-31")),
        row("m1", "Sales", "r2", false, date("2024-05-01"), "weak", null, date("2024-12-31")),
        row("m1", "Sales", "r3", false, date("2023-01-01"), "strong", 0.5, date("2024-12-31")),
        row("m1", "Sales", "r4", false, date("2025-01-01"), "strong", 0.5, date("2024-12-31")),
        row("m1", "Sales", "r5", false, date("2024-12-31"), "medium", 0.2, date("2024-12-31")),
        row("m1", "Sales", "r6", true, date("2023-01-01"), "strong", 0.9, date("2024-12-31")),
        row("m1", "Sales", "r7", false, date("2024-02-02"), "medium", 0.2, date("2024-12-31")),
        row("m2", "Sales", "s1", false, date("2024-02-02"), "weak", 0.0, date("2024-12-31")));
    Dataset<Row> outcomes = df(CohortInputs.OUTCOMES,
        row("o1", date("2025-01-01"), "m1", "r1"),
        row("o2", date("2024-12-31"), "m1", "r2"),
        row("o3", date("2025-12-31"), "m1", "r3"),
        row("o4", date("2025-06-01"), "m1", "r4"),
        row("o6", date("2025-06-01"), "m1", "r6"),
        row("o7", date("2026-01-01"), "m1", "r7"),
        row("o8", date("2025-03-01"), "m1", "s1"));
    return TieBandOutcomes.build(relationships, outcomes, windows, P);
  }

  @Test
  void groupsByTieBandAtTheCutWithOutcomesInTheWindowOnly() {
    Assertions.assertDoesNotThrow(() -> Tables.conform(table(), "tie_band_outcomes"));
    List<Row> rows = table().collectAsList();
    Assertions.assertEquals(3 + 3 + 3 + 1, rows.size(), "org, Sales, m1: three bands; m2: weak");
    Row weak = find(rows, "member", "m1", "tie_band", "weak");
    assertCounts(weak, COUNTS, 2L, 1L);
    assertRate(weak, "outcome_rate", 1, 2L);
    assertCounts(find(rows, "member", "m1", "tie_band", "medium"), COUNTS, 2L, 0L);
    assertCounts(find(rows, "member", "m1", "tie_band", "strong"), COUNTS, 1L, 1L);
    assertCounts(find(rows, "org", "org", "tie_band", "weak"), COUNTS, 3L, 2L);
  }

  @Test
  void differencesVsWeak() {
    List<Row> rows = table().collectAsList();
    assertNoDiff(find(rows, "org", "org", "tie_band", "weak"), "outcome_rate", "weak");
    assertDiff(find(rows, "org", "org", "tie_band", "strong"), "outcome_rate", "weak", 1, 1, 2, 3);
    assertDiff(find(rows, "member", "m1", "tie_band", "medium"), "outcome_rate", "weak", 0, 2, 1, 2);
    assertCluster(find(rows, "team", "Sales", "tie_band", "weak"), "outcome_rate", new long[] {1, 1}, new long[] {2, 1}, P);
  }
}
