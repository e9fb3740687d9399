package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.QuarterStates;
import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import io.netroi.stats.Wilson;
import io.netroi.time.Quarters;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * cohort_retention (docs/relationships.md "cohort_retention"): of the connected external
 * relationships of a connection quarter, how many are engaged k quarters later, counting only
 * quarters their member observed completely.
 */
public final class Retention {
  private static final String[] RELATIONSHIP = {"member_id", "contact_key"};
  private static final String[] COHORT = {"scope", "scope_id", "cohort_index"};

  private Retention() {}

  /**
   * @param relationshipQuarters relationship_quarters (member_id, team, contact_key, quarter_index, tier, is_partial)
   * @param relationships member_id, contact_key, is_colleague, connected_on
   */
  public static Dataset<Row> build(Dataset<Row> relationshipQuarters, Dataset<Row> relationships, RelationshipParams p) {
    Dataset<Row> cohorts = cohortMembers(relationshipQuarters, relationships, p.fiscalStartMonth());
    Dataset<Row> cells = cells(cohortQuarters(cohorts, relationshipQuarters), p.orgName());
    Dataset<Row> sizes = cohortSizes(cohorts, p.orgName());
    Dataset<Row> joined = cells.join(sizes, COHORT);
    return Tables.project(withLabelsAndShare(joined, p.fiscalStartMonth()), "cohort_retention");
  }

  /**
   * Connected, non-colleague relationships with their cohort_index (quarter of connected_on) and
   * the team their relationship_quarters rows carry; relationships without any quarter row (begun
   * after their member's observation end) belong to no cohort.
   */
  static Dataset<Row> cohortMembers(Dataset<Row> relationshipQuarters, Dataset<Row> relationships, int fiscal) {
    Dataset<Row> teams = relationshipQuarters.select("member_id", "team", "contact_key").distinct();
    return relationships
        .where(col("connected_on").isNotNull().and(not(coalesce(col("is_colleague"), lit(false)))))
        .select(col("member_id"), col("contact_key"), Quarters.index(col("connected_on"), fiscal).as("cohort_index"))
        .join(teams, RELATIONSHIP);
  }

  /**
   * One row per cohort relationship and complete quarter from its cohort quarter on:
   * quarters_since and is_engaged (tier engaged or core).
   */
  static Dataset<Row> cohortQuarters(Dataset<Row> cohorts, Dataset<Row> relationshipQuarters) {
    Dataset<Row> complete = relationshipQuarters.where(not(col("is_partial")))
        .select("member_id", "contact_key", "quarter_index", "tier");
    return cohorts.join(complete, RELATIONSHIP)
        .where(col("quarter_index").geq(col("cohort_index")))
        .withColumn("quarters_since", col("quarter_index").minus(col("cohort_index")).cast("int"))
        .withColumn("is_engaged", col("tier").isin(QuarterStates.ENGAGED, QuarterStates.CORE));
  }

  /** Per scope, cohort and quarters_since: relationships observed and engaged among them. */
  static Dataset<Row> cells(Dataset<Row> cohortQuarters, String orgName) {
    return Scopes.explode(cohortQuarters, orgName)
        .groupBy(col("scope"), col("scope_id"), col("cohort_index"), col("quarters_since"))
        .agg(count(lit(1)).as("relationships"), sum(when(col("is_engaged"), 1L).otherwise(0L)).as("engaged"));
  }

  /** Per scope and cohort: every cohort relationship, whatever its censoring. */
  static Dataset<Row> cohortSizes(Dataset<Row> cohorts, String orgName) {
    return Scopes.explode(cohorts, orgName)
        .groupBy(COHORT[0], COHORT[1], COHORT[2])
        .agg(count(lit(1)).as("cohort_size"));
  }

  /** cohort_quarter, quarter (of cohort_index + quarters_since), engaged_share and its Wilson bounds. */
  static Dataset<Row> withLabelsAndShare(Dataset<Row> cells, int fiscal) {
    Column engaged = col("engaged");
    Column trials = col("relationships");
    return cells
        .withColumn("cohort_quarter", Quarters.labelOfIndex(col("cohort_index"), fiscal))
        .withColumn("quarter", Quarters.labelOfIndex(col("cohort_index").plus(col("quarters_since")), fiscal))
        .withColumn("engaged_share", engaged.cast("double").divide(trials.cast("double")))
        .withColumn("engaged_share_low", Wilson.low(engaged, trials, Wilson.Z95))
        .withColumn("engaged_share_high", Wilson.high(engaged, trials, Wilson.Z95));
  }
}
