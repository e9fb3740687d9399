package io.netroi.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph given as an edge list, computed in Spark with the
 * alternating large-star / small-star algorithm (Kiveris et al., "Connected Components in
 * MapReduce and Beyond", SoCC 2014), as in GraphFrames. Each iteration is a few shuffles over
 * the current edges; the number of iterations grows with the logarithm of the component size,
 * not with its diameter, so long chains converge too. Nothing is collected to the driver.
 *
 * <p>The loop stops when the edges form a star forest: every edge points from a root to a leaf,
 * no root is anyone's leaf and no leaf has two roots. Edges are oriented smaller to larger, so
 * then each component is a star around its smallest node. The state is locally checkpointed
 * after every iteration so the lineage stays short.
 */
final class ConnectedComponents {
  private ConnectedComponents() {}

  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  /**
   * {@code node, root} for every node that appears in {@code edges} ({@code src, dst}: long,
   * non-null), where {@code root} is the smallest node of its component (itself for a root).
   *
   * @throws IllegalStateException when the edges are not a star forest after
   *     {@code maxIterations} iterations
   */
  static Dataset<Row> of(Dataset<Row> edges, int maxIterations) {
    requireColumns(edges, "src", "dst");
    Dataset<Row> ee = edges
        .filter(col("src").notEqual(col("dst")))
        .select(least(col("src"), col("dst")).as("src"), greatest(col("src"), col("dst")).as("dst"))
        .distinct()
        .localCheckpoint();
    for (int iteration = 0; ; iteration++) {
      if (isStarForest(ee)) {
        LOG.info("connected components: converged after {} iteration(s)", iteration);
        return ee.select(col("dst").as("node"), col("src").as("root"))
            .union(ee.select(col("src").as("node"), col("src").as("root")).distinct());
      }
      if (iteration == maxIterations) {
        throw new IllegalStateException("connected components did not converge within "
            + maxIterations + " iterations; the identifier graph is unusually deep or large");
      }
      ee = smallStar(largeStar(ee)).localCheckpoint();
    }
  }

  /**
   * For every node u (edges stored {@code src < dst}): each neighbour larger than u is linked to
   * the smallest of u and its neighbours. Output is oriented {@code src > dst}.
   */
  static Dataset<Row> largeStar(Dataset<Row> ee) {
    Dataset<Row> both = ee.union(ee.select(col("dst").as("src"), col("src").as("dst")));
    Dataset<Row> minNeighbour = both.groupBy("src").agg(min("dst").as("m"))
        .withColumn("m", least(col("src"), col("m")));
    return ee.join(minNeighbour, "src")
        .select(col("dst").as("src"), col("m").as("dst"))
        .distinct();
  }

  /**
   * For every node v (edges stored {@code src > dst}): v and its smaller neighbours are linked to
   * the smallest of them. Output is oriented {@code src < dst}, without self loops.
   */
  static Dataset<Row> smallStar(Dataset<Row> ee) {
    Dataset<Row> minSmaller = ee.groupBy("src").agg(min("dst").as("m"));
    return ee.join(minSmaller, "src")
        .select(col("m").as("src"), col("dst"))
        .filter(col("src").notEqual(col("dst")))
        .union(minSmaller.select(col("m").as("src"), col("src").as("dst")))
        .distinct();
  }

  /** True when no root is also a leaf and every leaf has exactly one root (edges src < dst). */
  static boolean isStarForest(Dataset<Row> ee) {
    Dataset<Row> roles = ee.select(col("src").as("node"), lit(1).as("is_root"),
            lit(null).cast(DataTypes.LongType).as("parent"))
        .union(ee.select(col("dst").as("node"), lit(0).as("is_root"), col("src").as("parent")));
    long violations = roles.groupBy("node")
        .agg(max("is_root").as("is_root"), min("parent").as("p_min"), max("parent").as("p_max"))
        .filter(col("is_root").equalTo(1).and(col("p_min").isNotNull())
            .or(col("p_min").notEqual(col("p_max"))))
        .limit(1)
        .count();
    return violations == 0;
  }

  static void requireColumns(Dataset<Row> df, String... names) {
    List<String> have = Arrays.asList(df.columns());
    List<String> missing = Arrays.stream(names).filter(n -> !have.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("missing column(s) " + missing + "; have " + have);
    }
  }
}
