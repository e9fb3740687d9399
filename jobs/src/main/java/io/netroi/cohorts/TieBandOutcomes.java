package io.netroi.cohorts;

import io.netroi.cohorts.Rates.Comparison;
import io.netroi.cohorts.Rates.Rate;
import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * tie_band_outcomes (docs/relationships.md "Outcome comparisons"): per scope and tie band measured
 * before the cut, the share of relationships whose contact had an outcome in the outcome window,
 * compared with weak ties.
 */
public final class TieBandOutcomes {
  static final Comparison VS_WEAK = new Comparison("tie_band", "weak", "weak");
  /** The counts and the rate both cut comparisons report. */
  static final List<String> COUNTS = List.of("relationships", "with_outcome");
  static final List<Rate> RATES = List.of(new Rate("outcome_rate", "with_outcome", "relationships"));

  private TieBandOutcomes() {}

  /**
   * relationshipsAtCut: relationships table computed with {@link OutcomeWindows#cutWindows} (so
   * tie_band uses only data before the cut); outcome window = [cut, windows.observed_end), i.e.
   * closed_on from the cut's local date through observed_until. Only non-colleague relationships
   * that started before the cut (started_on < cut local date).
   */
  public static Dataset<Row> build(Dataset<Row> relationshipsAtCut, Dataset<Row> outcomes, Dataset<Row> windows,
      RelationshipParams p) {
    Dataset<Row> items = OutcomeWindows.atCut(relationshipsAtCut, outcomes, windows, p);
    return Tables.conform(Rates.table(items, VS_WEAK, COUNTS, RATES, p), "tie_band_outcomes");
  }
}
