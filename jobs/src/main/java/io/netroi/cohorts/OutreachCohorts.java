package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.netroi.cohorts.Rates.Comparison;
import io.netroi.cohorts.Rates.Rate;
import io.netroi.relationships.LocalTime;
import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * outreach_cohorts (docs/relationships.md "Outcome comparisons"): per scope and opener style, how
 * often the opener was answered, became two-way within 90 days and led to an outcome within the
 * outcome window, each over the relationships observed for that window, compared with pitch.
 */
public final class OutreachCohorts {
  /** Styles whose opener can be answered (inbound and silent have no reply rate). */
  static final List<String> REPLY_STYLES = List.of("pitch", "relationship", "introduced");
  static final Comparison VS_PITCH = new Comparison("opener_style", "pitch", "pitch");
  static final List<String> COUNTS = List.of("relationships", "connected", "reply_observed", "replied",
      "two_way_90d_observed", "two_way_90d", "later_outcome_observed", "later_outcome");
  static final List<Rate> RATES = List.of(new Rate("reply_rate", "replied", "reply_observed"),
      new Rate("two_way_90d_rate", "two_way_90d", "two_way_90d_observed"),
      new Rate("later_outcome_rate", "later_outcome", "later_outcome_observed"));

  private OutreachCohorts() {}

  /** The outreach_cohorts table. */
  public static Dataset<Row> build(Dataset<Row> relationships, Dataset<Row> interactions, Dataset<Row> outcomes,
      Dataset<Row> windows, RelationshipParams p) {
    Dataset<Row> items = counted(facts(relationships, interactions, outcomes, windows, p), p);
    return Tables.conform(Rates.table(items, VS_PITCH, COUNTS, RATES, p), "outreach_cohorts");
  }

  /** Non-colleague relationships of consenting members with their window, opener date and outcome window. */
  static Dataset<Row> external(Dataset<Row> relationships, Dataset<Row> windows, RelationshipParams p) {
    Dataset<Row> rel = relationships.where(not(coalesce(col("is_colleague"), lit(false))))
        .select("member_id", "contact_key", "is_connected", "opener_at", "opener_style", "opener_replied",
            "opener_reply_observed");
    Column openerOn = LocalTime.date(col("opener_at"), col("timezone"));
    return CohortFacts.withWindow(rel, windows)
        .withColumn("outcome_from", date_add(openerOn, 1))
        .withColumn("outcome_to", date_add(openerOn, p.outcomeWindowDays()));
  }

  /** external() plus two_way (each way within the two-way window from opener_at) and has_outcome (closing within (opener date, opener date + window]). */
  static Dataset<Row> facts(Dataset<Row> relationships, Dataset<Row> interactions, Dataset<Row> outcomes,
      Dataset<Row> windows, RelationshipParams p) {
    Dataset<Row> rel = external(relationships, windows, p);
    Dataset<Row> twoWay = CohortFacts.withTwoWay(rel, interactions, "opener_at", p.twoWayWindowDays(), "two_way");
    return CohortFacts.withOutcomeBetween(twoWay, outcomes, "outcome_from", "outcome_to", "has_outcome");
  }

  /** The 0/1 count columns of each relationship (null where the count does not apply to its style). */
  static Dataset<Row> counted(Dataset<Row> facts, RelationshipParams p) {
    Column hasOpener = col("opener_at").isNotNull();
    Column replyable = col("opener_style").isin(REPLY_STYLES.toArray());
    Column replyObserved = coalesce(col("opener_reply_observed"), lit(false));
    Column twoWayObserved = CohortFacts.observedFor(col("opener_at"), p.twoWayWindowDays());
    Column outcomeObserved = CohortFacts.observedFor(col("opener_at"), p.outcomeWindowDays());
    return facts
        .withColumn("relationships", lit(1))
        .withColumn("connected", Rates.count(col("is_connected")))
        .withColumn("reply_observed", Rates.count(replyable, replyObserved))
        .withColumn("replied", Rates.count(replyable, replyObserved.and(col("opener_replied"))))
        .withColumn("two_way_90d_observed", Rates.count(hasOpener, twoWayObserved))
        .withColumn("two_way_90d", Rates.count(hasOpener, twoWayObserved.and(col("two_way"))))
        .withColumn("later_outcome_observed", Rates.count(hasOpener, outcomeObserved))
        .withColumn("later_outcome", Rates.count(hasOpener, outcomeObserved.and(col("has_outcome"))));
  }
}
