package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * tier_transitions (docs/relationships.md "tier_transitions"): per scope and complete quarter, how
 * many external relationships moved from each tier of the previous quarter (or were new) to each tier.
 */
public final class TierTransitions {
  public static final String NEW = "new";

  private TierTransitions() {}

  /** @param relationshipQuarters relationship_quarters (member_id, team, contact_key, is_colleague, quarter, quarter_index, quarters_since_start, tier, is_partial) */
  public static Dataset<Row> build(Dataset<Row> relationshipQuarters, RelationshipParams p) {
    Dataset<Row> moves = withFromTier(external(relationshipQuarters)).where(not(col("is_partial")));
    Dataset<Row> counted = Scopes.explode(moves, p.orgName())
        .groupBy("scope", "scope_id", "quarter_index", "quarter", "from_tier", "to_tier")
        .agg(count(lit(1)).as("relationships"));
    return Tables.project(counted, "tier_transitions");
  }

  /** Relationships with contacts who are not rostered members. */
  static Dataset<Row> external(Dataset<Row> relationshipQuarters) {
    return relationshipQuarters.where(not(coalesce(col("is_colleague"), lit(false))));
  }

  /**
   * to_tier = the quarter's tier; from_tier = {@code new} in the relationship's first quarter, else
   * the tier of the quarter before. Computed before any quarter is dropped, so a complete quarter
   * still sees its predecessor.
   */
  static Dataset<Row> withFromTier(Dataset<Row> quarters) {
    WindowSpec byQuarter = Window.partitionBy("member_id", "contact_key").orderBy("quarter_index");
    Column previousIsAdjacent = lag(col("quarter_index"), 1).over(byQuarter).equalTo(col("quarter_index").minus(1));
    Column from = when(col("quarters_since_start").equalTo(0), lit(NEW))
        .when(previousIsAdjacent, lag(col("tier"), 1).over(byQuarter));
    return quarters.withColumn("from_tier", from).withColumn("to_tier", col("tier"));
  }
}
