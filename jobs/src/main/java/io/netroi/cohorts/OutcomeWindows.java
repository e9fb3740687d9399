package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.netroi.relationships.Observation;
import io.netroi.relationships.RelationshipParams;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cut of the tie band and social comparisons (docs/relationships.md "Outcome comparisons"):
 * features are measured before the member's cut, outcomes in the outcome window from the cut to the
 * member's observation end. The cut is the local midnight {@code outcome window} days before
 * observed_end, so the window covers exactly that many local dates, ending on observed_until.
 */
public final class OutcomeWindows {
  private OutcomeWindows() {}

  /**
   * The cut windows for tie band and social comparisons: same columns as {@code windows}, with
   * observed_until = observed_until - outcome window days (the local date before the cut) and
   * observed_end = the local midnight after that (= windows.observed_end - outcome window days in
   * local calendar days); members whose cut is before any data still appear. The job calls
   * Relationships.build(inputs, cutWindows, p) to get relationships measured before the cut.
   */
  public static Dataset<Row> cutWindows(Dataset<Row> windows, RelationshipParams p) {
    return windows.withColumn("observed_until", date_sub(col("observed_until"), p.outcomeWindowDays()))
        .withColumn("observed_end", Observation.localMidnight(date_add(col("observed_until"), 1), col("timezone")));
  }

  /** The first local date of the outcome window (the cut's local date) for a member's observed_until. */
  static Column cutOn(Column observedUntil, RelationshipParams p) {
    return date_sub(observedUntil, p.outcomeWindowDays() - 1);
  }

  /**
   * The items of a cut comparison: non-colleague relationships of consenting members that started
   * before the cut (started_on < cut local date), each with {@code relationships} = 1 and
   * {@code with_outcome} = 1 when an outcome of the contact closed on a local date from the cut
   * through the member's (full) observed_until. Keeps the other relationship columns for grouping.
   */
  static Dataset<Row> atCut(Dataset<Row> relationshipsAtCut, Dataset<Row> outcomes, Dataset<Row> windows,
      RelationshipParams p) {
    Dataset<Row> external = relationshipsAtCut.where(not(coalesce(col("is_colleague"), lit(false))));
    Dataset<Row> started = CohortFacts.withWindow(external, windows)
        .withColumn("cut_on", cutOn(col("observed_until"), p))
        .where(col("started_on").lt(col("cut_on")));
    return CohortFacts.withOutcomeBetween(started, outcomes, "cut_on", "observed_until", "has_outcome")
        .withColumn("relationships", lit(1))
        .withColumn("with_outcome", Rates.count(col("has_outcome")));
  }
}
