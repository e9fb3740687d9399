package io.netroi.attribution;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.Observation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The heuristic models (docs/attribution.md "Models"): per journey touch and model its share of the
 * outcome. Touches at the same instant form one step and share the step's credit equally.
 */
public final class HeuristicCredits {
  public static final String FIRST_TOUCH = "first_touch";
  public static final String LAST_TOUCH = "last_touch";
  public static final String LINEAR = "linear";
  public static final String TIME_DECAY = "time_decay";
  public static final String POSITION_BASED = "position_based";
  private static final double SECONDS_PER_DAY = 86_400d;

  private HeuristicCredits() {}

  /**
   * The journey rows once per heuristic model, with columns {@code model} and {@code credit}.
   *
   * @param first position_based share of the first step (0.4), {@code last} of the last step (0.4)
   */
  public static Dataset<Row> credit(Dataset<Row> journeys, double halfLifeDays, double first, double last) {
    if (!(halfLifeDays > 0) || first < 0 || last < 0 || first + last > 1) {
      throw new IllegalArgumentException("need half-life > 0 and position shares first, last >= 0 with first + last <= 1, got "
          + halfLifeDays + ", " + first + ", " + last);
    }
    Dataset<Row> stepped = withSteps(journeys);
    Column models = array(
        model(FIRST_TOUCH, onStep(col("step").equalTo(1), lit(1d))),
        model(LAST_TOUCH, onStep(col("step").equalTo(col("steps")), lit(1d))),
        model(LINEAR, lit(1d).divide(col("touches"))),
        model(TIME_DECAY, col("decay_share")),
        model(POSITION_BASED, positionBased(first, last)));
    Dataset<Row> out = stepped.withColumn("decay", decayWeight(halfLifeDays))
        .withColumn("decay_share", col("decay").divide(sum("decay").over(outcome())))
        .withColumn("_m", explode(models))
        .withColumn("model", col("_m.model"))
        .withColumn("credit", col("_m.credit"));
    return out.select(Journeys.journeyColumnsAnd("model", "credit"));
  }

  /** The window of one outcome's journey. */
  static WindowSpec outcome() {
    return Window.partitionBy("outcome_id");
  }

  /**
   * Adds step (1-based rank of the instant), steps, step_size (touches at the instant), touches,
   * first_size and last_size (touches in the first and last step).
   */
  static Dataset<Row> withSteps(Dataset<Row> journeys) {
    return journeys
        .withColumn("step", dense_rank().over(Window.partitionBy("outcome_id").orderBy("ts")))
        .withColumn("steps", max("step").over(outcome()))
        .withColumn("step_size", count(lit(1)).over(Window.partitionBy("outcome_id", "ts")))
        .withColumn("touches", count(lit(1)).over(outcome()))
        .withColumn("first_size", sum(when(col("step").equalTo(1), 1).otherwise(0)).over(outcome()))
        .withColumn("last_size", sum(when(col("step").equalTo(col("steps")), 1).otherwise(0)).over(outcome()));
  }

  /** A (model, credit) struct. */
  private static Column model(String name, Column credit) {
    return struct(lit(name).as("model"), credit.cast("double").as("credit"));
  }

  /** A step's share, split equally over its touches, on the touches where {@code on} holds; else 0. */
  static Column onStep(Column on, Column share) {
    return when(on, share.divide(col("step_size"))).otherwise(lit(0d));
  }

  /** 0.5 ^ (age in days / half-life), age from the touch to the end of closed_on in the member's zone. */
  static Column decayWeight(double halfLifeDays) {
    Column end = Observation.localMidnight(date_add(col("closed_on"), 1), col("timezone"));
    Column ageDays = end.cast("double").minus(col("ts").cast("double")).divide(SECONDS_PER_DAY);
    return pow(lit(0.5d), ageDays.divide(halfLifeDays));
  }

  /** One step 100%, two steps 50/50, else first / last to the end steps and the rest per middle touch. */
  static Column positionBased(double first, double last) {
    Column isFirst = col("step").equalTo(1);
    Column isLast = col("step").equalTo(col("steps"));
    Column middle = lit(1d - first - last).divide(col("touches").minus(col("first_size")).minus(col("last_size")));
    return when(col("steps").equalTo(1), lit(1d).divide(col("step_size")))
        .when(col("steps").equalTo(2), lit(0.5d).divide(col("step_size")))
        .when(isFirst, lit(first).divide(col("step_size")))
        .when(isLast, lit(last).divide(col("step_size")))
        .otherwise(middle);
  }
}
