package io.netroi.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Per-outcome data-driven credit (docs/attribution.md "Models"): an outcome's credit goes to the
 * touch types present in its journey in proportion to their weights, then equally to the touches of
 * each type; linear when every present weight is zero.
 */
public final class DataDrivenCredits {
  private DataDrivenCredits() {}

  /**
   * The journey rows with {@code model} and {@code credit}.
   *
   * @param typeWeights per touch type its weight (removal effect, Shapley value per conversion);
   *     a missing type weighs 0; weights must be finite and non-negative
   */
  public static Dataset<Row> credit(Dataset<Row> journeys, Map<String, Double> typeWeights, String model) {
    Column weight = coalesce(element_at(weightMap(typeWeights), col("touch_type")), lit(0d));
    Column present = row_number().over(Window.partitionBy("outcome_id", "touch_type").orderBy("ts", "member_id",
        "contact_key", "role")).equalTo(1);
    Column perType = col("w").divide(col("present_weight")).divide(col("type_touches"));
    return journeys
        .withColumn("w", weight)
        .withColumn("type_touches", count(lit(1)).over(Window.partitionBy("outcome_id", "touch_type")))
        .withColumn("touches", count(lit(1)).over(HeuristicCredits.outcome()))
        .withColumn("present_weight", sum(when(present, col("w")).otherwise(0d)).over(HeuristicCredits.outcome()))
        .withColumn("credit", when(col("present_weight").gt(0), perType).otherwise(lit(1d).divide(col("touches"))))
        .withColumn("model", lit(model))
        .select(Journeys.journeyColumnsAnd("model", "credit"));
  }

  /** A map literal column of the weights, after checking them. */
  static Column weightMap(Map<String, Double> typeWeights) {
    List<Column> kv = new ArrayList<>();
    new TreeMap<>(typeWeights).forEach((type, w) -> {
      if (w == null || !Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("touch type weight must be finite and >= 0: " + type + " = " + w);
      }
      kv.add(lit(type));
      kv.add(lit(w));
    });
    return kv.isEmpty() ? map().cast("map<string,double>") : map(kv.toArray(Column[]::new));
  }
}
