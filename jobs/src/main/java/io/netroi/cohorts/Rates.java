package io.netroi.cohorts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.RelationshipParams;
import io.netroi.stats.ClusterBootstrap;
import io.netroi.stats.Newcombe;
import io.netroi.stats.Wilson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Shared rate machinery of the outcome comparisons (docs/relationships.md "Scopes", "Outcome
 * comparisons"). Input: one row per counted item (relationship or invitation) with member_id, team,
 * the group column and 0/1 count columns, where null means "does not apply to this group" (so a
 * count that applies to no row of a group stays null instead of 0). Output per scope and group: the
 * summed counts; per rate its value, Wilson bounds ({@code _low}/{@code _high}), cluster bootstrap
 * bounds over members for team and org rows ({@code _cluster_low}/{@code _cluster_high}, null for
 * member rows) and the difference to the baseline group in the same scope with Newcombe bounds
 * ({@code _diff_vs_<label>}, {@code _diff_low}, {@code _diff_high}; null on the baseline row and
 * where either rate is undefined), and for team and org rows the same difference bootstrapped over
 * members ({@code _diff_cluster_low}, {@code _diff_cluster_high}, {@code _diff_p}).
 */
final class Rates {
  /** One rate: {@code name} = sum(successes) / sum(trials); null when there are no trials. */
  record Rate(String name, String successes, String trials) {}

  /** The grouping of a table and its baseline group, named {@code label} in the difference columns. */
  record Comparison(String group, Object baseline, String label) {}

  private Rates() {}

  /** The whole cohort table: scope counts, rates, Wilson, cluster and difference bounds. */
  static Dataset<Row> table(Dataset<Row> items, Comparison c, List<String> counts, List<Rate> rates,
      RelationshipParams p) {
    // small (members x groups) and read three times, twice by driver-side bootstraps: computed once
    Dataset<Row> perMember = perMember(items, c.group(), counts).localCheckpoint();
    Dataset<Row> scoped = withWilson(byScope(perMember, c.group(), counts, p.orgName()), rates);
    Dataset<Row> clustered = withClusterBounds(scoped, perMember, c.group(), rates, p);
    return withClusterDifferences(withDifferences(clustered, c, rates), perMember, c, rates, p);
  }

  /** A 0/1 count column: 1 where the condition holds (null counts as 0). */
  static Column count(Column condition) {
    return when(condition, lit(1)).otherwise(lit(0));
  }

  /** A 0/1 count column that applies only where {@code applies} holds; null (not applicable) elsewhere. */
  static Column count(Column applies, Column condition) {
    return when(applies, count(condition));
  }

  /** Sum of each count per member and group; rows without a group are left out. */
  static Dataset<Row> perMember(Dataset<Row> items, String group, List<String> counts) {
    return summed(items.where(col(group).isNotNull()).groupBy(col("member_id"), col("team"), col(group)), counts);
  }

  /** Sum of each per-member count per scope and group (org, team and member scope). */
  static Dataset<Row> byScope(Dataset<Row> perMember, String group, List<String> counts, String orgName) {
    return summed(Scopes.explode(perMember, orgName).groupBy(col("scope"), col("scope_id"), col(group)), counts);
  }

  /** Each rate with its Wilson 95% bounds. */
  static Dataset<Row> withWilson(Dataset<Row> scoped, List<Rate> rates) {
    Dataset<Row> out = scoped;
    for (Rate r : rates) {
      out = Wilson.withRate(out, r.name(), r.successes(), r.trials());
    }
    return out;
  }

  /**
   * Each rate's cluster bootstrap bounds for team and org rows (null for member rows): the per-member
   * counts are collected to the driver, bootstrapped per scope and group, and joined back.
   */
  static Dataset<Row> withClusterBounds(Dataset<Row> scoped, Dataset<Row> perMember, String group,
      List<Rate> rates, RelationshipParams p) {
    Dataset<Row> bounds = clusterBounds(perMember, group, rates, p);
    return scoped.join(bounds, new String[] {"scope", "scope_id", group}, "left");
  }

  /** One row per team and org scope and group: scope, scope_id, group, {@code <rate>_cluster_low/_high} for each rate. */
  static Dataset<Row> clusterBounds(Dataset<Row> perMember, String group, List<Rate> rates, RelationshipParams p) {
    StructType schema = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add(group, perMember.schema().apply(group).dataType());
    for (Rate r : rates) {
      schema = schema.add(r.name() + "_cluster_low", DataTypes.DoubleType)
          .add(r.name() + "_cluster_high", DataTypes.DoubleType);
    }
    List<Row> rows = new ArrayList<>();
    clustersByCell(perMember, group, p.orgName()).forEach((cell, members) ->
        rows.add(RowFactory.create(cellBounds(cell, members, rates, p).toArray())));
    return perMember.sparkSession().createDataFrame(rows, schema);
  }

  /** Team and org scope members' counts on the driver, by (scope, scope_id, group), members sorted by id. */
  static Map<List<Object>, List<Row>> clustersByCell(Dataset<Row> perMember, String group, String orgName) {
    List<Row> rows = Scopes.explode(perMember, orgName).where(col("scope").notEqual(lit(Scopes.MEMBER)))
        .orderBy(col("scope"), col("scope_id"), col(group), col("member_id")).collectAsList();
    Map<List<Object>, List<Row>> cells = new LinkedHashMap<>();
    for (Row r : rows) {
      List<Object> cell = Arrays.asList(r.getAs("scope"), r.getAs("scope_id"), r.getAs(group));
      cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(r);
    }
    return cells;
  }

  /** The cell key followed by (cluster_low, cluster_high) of each rate. */
  static List<Object> cellBounds(List<Object> cell, List<Row> members, List<Rate> rates, RelationshipParams p) {
    List<Object> values = new ArrayList<>(cell);
    for (Rate r : rates) {
      double[] b = memberBootstrap(members, r, p);
      values.add(Double.isNaN(b[0]) ? null : b[0]);
      values.add(Double.isNaN(b[1]) ? null : b[1]);
    }
    return values;
  }

  /** The bootstrap over the members that have trials for this rate (members without trials add nothing to the pooled rate). */
  static double[] memberBootstrap(List<Row> members, Rate r, RelationshipParams p) {
    List<Row> withTrials = members.stream().filter(m -> longOrZero(m, r.trials()) > 0).toList();
    long[] k = withTrials.stream().mapToLong(m -> longOrZero(m, r.successes())).toArray();
    long[] n = withTrials.stream().mapToLong(m -> longOrZero(m, r.trials())).toArray();
    return ClusterBootstrap.interval(k, n, p.bootstrapReplicates(), p.bootstrapSeed());
  }

  /**
   * Each rate's difference to the baseline group of the same scope, with Newcombe bounds; null on
   * the baseline row, where the scope has no baseline row and where either rate is undefined.
   */
  static Dataset<Row> withDifferences(Dataset<Row> scoped, Comparison c, List<Rate> rates) {
    Column isBaseline = col(c.group()).equalTo(lit(c.baseline()));
    List<Column> baseCols = new ArrayList<>(List.of(col("scope"), col("scope_id")));
    for (Rate r : rates) {
      baseCols.add(col(r.successes()).as("_base_k_" + r.name()));
      baseCols.add(col(r.trials()).as("_base_n_" + r.name()));
    }
    Dataset<Row> base = scoped.where(isBaseline).select(baseCols.toArray(Column[]::new));
    Dataset<Row> out = scoped.join(base, new String[] {"scope", "scope_id"}, "left");
    for (Rate r : rates) {
      Column k1 = col(r.successes());
      Column n1 = col(r.trials());
      Column k2 = col("_base_k_" + r.name());
      Column n2 = col("_base_n_" + r.name());
      Column other = col(c.group()).notEqual(lit(c.baseline()));
      out = out.withColumn(r.name() + "_diff_vs_" + c.label(), when(other, Newcombe.estimate(k1, n1, k2, n2)))
          .withColumn(r.name() + "_diff_low", when(other, Newcombe.low(k1, n1, k2, n2, Wilson.Z95)))
          .withColumn(r.name() + "_diff_high", when(other, Newcombe.high(k1, n1, k2, n2, Wilson.Z95)))
          .drop("_base_k_" + r.name(), "_base_n_" + r.name());
    }
    return out;
  }

  /**
   * For team and org rows of a non-baseline group, each rate's difference to the baseline bootstrapped
   * over the scope's members ({@link ClusterBootstrap#difference}: both groups from the same draw of
   * members): {@code <rate>_diff_cluster_low/_high} and {@code <rate>_diff_p}; null elsewhere.
   */
  static Dataset<Row> withClusterDifferences(Dataset<Row> scoped, Dataset<Row> perMember, Comparison c,
      List<Rate> rates, RelationshipParams p) {
    StructType schema = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add(c.group(), perMember.schema().apply(c.group()).dataType());
    for (Rate r : rates) {
      schema = schema.add(r.name() + "_diff_cluster_low", DataTypes.DoubleType)
          .add(r.name() + "_diff_cluster_high", DataTypes.DoubleType).add(r.name() + "_diff_p", DataTypes.DoubleType);
    }
    Map<List<Object>, List<Row>> cells = clustersByCell(perMember, c.group(), p.orgName());
    List<Row> rows = new ArrayList<>();
    cells.forEach((cell, members) -> {
      List<Row> base = cells.get(Arrays.asList(cell.get(0), cell.get(1), c.baseline()));
      if (base == null || java.util.Objects.equals(cell.get(2), c.baseline())) {
        return;
      }
      List<Object> values = new ArrayList<>(cell);
      for (Rate r : rates) {
        ClusterBootstrap.Difference d = pairedBootstrap(members, base, r, p);
        values.add(Double.isNaN(d.low()) ? null : d.low());
        values.add(Double.isNaN(d.high()) ? null : d.high());
        values.add(Double.isNaN(d.p()) ? null : d.p());
      }
      rows.add(RowFactory.create(values.toArray()));
    });
    Dataset<Row> bounds = perMember.sparkSession().createDataFrame(rows, schema);
    return scoped.join(bounds, new String[] {"scope", "scope_id", c.group()}, "left");
  }

  /** One rate's group-minus-baseline difference over the members of either, aligned by member_id. */
  static ClusterBootstrap.Difference pairedBootstrap(List<Row> group, List<Row> base, Rate r, RelationshipParams p) {
    Map<String, Row> g = new java.util.TreeMap<>();
    group.forEach(m -> g.put(m.getAs("member_id"), m));
    Map<String, Row> b = new java.util.TreeMap<>();
    base.forEach(m -> b.put(m.getAs("member_id"), m));
    java.util.SortedSet<String> ids = new java.util.TreeSet<>(g.keySet());
    ids.addAll(b.keySet());
    long[][] counts = new long[4][ids.size()];
    int i = 0;
    for (String id : ids) {
      counts[0][i] = g.containsKey(id) ? longOrZero(g.get(id), r.successes()) : 0;
      counts[1][i] = g.containsKey(id) ? longOrZero(g.get(id), r.trials()) : 0;
      counts[2][i] = b.containsKey(id) ? longOrZero(b.get(id), r.successes()) : 0;
      counts[3][i] = b.containsKey(id) ? longOrZero(b.get(id), r.trials()) : 0;
      i++;
    }
    return ClusterBootstrap.difference(counts[0], counts[1], counts[2], counts[3], p.bootstrapReplicates(),
        p.bootstrapSeed());
  }

  /** Each count column summed under its own name (null when every value is null). */
  private static Dataset<Row> summed(RelationalGroupedDataset grouped, List<String> counts) {
    Column[] sums = counts.stream().map(c -> sum(col(c)).as(c)).toArray(Column[]::new);
    return grouped.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
  }

  private static long longOrZero(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? 0L : ((Number) v).longValue();
  }
}
