package io.netroi.attribution;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.netroi.attribution.engine.Markov;
import io.netroi.relationships.LocalTime;
import io.netroi.relationships.Observation;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Outcome journeys (docs/attribution.md "Journeys"): per matched outcome its touches in the lookback
 * window and its introduction touch; the outcomes left unattributed, with their reason.
 */
public final class Journeys {
  public static final String TEAM = "team";
  public static final String OWNER = "owner";
  /** The chain states of the transition counts, as the Markov engine names them. */
  public static final String START = Markov.START;
  public static final String CONVERSION = Markov.CONVERSION;
  public static final String NULL_STATE = Markov.NULL;
  /** Outcome columns carried on every journey row. */
  static final String[] OUTCOME_COLS = {"outcome_id", "type", "value_reporting", "closed_on", "owner_member_id"};
  /** Touch columns of every journey row (as in {@link Touchpoints#of}). */
  static final String[] TOUCH_COLS = {"member_id", "team", "timezone", "contact_key", "ts", "touch_type", "role",
      "local_date"};

  private Journeys() {}

  /**
   * One row per journey touch: {@link #OUTCOME_COLS} then {@link #TOUCH_COLS}. Outcomes without a
   * touch have no row (see {@link #unattributed}).
   *
   * @param touchpoints {@link Touchpoints#of}
   * @param windows {@link Observation#windows}
   * @param scope {@code team} (every consenting member) or {@code owner} (the outcome's owner only)
   */
  public static Dataset<Row> build(Dataset<Row> outcomes, Dataset<Row> touchpoints, Dataset<Row> introductions,
      Dataset<Row> windows, int lookbackDays, String scope) {
    checkScope(scope);
    Dataset<Row> matched = matched(outcomes);
    Dataset<Row> direct = directTouches(matched, touchpoints, lookbackDays, scope);
    Dataset<Row> detected = detectedIntroductions(matched, introductions, windows, scope);
    Dataset<Row> undetected = matched.join(detected.select("outcome_id").distinct(), new String[] {"outcome_id"},
        "left_anti");
    return direct.unionByName(detected).unionByName(namedIntroductions(undetected, direct, windows));
  }

  /** Fails on a scope other than team or owner. */
  static void checkScope(String scope) {
    if (!TEAM.equals(scope) && !OWNER.equals(scope)) {
      throw new IllegalArgumentException("attribution scope must be team or owner, got " + scope);
    }
  }

  /** Outcomes with a contact: the outcome columns plus outcome_contact and introducer_key. */
  static Dataset<Row> matched(Dataset<Row> outcomes) {
    return outcomes.where(col("contact_key").isNotNull())
        .select(Stream.concat(Arrays.stream(OUTCOME_COLS).map(Journeys::col0),
            Stream.of(col("contact_key").as("outcome_contact"), col("introducer_key"))).toArray(Column[]::new));
  }

  private static Column col0(String name) {
    return col(name);
  }

  /** The journey row columns, in order. */
  static Column[] journeyColumns() {
    return Stream.concat(Arrays.stream(OUTCOME_COLS), Arrays.stream(TOUCH_COLS)).map(Journeys::col0)
        .toArray(Column[]::new);
  }

  /** The journey row columns followed by some more columns. */
  static Column[] journeyColumnsAnd(String... more) {
    return Stream.concat(Arrays.stream(journeyColumns()), Arrays.stream(more).map(Journeys::col0))
        .toArray(Column[]::new);
  }

  /** A local date within [closed_on - lookback, closed_on]. */
  static Column inWindow(Column localDate, int lookbackDays) {
    return localDate.between(date_sub(col("closed_on"), lookbackDays), col("closed_on"));
  }

  /** Members in scope: any for team, the owner for owner. */
  static Column inScope(String scope) {
    return OWNER.equals(scope) ? col("member_id").equalTo(col("owner_member_id")) : lit(true);
  }

