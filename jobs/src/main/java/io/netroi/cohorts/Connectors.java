package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.LocalTime;
import io.netroi.relationships.Observation;
import io.netroi.spark.Tables;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * connectors (docs/relationships.md "connectors"): per consenting member, the introductions they
 * made and received and the outcomes that came through introductions.
 */
public final class Connectors {
  static final String MONEY = "decimal(18,2)";

  private Connectors() {}

  /**
   * @param introductions the ingest introductions table
   * @param outcomes the ingest outcomes table (outcome_id, value_reporting, closed_on, owner_member_id,
   *     contact_key, introducer_key)
   * @param windows {@link io.netroi.relationships.Observation#windows}: one output row per member
   */
  public static Dataset<Row> build(Dataset<Row> introductions, Dataset<Row> outcomes, Dataset<Row> windows) {
    Dataset<Row> intros = observedIntroductions(introductions, windows);
    Dataset<Row> via = outcomeTotals(outcomesViaIntroductions(intros, outcomes, windows));
    Dataset<Row> joined = windows.select("member_id", "team")
        .join(introductionCounts(intros), new String[] {"member_id"}, "left")
        .join(via, new String[] {"member_id"}, "left");
    return Tables.project(withZeros(joined), "connectors");
  }

  /** Introductions of members in the windows before their observation end, with the local intro_date. */
  static Dataset<Row> observedIntroductions(Dataset<Row> introductions, Dataset<Row> windows) {
    return Observation.before(introductions, windows.select("member_id", "timezone", "observed_end"), "introduced_at")
        .withColumn("intro_date", LocalTime.date(col("introduced_at"), col("timezone")));
  }

  /** Per member: introductions_made, contacts_introduced and introducers (distinct counts). */
  static Dataset<Row> introductionCounts(Dataset<Row> intros) {
    Column made = col("made_by_member");
    return intros.groupBy("member_id").agg(
        count_distinct(when(made, col("conversation_key"))).as("introductions_made"),
        count_distinct(when(not(made), col("introduced_key"))).as("contacts_introduced"),
        count_distinct(when(not(made), col("introducer_key"))).as("introducers"));
  }

  /**
   * Distinct (member_id, outcome_id, value_reporting) of outcomes closed by the member's
   * observed_until that either concern a contact introduced by or to the member, closing on or
   * after the introduction's local date, or are owned by the member and name an introducer.
   */
  static Dataset<Row> outcomesViaIntroductions(Dataset<Row> intros, Dataset<Row> outcomes, Dataset<Row> windows) {
    Dataset<Row> viaIntroduced = intros.select(col("member_id"), col("introduced_key"), col("intro_date"))
        .join(outcomes, col("contact_key").equalTo(col("introduced_key")))
        .where(col("closed_on").geq(col("intro_date")))
        .select("member_id", "outcome_id", "value_reporting", "closed_on");
    Dataset<Row> ownedNamingIntroducer = outcomes.where(col("introducer_key").isNotNull())
        .select(col("owner_member_id").as("member_id"), col("outcome_id"), col("value_reporting"), col("closed_on"));
    return viaIntroduced.unionByName(ownedNamingIntroducer)
        .join(windows.select("member_id", "observed_until"), "member_id")
        .where(col("closed_on").leq(col("observed_until")))
        .dropDuplicates("member_id", "outcome_id");
  }

  /** Per member: outcomes_via_introductions and value_via_introductions. */
  static Dataset<Row> outcomeTotals(Dataset<Row> outcomes) {
    return outcomes.groupBy("member_id").agg(
        count(lit(1)).as("outcomes_via_introductions"),
        sum(col("value_reporting")).cast(MONEY).as("value_via_introductions"));
  }

  /** Zero counts and 0.00 for members without introductions or outcomes. */
  static Dataset<Row> withZeros(Dataset<Row> joined) {
    Dataset<Row> filled = joined;
    for (String c : new String[] {"introductions_made", "contacts_introduced", "introducers", "outcomes_via_introductions"}) {
      filled = filled.withColumn(c, coalesce(col(c), lit(0L)));
    }
    Column zero = lit(BigDecimal.ZERO).cast(MONEY);
    return filled.withColumn("value_via_introductions", coalesce(col("value_via_introductions"), zero));
  }
}
