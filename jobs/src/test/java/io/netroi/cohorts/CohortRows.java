package io.netroi.cohorts;

import io.netroi.relationships.RelationshipParams;
import io.netroi.stats.ClusterBootstrap;
import io.netroi.stats.Newcombe;
import io.netroi.stats.Wilson;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;

/** Finding and checking rows of a cohort table in tests. */
final class CohortRows {
  private CohortRows() {}

  /** The one row of a scope and group. */
  static Row find(List<Row> rows, String scope, String scopeId, String groupCol, Object group) {
    List<Row> hits = rows.stream().filter(r -> scope.equals(r.getAs("scope")) && scopeId.equals(r.getAs("scope_id"))
        && Objects.equals(group, r.getAs(groupCol))).toList();
    Assertions.assertEquals(1, hits.size(), "rows for " + scope + "/" + scopeId + "/" + group + " in " + rows);
    return hits.get(0);
  }

  /** The named long columns, null where the count does not apply. */
  static void assertCounts(Row r, List<String> columns, Long... expected) {
    for (int i = 0; i < columns.size(); i++) {
      Assertions.assertEquals(expected[i], r.getAs(columns.get(i)), columns.get(i) + " of " + r);
    }
  }

  /** A rate with its Wilson bounds for k/n; all null when n is null or 0. */
  static void assertRate(Row r, String rate, long k, Long n) {
    if (n == null || n == 0) {
      assertNull(r, rate, rate + "_low", rate + "_high", rate + "_cluster_low", rate + "_cluster_high");
      return;
    }
    double[] w = Wilson.interval(k, n, Wilson.Z95);
    Assertions.assertEquals((double) k / n, (Double) r.getAs(rate), 1e-12, rate + " of " + r);
    Assertions.assertEquals(w[0], (Double) r.getAs(rate + "_low"), 1e-12, rate + "_low of " + r);
    Assertions.assertEquals(w[1], (Double) r.getAs(rate + "_high"), 1e-12, rate + "_high of " + r);
  }

  /** Cluster bounds equal the bootstrap over these members' (successes, trials). */
  static void assertCluster(Row r, String rate, long[] k, long[] n, RelationshipParams p) {
    double[] b = ClusterBootstrap.interval(k, n, p.bootstrapReplicates(), p.bootstrapSeed());
    Assertions.assertEquals(b[0], (Double) r.getAs(rate + "_cluster_low"), 1e-12, rate + "_cluster_low of " + r);
    Assertions.assertEquals(b[1], (Double) r.getAs(rate + "_cluster_high"), 1e-12, rate + "_cluster_high of " + r);
  }

  /** The difference k1/n1 - k2/n2 with Newcombe bounds. */
  static void assertDiff(Row r, String rate, String label, long k1, long n1, long k2, long n2) {
    double[] d = Newcombe.difference(k1, n1, k2, n2, Wilson.Z95);
    Assertions.assertEquals(d[0], (Double) r.getAs(rate + "_diff_vs_" + label), 1e-12, rate + " diff of " + r);
    Assertions.assertEquals(d[1], (Double) r.getAs(rate + "_diff_low"), 1e-12, rate + " diff low of " + r);
    Assertions.assertEquals(d[2], (Double) r.getAs(rate + "_diff_high"), 1e-12, rate + " diff high of " + r);
  }

  /** No difference for this rate on this row. */
  static void assertNoDiff(Row r, String rate, String label) {
    assertNull(r, rate + "_diff_vs_" + label, rate + "_diff_low", rate + "_diff_high");
  }

  /** Each named column is null. */
  static void assertNull(Row r, String... columns) {
    for (String c : columns) {
      Assertions.assertNull(r.getAs(c), c + " of " + r);
    }
  }
}