  /** Direct touches with the outcome's contact in its window by members in scope. */
  static Dataset<Row> directTouches(Dataset<Row> matched, Dataset<Row> touchpoints, int lookbackDays, String scope) {
    return matched.join(touchpoints, matched.col("outcome_contact").equalTo(touchpoints.col("contact_key")))
        .where(inWindow(col("local_date"), lookbackDays).and(inScope(scope)))
        .select(journeyColumns());
  }

  /**
   * Intro touches from detected introductions of the outcome's contact to a member in scope, at the
   * introduction's time (on or before closed_on, even before the lookback window): member_id = the
   * member, contact_key = the introducer.
   */
  static Dataset<Row> detectedIntroductions(Dataset<Row> matched, Dataset<Row> introductions, Dataset<Row> windows,
      String scope) {
    Dataset<Row> intros = introductionTouches(introductions, windows);
    return matched.join(intros, matched.col("outcome_contact").equalTo(intros.col("introduced_key")))
        // on or before closed_on, however long before: the introduction is where the relationship came from
        .where(col("local_date").leq(col("closed_on")).and(inScope(scope)))
        .select(journeyColumns()).distinct();
  }

  /**
   * Detected introductions of a contact to a consenting member, before the member's observed_end, as
   * intro touches: member_id, team, timezone, contact_key (the introducer), ts, touch_type, role,
   * local_date, and introduced_key (the contact introduced).
   */
  static Dataset<Row> introductionTouches(Dataset<Row> introductions, Dataset<Row> windows) {
    return introductions
        .where(not(col("made_by_member")).and(col("introducer_key").isNotNull()))
        .transform(rows -> Observation.before(rows, windows.select("member_id", "team", "timezone", "observed_end"),
            "introduced_at"))
        .select(col("member_id"), col("team"), col("timezone"), col("introducer_key").as("contact_key"),
            col("introduced_at").as("ts"), lit(Touchpoints.INTRO).as("touch_type"),
            lit(Touchpoints.INTRODUCER).as("role"), LocalTime.date(col("introduced_at"), col("timezone")).as("local_date"),
            col("introduced_key"));
  }

  /**
   * Intro touches for outcomes naming an introducer_key (and no detected introduction), on the
   * consenting owner: 1 microsecond before the owner's first direct touch, else at the start of
   * closed_on in the owner's zone; dropped when that is not before the owner's observed_end.
   */
  static Dataset<Row> namedIntroductions(Dataset<Row> undetected, Dataset<Row> direct, Dataset<Row> windows) {
    Dataset<Row> firstOwnerTouch = direct.where(col("member_id").equalTo(col("owner_member_id")))
        .groupBy("outcome_id").agg(min("ts").as("first_ts"));
    Dataset<Row> owners = windows.select(col("member_id"), col("team"), col("timezone"), col("observed_end"));
    Column ts = coalesce(timestamp_micros(unix_micros(col("first_ts")).minus(1)),
        Observation.localMidnight(col("closed_on"), col("timezone")));
    return undetected.where(col("introducer_key").isNotNull())
        .join(owners, undetected.col("owner_member_id").equalTo(owners.col("member_id")))
        .join(firstOwnerTouch, new String[] {"outcome_id"}, "left")
        .withColumn("ts", ts)
        .where(col("ts").lt(col("observed_end")))
        .withColumn("contact_key", col("introducer_key"))
        .withColumn("touch_type", lit(Touchpoints.INTRO))
        .withColumn("role", lit(Touchpoints.INTRODUCER))
        .withColumn("local_date", LocalTime.date(col("ts"), col("timezone")))
        .select(journeyColumns());
  }

