package io.netroi.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.cohorts.Scopes;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The attribution output tables (docs/attribution.md "Tables") from per-touch credits (journey rows
 * with model and credit, from {@link HeuristicCredits} and {@link DataDrivenCredits}).
 */
public final class AttributionTables {
  static final String MONEY = "decimal(18,2)";
  private static final String[] ATTRIBUTION_KEYS = {"outcome_id", "model", "member_id", "team", "contact_key",
      "role"};

  private AttributionTables() {}

  /** attribution: per outcome x model x member x contact x role, credited value to the cent. */
  public static Dataset<Row> attribution(Dataset<Row> credits, int fiscalStartMonth) {
    Dataset<Row> grouped = credits.groupBy(cols(ATTRIBUTION_KEYS))
        .agg(count(lit(1)).as("touch_count"), sum("credit").as("credit"), first("closed_on").as("closed_on"),
            first("value_reporting").as("value_reporting"));
    return Tables.project(withCents(grouped, "member_id", "contact_key", "role")
        .withColumn("quarter", Quarters.label(col("closed_on"), fiscalStartMonth)), "attribution");
  }

  /** touch_type_attribution: per model x touch type its touches, outcomes, credit and value. */
  public static Dataset<Row> touchTypes(Dataset<Row> credits) {
    Dataset<Row> perOutcome = credits.groupBy("outcome_id", "model", "touch_type")
        .agg(count(lit(1)).as("touches"), sum("credit").as("credit"), first("value_reporting").as("value_reporting"));
    Dataset<Row> out = withCents(perOutcome, "touch_type").groupBy("model", "touch_type")
        .agg(sum("touches").as("touches"), count_distinct(col("outcome_id")).as("outcomes"),
            sum("credit").as("credit"), money(sum("credited_value")).as("credited_value"));
    return Tables.project(out, "touch_type_attribution");
  }

  /** introducer_value: per introducer x member x model the outcomes, credit and value credited. */
  public static Dataset<Row> introducerValue(Dataset<Row> attribution) {
    Dataset<Row> out = attribution.where(col("role").equalTo(Touchpoints.INTRODUCER))
        .groupBy(col("contact_key").as("introducer_key"), col("member_id"), col("model"))
        .agg(count_distinct(col("outcome_id")).as("outcomes"), sum("credit").as("credit"),
            money(sum("credited_value")).as("credited_value"));
    return Tables.project(out, "introducer_value");
  }

  /**
   * attribution_summary: per scope (org/team/member) x quarter x model the outcomes owned by the
   * scope's members and their value, attributed and unattributed value, the value credited to the
   * scope's members, and network_sourced_share = attributed / value (null when value is 0).
   *
   * @param members member_id and team of every rostered member (owners outside it count for org only)
   */
  public static Dataset<Row> summary(Dataset<Row> attribution, Dataset<Row> outcomes, Dataset<Row> unattributed,
      Dataset<Row> members, String orgName, int fiscalStartMonth) {
    String[] keys = {"scope", "scope_id", "quarter", "model"};
    Dataset<Row> owned = ownedOutcomes(outcomes, unattributed, members, orgName, fiscalStartMonth)
        .crossJoin(attribution.select("model").distinct());
    Dataset<Row> credited = Scopes.explode(attribution, orgName).groupBy(cols(keys))
        .agg(sum("credited_value").as("credited_value"));
    Dataset<Row> joined = owned.join(credited, keys, "full_outer");
    Column zero = lit(BigDecimal.ZERO);
    Dataset<Row> out = joined
        .withColumn("outcomes", coalesce(col("outcomes"), lit(0L)))
        .withColumn("value", money(coalesce(col("value"), zero)))
        .withColumn("attributed_value", money(coalesce(col("attributed_value"), zero)))
        .withColumn("unattributed_value", money(coalesce(col("unattributed_value"), zero)))
        .withColumn("credited_value", money(coalesce(col("credited_value"), zero)))
        .withColumn("network_sourced_share", when(col("value").notEqual(0),
            col("attributed_value").cast("double").divide(col("value").cast("double"))));
    return Tables.project(out, "attribution_summary");
  }

  /** Per scope x quarter: outcomes owned, their value, attributed and unattributed value. */
  static Dataset<Row> ownedOutcomes(Dataset<Row> outcomes, Dataset<Row> unattributed, Dataset<Row> members,
      String orgName, int fiscalStartMonth) {
    Dataset<Row> flagged = outcomes
        .join(unattributed.select(col("outcome_id"), lit(true).as("is_unattributed")), new String[] {"outcome_id"},
            "left")
        .join(members.select(col("member_id").as("owner_member_id"), col("member_id"), col("team")),
            new String[] {"owner_member_id"}, "left")
        .withColumn("quarter", Quarters.label(col("closed_on"), fiscalStartMonth))
        .withColumn("v", coalesce(col("value_reporting"), lit(BigDecimal.ZERO)));
    Column unattributedRow = coalesce(col("is_unattributed"), lit(false));
    return Scopes.explode(flagged, orgName)
        .where(col("scope").equalTo(Scopes.ORG).or(col("member_id").isNotNull()))
        .groupBy("scope", "scope_id", "quarter")
        .agg(count(lit(1)).as("outcomes"), sum("v").as("value"),
            sum(when(unattributedRow, lit(BigDecimal.ZERO)).otherwise(col("v"))).as("attributed_value"),
            sum(when(unattributedRow, col("v")).otherwise(lit(BigDecimal.ZERO))).as("unattributed_value"));
  }

  /** Remainders (in cents) are ranked as multiples of 1 / this. */
  static final double REMAINDER_RESOLUTION = 1e6;

  /**
   * Adds credited_value: credit x value_reporting in cents, rounded by largest remainder within each
   * outcome x model so the cents sum exactly to the value (remainders compared to a millionth of a
   * cent; ties by the given columns, ascending).
   */
  static Dataset<Row> withCents(Dataset<Row> rows, String... tieBreak) {
    WindowSpec outcomeModel = Window.partitionBy("outcome_id", "model");
    Column cents = coalesce(col("value_reporting"), lit(BigDecimal.ZERO)).multiply(100).cast("long");
    // remainders are compared to a millionth of a cent: credits are sums of doubles, and their last
    // bits (which depend on the order of summation) must not decide what exact arithmetic leaves tied
    Column remainder = round(col("_rem").multiply(REMAINDER_RESOLUTION));
    Column[] order = Stream.concat(Stream.of(remainder.desc()), Arrays.stream(tieBreak).map(c -> col(c).asc()))
        .toArray(Column[]::new);
    return rows
        .withColumn("_cents", cents)
        .withColumn("_exact", col("credit").multiply(col("_cents").cast("double")))
        .withColumn("_floor", floor(col("_exact")))
        .withColumn("_rem", col("_exact").minus(col("_floor")))
        .withColumn("_left", col("_cents").minus(sum("_floor").over(outcomeModel)))
        .withColumn("_rank", row_number().over(outcomeModel.orderBy(order)))
        .withColumn("credited_value", money(col("_floor").plus(when(col("_rank").leq(col("_left")), 1).otherwise(0))
            .cast("decimal(20,0)").divide(100)))
        .drop("_cents", "_exact", "_floor", "_rem", "_left", "_rank");
  }

  /** A money column: decimal(18,2). */
  static Column money(Column c) {
    return c.cast(MONEY);
  }

  private static Column[] cols(String... names) {
    return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
