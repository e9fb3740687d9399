package io.netroi.relationships;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * relationship_quarters (docs/relationships.md "relationship_quarters"): one row per relationship
 * and quarter from the quarter of {@code started_on} to the member's last observed quarter, with
 * the quarter's counted messages and generic interactions each way and its tier.
 */
public final class QuarterStates {
  public static final String DORMANT = "dormant";
  public static final String ONE_WAY = "one_way";
  public static final String ENGAGED = "engaged";
  public static final String CORE = "core";

  static final String MESSAGES = "messages";
  static final String GENERIC = "interactions";

  private static final String[] KEYS = {"member_id", "contact_key", "quarter_index"};

  private QuarterStates() {}

  /**
   * @param relationships member_id, team, contact_key, is_colleague, connected_on, started_on
   * @param interactions the ingest interactions table (member_id, contact_key, ts, direction, source)
   * @param windows {@link Observation#windows}: member_id, timezone, observed_until, observed_end
   */
  public static Dataset<Row> build(Dataset<Row> relationships, Dataset<Row> interactions, Dataset<Row> windows,
      RelationshipParams p) {
    int fiscal = p.fiscalStartMonth();
    Dataset<Row> counts = quarterCounts(observedTouches(interactions, windows, fiscal));
    Dataset<Row> grid = quarterGrid(relationships, windows, fiscal);
    Dataset<Row> joined = grid.join(counts, KEYS, "left");
    return Tables.project(withStates(joined), "relationship_quarters");
  }

  /**
   * Counted messages (source messages) and generic interactions (source interactions), each way,
   * of members in the windows before their observation end, with local date and quarter index.
   */
  static Dataset<Row> observedTouches(Dataset<Row> interactions, Dataset<Row> windows, int fiscal) {
    Dataset<Row> w = windows.select("member_id", "timezone", "observed_end");
    Column local = LocalTime.date(col("ts"), col("timezone"));
    return interactions
        .where(col("source").isin(MESSAGES, GENERIC).and(col("direction").isin("out", "in"))
            .and(col("contact_key").isNotNull()))
        .select("member_id", "contact_key", "ts", "direction", "source")
        .transform(rows -> Observation.before(rows, w, "ts"))
        .withColumn("local_date", local)
        .withColumn("quarter_index", Quarters.index(col("local_date"), fiscal));
  }

  /** Per member, contact and quarter: msgs_out/in, other_out/in and active_months. */
  static Dataset<Row> quarterCounts(Dataset<Row> touches) {
    return touches.groupBy(KEYS[0], KEYS[1], KEYS[2]).agg(
        countOf(MESSAGES, "out").as("msgs_out"),
        countOf(MESSAGES, "in").as("msgs_in"),
        countOf(GENERIC, "out").as("other_out"),
        countOf(GENERIC, "in").as("other_in"),
        distinctMonths(col("local_date")).as("active_months"));
  }

  /**
   * Aggregate: the number of distinct calendar months among the dates (an int), as the bits set in
   * an OR of one bit per month: native and without the row expansion a distinct count plans.
   */
  static Column distinctMonths(Column localDate) {
    return coalesce(bit_count(bit_or(call_function("shiftleft", lit(1), month(localDate)))), lit(0)).cast("int");
  }

  /** Aggregate: the number of rows of one source and direction (a long). */
  private static Column countOf(String source, String direction) {
    Column hit = col("source").equalTo(source).and(col("direction").equalTo(direction));
    return sum(when(hit, 1L).otherwise(0L));
  }

  /**
   * One row per relationship and quarter index from the quarter of started_on to the quarter of
   * the member's observed_until (none when the relationship starts after it), with quarter,
   * quarter_start, quarters_since_start, is_connected and is_partial.
   */
  static Dataset<Row> quarterGrid(Dataset<Row> relationships, Dataset<Row> windows, int fiscal) {
    Column first = Quarters.index(col("started_on"), fiscal);
    Column last = Quarters.index(col("observed_until"), fiscal);
    Dataset<Row> rows = relationships
        .select("member_id", "team", "contact_key", "is_colleague", "connected_on", "started_on")
        .join(windows.select("member_id", "observed_until"), "member_id")
        .withColumn("first_index", first)
        .withColumn("quarter_index", explode(ascendingRange(first, last)));
    Column start = Quarters.startOfIndex(col("quarter_index"), fiscal);
    return rows
        .withColumn("quarter", Quarters.labelOfIndex(col("quarter_index"), fiscal))
        .withColumn("quarter_start", start)
        .withColumn("quarter_end", lastDayOfQuarter(start))
        .withColumn("quarters_since_start", col("quarter_index").minus(col("first_index")).cast("int"))
        .withColumn("is_connected", coalesce(col("connected_on").leq(col("quarter_end")), lit(false)))
        .withColumn("is_partial", col("quarter_end").gt(col("observed_until")));
  }

  /** sequence(from, to), or an empty array when from is after to (Spark would count down). */
  static Column ascendingRange(Column from, Column to) {
    return when(from.leq(to), sequence(from, to)).otherwise(array().cast("array<int>"));
  }

  /** The last day of the quarter starting on a date. */
  static Column lastDayOfQuarter(Column quarterStart) {
    return date_sub(add_months(quarterStart, 3), 1);
  }

  /** Zero counts for quarters without touches, and the tier from the counts. */
  static Dataset<Row> withStates(Dataset<Row> joined) {
    Dataset<Row> filled = joined;
    for (String c : new String[] {"msgs_out", "msgs_in", "other_out", "other_in"}) {
      filled = filled.withColumn(c, coalesce(col(c), lit(0L)));
    }
    filled = filled.withColumn("active_months", coalesce(col("active_months"), lit(0)));
    Column out = col("msgs_out").plus(col("other_out"));
    Column in = col("msgs_in").plus(col("other_in"));
    return filled.withColumn("tier", tier(out, in, col("active_months")));
  }

  /** dormant (nothing), one_way (one direction), engaged (both), core (both in >= 2 months). */
  static Column tier(Column out, Column in, Column activeMonths) {
    Column twoWay = out.gt(0).and(in.gt(0));
    return when(out.equalTo(0).and(in.equalTo(0)), lit(DORMANT))
        .when(twoWay.and(activeMonths.geq(2)), lit(CORE))
        .when(twoWay, lit(ENGAGED))
        .otherwise(lit(ONE_WAY));
  }
}