  /**
   * unattributed_outcomes: every outcome without a journey row, with its reason
   * (no_contact_match, no_consenting_member, no_touch_in_window) and value (value_reporting).
   */
  public static Dataset<Row> unattributed(Dataset<Row> outcomes, Dataset<Row> journeys, Dataset<Row> touchpoints,
      Dataset<Row> windows, String scope, int fiscalStartMonth) {
    checkScope(scope);
    Dataset<Row> rest = outcomes.join(journeys.select("outcome_id").distinct(), new String[] {"outcome_id"},
        "left_anti");
    Dataset<Row> consenting = windows.select(col("member_id").as("owner_member_id"), lit(true).as("owner_consents"));
    Dataset<Row> touched = touchpoints.select(col("contact_key")).distinct().withColumn("contact_touched", lit(true));
    Dataset<Row> flagged = rest.join(consenting, new String[] {"owner_member_id"}, "left")
        .join(touched, new String[] {"contact_key"}, "left");
    Column ownerConsents = coalesce(col("owner_consents"), lit(false));
    Column anyoneInScope = OWNER.equals(scope) ? ownerConsents
        : ownerConsents.or(coalesce(col("contact_touched"), lit(false)));
    Column reason = when(col("contact_key").isNull(), lit("no_contact_match"))
        .when(not(anyoneInScope), lit("no_consenting_member"))
        .otherwise(lit("no_touch_in_window"));
    return Tables.project(flagged.withColumn("reason", reason)
        .withColumn("quarter", Quarters.label(col("closed_on"), fiscalStartMonth))
        .withColumn("value", col("value_reporting")), "unattributed_outcomes");
  }

  /**
   * Non-converting journeys, the counterpart of {@link #build} for contacts without any outcome:
   * touches (contact_key = the contact, member_id, ts, touch_type) pooled over members (order by
   * ts): direct touches with local_date in [asOf - lookback, asOf], and the contact's detected
   * introductions to a consenting member on or before asOf, however long before (as for outcomes).
   */
  public static Dataset<Row> nonConverting(Dataset<Row> touchpoints, Dataset<Row> introductions,
      Dataset<Row> windows, Dataset<Row> outcomes, LocalDate asOf, int lookbackDays) {
    Dataset<Row> converted = outcomes.where(col("contact_key").isNotNull()).select("contact_key").distinct();
    Column asOfDate = lit(Date.valueOf(asOf));
    Dataset<Row> direct = touchpoints
        .where(col("local_date").between(date_sub(asOfDate, lookbackDays), asOfDate))
        .select("contact_key", "member_id", "ts", "touch_type");
    Dataset<Row> intros = introductionTouches(introductions, windows)
        .where(col("local_date").leq(asOfDate))
        .select(col("introduced_key").as("contact_key"), col("member_id"), col("ts"), col("touch_type"))
        .distinct();
    return direct.unionByName(intros).join(converted, new String[] {"contact_key"}, "left_anti");
  }

  /**
   * Markov transition counts (from, to, count): per converting journey (by outcome) and
   * non-converting journey (by contact) its touch types in time order (ties by type), from state
   * (start) and ending in (conversion) or (null).
   */
  public static Dataset<Row> transitions(Dataset<Row> journeys, Dataset<Row> nonConverting) {
    return edges(journeys, "outcome_id", CONVERSION).unionByName(edges(nonConverting, "contact_key", NULL_STATE))
        .groupBy("from", "to").agg(count(lit(1)).as("count"));
  }

  /** One (from, to) row per step of each journey keyed by {@code key}, ending in {@code end}. */
  static Dataset<Row> edges(Dataset<Row> touches, String key, String end) {
    WindowSpec order = Window.partitionBy(key).orderBy("ts", "touch_type");
    Dataset<Row> seq = touches.select(col(key), col("ts"), col("touch_type"))
        .withColumn("from", coalesce(lag("touch_type", 1).over(order), lit(START)))
        .withColumn("is_last", lead("touch_type", 1).over(order).isNull());
    return seq.select(col("from"), col("touch_type").as("to"))
        .unionByName(seq.where(col("is_last")).select(col("touch_type").as("from"), lit(end).as("to")));
  }

  /**
   * Shapley worth per type set: per converting journey its distinct touch types (sorted array
   * {@code types}), aggregated to conversions (long) and value (double, value_reporting).
   */
  public static Dataset<Row> typeSets(Dataset<Row> journeys) {
    return journeys.groupBy("outcome_id")
        .agg(array_sort(collect_set("touch_type")).as("types"), first("value_reporting").as("value"))
        .groupBy("types")
        .agg(count(lit(1)).as("conversions"), sum(coalesce(col("value").cast("double"), lit(0d))).as("value"));
  }
}
