package io.netroi.cohorts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.netroi.cohorts.Rates.Comparison;
import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * social_outcomes (docs/relationships.md "Outcome comparisons"): per scope and social group
 * measured before the cut, the share of relationships whose contact had an outcome in the outcome
 * window, compared with relationships without any social message.
 */
public final class SocialOutcomes {
  static final Comparison VS_NONE = new Comparison("social_group", "none", "none");

  private SocialOutcomes() {}

  /**
   * Same inputs and window as {@link TieBandOutcomes#build}; groups {@code none} (social_share 0),
   * {@code mostly} (social_share >= netroi.social.mostly.share), else {@code some}. Relationships
   * with null social_share (no messages before the cut) are left out.
   */
  public static Dataset<Row> build(Dataset<Row> relationshipsAtCut, Dataset<Row> outcomes, Dataset<Row> windows,
      RelationshipParams p) {
    Dataset<Row> items = OutcomeWindows.atCut(relationshipsAtCut, outcomes, windows, p)
        .withColumn("social_group", socialGroup(col("social_share"), p.socialMostlyShare()));
    return Tables.conform(Rates.table(items, VS_NONE, TieBandOutcomes.COUNTS, TieBandOutcomes.RATES, p),
        "social_outcomes");
  }

  /** none / some / mostly for a social share; null without messages. */
  static Column socialGroup(Column share, double mostly) {
    return when(share.equalTo(0.0), lit("none")).when(share.geq(mostly), lit("mostly"))
        .when(share.isNotNull(), lit("some"));
  }
}
