package io.netroi.attribution;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Conservation (docs/attribution.md "Models"): every attributed outcome is fully credited, per model. */
public final class Conservation {
  /** Tolerance on the sum of an outcome's credits. */
  public static final double TOLERANCE = 1e-9;

  private Conservation() {}

  /**
   * Throws IllegalStateException naming the first outcome and model whose credits do not sum to 1
   * within {@link #TOLERANCE}, whose credited_value does not sum to its value_reporting, or which
   * lacks a model that other outcomes have. Collects at most one row.
   */
  public static void check(Dataset<Row> attribution, Dataset<Row> outcomes) {
    Dataset<Row> sums = attribution.groupBy("outcome_id", "model")
        .agg(sum("credit").as("credit"), sum("credited_value").as("credited"));
    Column value = coalesce(col("value_reporting"), lit(BigDecimal.ZERO));
    Dataset<Row> bad = sums.join(outcomes.select("outcome_id", "value_reporting"), new String[] {"outcome_id"}, "left")
        .where(abs(col("credit").minus(1)).gt(TOLERANCE).or(col("credit").isNull())
            .or(coalesce(col("credited").notEqual(value), lit(true))));
    List<Row> first = bad.orderBy("outcome_id", "model").limit(1).collectAsList();
    if (!first.isEmpty()) {
      Row r = first.get(0);
      throw new IllegalStateException("attribution does not conserve outcome " + r.getAs("outcome_id") + " under model "
          + r.getAs("model") + ": credits sum to " + r.getAs("credit") + " (need 1), credited value "
          + r.getAs("credited") + " vs value " + r.getAs("value_reporting"));
    }
    checkModels(attribution);
  }

  /** Every outcome in attribution has every model that occurs in it. */
  static void checkModels(Dataset<Row> attribution) {
    long models = attribution.select("model").distinct().count();
    List<Row> missing = attribution.groupBy("outcome_id").agg(count_distinct(col("model")).as("models"))
        .where(col("models").lt(models)).orderBy("outcome_id").limit(1).collectAsList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("attribution lacks models for outcome " + missing.get(0).getAs("outcome_id")
          + ": " + missing.get(0).getAs("models") + " of " + models);
    }
  }
}
