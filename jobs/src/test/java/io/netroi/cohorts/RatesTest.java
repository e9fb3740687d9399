package io.netroi.cohorts;

import static io.netroi.cohorts.CohortRows.assertCluster;
import static io.netroi.cohorts.CohortRows.assertCounts;
import static io.netroi.cohorts.CohortRows.assertDiff;
import static io.netroi.cohorts.CohortRows.assertNoDiff;
import static io.netroi.cohorts.CohortRows.assertNull;
import static io.netroi.cohorts.CohortRows.assertRate;
import static io.netroi.cohorts.CohortRows.find;

import io.netroi.cohorts.Rates.Comparison;
import io.netroi.cohorts.Rates.Rate;
import io.netroi.relationships.RelationshipParams;
import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RatesTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();
  private static final List<String> COUNTS = List.of("hits", "tries");
  private static final List<Rate> RATES = List.of(new Rate("hit_rate", "hits", "tries"));
  private static final Comparison VS_A = new Comparison("g", "a", "a");

  /**
   * m1 (team A): a 2/3, b 1/1; m2 (team A): a 0/2, b 1/2; m3 (team B): b 1/1, plus group c where the
   * count does not apply (null) and an item without a group (left out).
   */
  private List<Row> table() {
    if (table == null) {
      table = build();
    }
    return table;
  }

  private static List<Row> table;

  private List<Row> build() {
    StructType schema = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("g", DataTypes.StringType).add("hits", DataTypes.IntegerType).add("tries", DataTypes.IntegerType);
    return Rates.table(df(schema,
        row("m1", "A", "a", 1, 1), row("m1", "A", "a", 0, 1), row("m1", "A", "a", 1, 1), row("m1", "A", "b", 1, 1),
        row("m2", "A", "a", 0, 1), row("m2", "A", "a", 0, 1), row("m2", "A", "b", 0, 1), row("m2", "A", "b", 1, 1),
        row("m3", "B", "b", 1, 1), row("m3", "B", "c", null, null), row("m3", "B", null, 1, 1)),
        VS_A, COUNTS, RATES, P).collectAsList();
  }

  @Test
  void countsRatesAndWilsonBoundsPerScopeAndGroup() {
    List<Row> rows = table();
    Assertions.assertEquals(3 + 2 + 2 + 2 + 2 + 2, rows.size(), "org a/b/c, team A a/b, team B b/c, m1 a/b, m2 a/b, m3 b/c");
    Row orgA = find(rows, "org", "org", "g", "a");
    assertCounts(orgA, COUNTS, 2L, 5L);
    assertRate(orgA, "hit_rate", 2, 5L);
    Row orgB = find(rows, "org", "org", "g", "b");
    assertCounts(orgB, COUNTS, 3L, 4L);
    assertRate(orgB, "hit_rate", 3, 4L);
    Row m2b = find(rows, "member", "m2", "g", "b");
    assertCounts(m2b, COUNTS, 1L, 2L);
    assertRate(m2b, "hit_rate", 1, 2L);
  }

  @Test
  void notApplicableCountsStayNull() {
    Row orgC = find(table(), "org", "org", "g", "c");
    assertCounts(orgC, COUNTS, null, null);
    assertRate(orgC, "hit_rate", 0, null);
    assertNoDiff(orgC, "hit_rate", "a");
  }

  @Test
  void clusterBoundsOverTheScopesMembersForTeamAndOrgOnly() {
    List<Row> rows = table();
    assertCluster(find(rows, "org", "org", "g", "b"), "hit_rate", new long[] {1, 1, 1}, new long[] {1, 2, 1}, P);
    assertCluster(find(rows, "org", "org", "g", "a"), "hit_rate", new long[] {2, 0}, new long[] {3, 2}, P);
    assertCluster(find(rows, "team", "A", "g", "b"), "hit_rate", new long[] {1, 1}, new long[] {1, 2}, P);
    Row teamB = find(rows, "team", "B", "g", "b");
    Assertions.assertEquals(1.0, (Double) teamB.getAs("hit_rate_cluster_low"), 0.0, "one member: degenerate");
    Assertions.assertEquals(1.0, (Double) teamB.getAs("hit_rate_cluster_high"), 0.0);
    assertNull(find(rows, "member", "m1", "g", "a"), "hit_rate_cluster_low", "hit_rate_cluster_high");
  }

  @Test
  void differencesToTheBaselineInTheSameScope() {
    List<Row> rows = table();
    assertNoDiff(find(rows, "org", "org", "g", "a"), "hit_rate", "a");
    assertDiff(find(rows, "org", "org", "g", "b"), "hit_rate", "a", 3, 4, 2, 5);
    assertDiff(find(rows, "team", "A", "g", "b"), "hit_rate", "a", 2, 3, 2, 5);
    assertDiff(find(rows, "member", "m2", "g", "b"), "hit_rate", "a", 1, 2, 0, 2);
    assertNoDiff(find(rows, "team", "B", "g", "b"), "hit_rate", "a");
  }
}
