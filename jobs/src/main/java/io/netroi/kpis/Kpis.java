package io.netroi.kpis;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.netroi.attribution.AttributionJob;
import io.netroi.cohorts.Scopes;
import io.netroi.relationships.LocalTime;
import io.netroi.relationships.Observed;
import io.netroi.relationships.QuarterStates;
import io.netroi.relationships.RelationshipInputs;
import io.netroi.relationships.RelationshipParams;
import io.netroi.relationships.Sessions;
import io.netroi.stats.Wilson;
import io.netroi.time.Quarters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The kpis table (docs/kpis.md): per scope (org, team, member) and quarter the network built, the
 * engagement and outreach behind it, and the outcomes and value that came through it, each with
 * its change on the previous quarter.
 */
public final class Kpis {
  static final String MONEY = "decimal(18,2)";
  static final String[] KEYS = {"scope", "scope_id", "quarter_index"};
  /** Count columns: 0 when a scope had nothing in the quarter. */
  static final List<String> COUNTS = List.of("members", "network_size", "new_connections", "relationships",
      "active_relationships", "engaged_relationships", "core_relationships", "companies_reached", "outbound_openers",
      "openers_reply_observed", "openers_replied", "invitations_sent", "personalised_sent", "personalised_measurable",
      "personalised_accepted", "vanilla_sent", "vanilla_measurable", "vanilla_accepted", "introductions_made",
      "outcomes");
  /** Rates: name, successes, trials. */
  static final List<String[]> RATES = List.of(
      new String[] {"engagement_rate", "engaged_relationships", "relationships"},
      new String[] {"reply_rate", "openers_replied", "openers_reply_observed"},
      new String[] {"personalised_acceptance_rate", "personalised_accepted", "personalised_measurable"},
      new String[] {"vanilla_acceptance_rate", "vanilla_accepted", "vanilla_measurable"});
  /** Indicators that carry {@code <name>_change}, the difference to the previous quarter. */
  static final List<String> CHANGED = Stream.concat(Stream.of("network_size", "new_connections", "companies_reached",
      "engaged_relationships", "core_relationships", "engagement_rate", "reply_rate", "median_response_hours",
      "invitations_sent", "personalised_acceptance_rate", "vanilla_acceptance_rate", "introductions_made", "outcomes",
      "outcome_value", "network_sourced_value"), AttributionJob.MODELS.stream().map(Kpis::credited)).toList();

  private Kpis() {}

  /** credited_value_&lt;model&gt;. */
  static String credited(String model) {
    return "credited_value_" + model;
  }

  /** The kpis table, columns in {@link #columns()} order. */
  public static Dataset<Row> build(KpiInputs in, RelationshipParams p) {
    int fiscal = p.fiscalStartMonth();
    String org = p.orgName();
    Dataset<Row> teams = in.windows().select("member_id", "team");
    RelationshipInputs observed = Observed.within(in.inputs(), in.windows());
    Dataset<Row> connections = observed.connections().join(teams, "member_id");
    List<Dataset<Row>> parts = List.of(
        newConnections(connections, fiscal, org),
        tiers(in.relationshipQuarters(), in.contacts(), org),
        replies(observed.interactions().join(teams, "member_id"), fiscal, org, p),
        invitations(observed.invitations().join(teams, "member_id"), fiscal, org),
        introductionsMade(observed.introductions().join(teams, "member_id"), fiscal, org),
        outcomes(in.attributionSummary()),
        costs(in.costs(), in.members(), org));
    Dataset<Row> out = grid(in.relationshipQuarters(), in.windows(), parts, fiscal, org);
    return withChanges(withRates(withNetworkSize(withDefaults(out), networkEvents(connections, fiscal, org))))
        .withColumn("quarter", Quarters.labelOfIndex(col("quarter_index"), fiscal))
        .withColumn("quarter_start", Quarters.startOfIndex(col("quarter_index"), fiscal))
        .select(columns());
  }

  /** The table's columns, in order. */
  static Column[] columns() {
    List<String> names = new ArrayList<>(List.of("scope", "scope_id", "quarter", "quarter_index", "quarter_start",
        "members", "is_partial", "network_size", "new_connections", "relationships", "active_relationships",
        "engaged_relationships", "core_relationships", "companies_reached", "outbound_openers",
        "openers_reply_observed", "openers_replied", "median_response_hours", "invitations_sent", "personalised_sent",
        "personalised_measurable", "personalised_accepted", "vanilla_sent", "vanilla_measurable", "vanilla_accepted",
        "introductions_made", "outcomes", "outcome_value", "network_sourced_value"));
    AttributionJob.MODELS.forEach(m -> names.add(credited(m)));
    names.addAll(List.of("hours", "cost", "return_on_cost"));
    for (String[] r : RATES) {
      names.addAll(List.of(r[0], r[0] + "_low", r[0] + "_high"));
    }
    CHANGED.forEach(c -> names.add(c + "_change"));
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  /** Member-level rows (member_id, team, quarter_index, ...) aggregated per scope and quarter. */
  static Dataset<Row> byScope(Dataset<Row> rows, String org, Column... aggs) {
    return Scopes.explode(rows, org).groupBy(KEYS[0], KEYS[1], KEYS[2])
        .agg(aggs[0], Arrays.copyOfRange(aggs, 1, aggs.length));
  }

  /** The quarter index of a row's local date. */
  static Column quarterOf(Column ts, int fiscal) {
    return Quarters.index(LocalTime.date(ts, col("timezone")), fiscal);
  }

  /**
   * The parts joined on every scope and quarter with a row: each consenting member's quarters from
   * their first relationship quarter to their last observed one, their team's and the org's, plus
   * any org or team quarter (and observed member's quarter) that only the parts have (an outcome or
   * a cost outside those quarters). members = members observed in the quarter; is_partial = one of
   * them is not observed to the quarter's end, or none is observed. Each part is joined once (full
   * outer), so none is computed twice.
   */
  static Dataset<Row> grid(Dataset<Row> quarters, Dataset<Row> windows, List<Dataset<Row>> parts, int fiscal,
      String org) {
    Column quarterEnd = date_sub(Quarters.startOfIndex(col("quarter_index").plus(1), fiscal), 1);
    Dataset<Row> memberQuarters = quarters.select("member_id", "quarter_index").distinct()
        .join(windows.select("member_id", "team", "observed_until"), "member_id")
        .withColumn("partial", col("observed_until").lt(quarterEnd));
    Dataset<Row> observed = byScope(memberQuarters, org, count_distinct(col("member_id")).as("members"),
        max("partial").as("is_partial"));
    Dataset<Row> joined = observed;
    for (Dataset<Row> part : parts) {
      joined = joined.join(part, KEYS, "full_outer");
    }
    // small (scopes x quarters) and read twice below: computed once
    joined = joined.localCheckpoint();
    Dataset<Row> windowed = windows.select(col("member_id").as("scope_id"), lit(Scopes.MEMBER).as("scope"));
    Dataset<Row> members = joined.where(col("scope").equalTo(Scopes.MEMBER))
        .join(windowed, new String[] {"scope", "scope_id"}, "left_semi");
    return joined.where(col("scope").notEqual(Scopes.MEMBER)).unionByName(members)
        .withColumn("members", coalesce(col("members"), lit(0L)))
        .withColumn("is_partial", coalesce(col("is_partial"), lit(true)));
  }

  /** new_connections: member-contact connections made in the quarter (colleagues excluded). */
  static Dataset<Row> newConnections(Dataset<Row> connections, int fiscal, String org) {
    Dataset<Row> rows = connections.where(not(col("is_colleague")))
        .withColumn("quarter_index", Quarters.index(col("connected_on"), fiscal));
    return byScope(rows, org, count(lit(1)).as("new_connections"));
  }

  /**
   * Network size as events: a contact is in a scope's network in the quarters from its connection
   * to a member of the scope up to that member's last observed quarter; per scope and contact these
   * intervals are merged and become +1 at their first quarter and -1 after their last
   * (scope, scope_id, quarter_index, delta). Members whose observation has ended no longer count.
   */
  static Dataset<Row> networkEvents(Dataset<Row> connections, int fiscal, String org) {
    Dataset<Row> intervals = Scopes.explode(connections.where(not(col("is_colleague"))), org)
        .select(col("scope"), col("scope_id"), col("contact_key"),
            Quarters.index(col("connected_on"), fiscal).as("first"),
            Quarters.index(col("observed_until"), fiscal).as("last"));
    WindowSpec byStart = Window.partitionBy("scope", "scope_id", "contact_key").orderBy("first", "last");
    Column reachedBefore = max("last").over(byStart.rowsBetween(Window.unboundedPreceding(), -1));
    Dataset<Row> merged = intervals
        .withColumn("starts", when(reachedBefore.isNull().or(col("first").gt(reachedBefore.plus(1))), 1).otherwise(0))
        .withColumn("run", sum("starts").over(byStart))
        .groupBy("scope", "scope_id", "contact_key", "run")
        .agg(min("first").as("first"), max("last").as("last"));
    return merged.select(col("scope"), col("scope_id"), col("first").as("quarter_index"), lit(1L).as("delta"))
        .unionByName(merged.select(col("scope"), col("scope_id"), col("last").plus(1).as("quarter_index"),
            lit(-1L).as("delta")));
  }

  /** Relationship tiers of the quarter (external relationships) and the companies of the active ones. */
  static Dataset<Row> tiers(Dataset<Row> quarters, Dataset<Row> contacts, String org) {
    Column tier = col("tier");
    Column active = tier.notEqual(QuarterStates.DORMANT);
    Column engaged = tier.isin(QuarterStates.ENGAGED, QuarterStates.CORE);
    Column company = lower(trim(col("company")));
    Dataset<Row> rows = quarters.where(not(col("is_colleague")))
        .join(contacts.select("contact_key", "company"), new String[] {"contact_key"}, "left");
    return byScope(rows, org,
        count(lit(1)).as("relationships"),
        count(when(active, lit(1))).as("active_relationships"),
        count(when(engaged, lit(1))).as("engaged_relationships"),
        count(when(tier.equalTo(QuarterStates.CORE), lit(1))).as("core_relationships"),
        count_distinct(when(active.and(company.notEqual("")), company)).as("companies_reached"));
  }

  /**
   * Outbound one-to-one session openers sent in the quarter: all, those whose reply window lies in
   * the observation, and those answered within it; the exact median hours the member took to answer
   * a run the contact started in the quarter.
   */
  static Dataset<Row> replies(Dataset<Row> interactions, int fiscal, String org, RelationshipParams p) {
    Dataset<Row> rows = Sessions.annotate(interactions.where(not(col("is_colleague"))), p)
        .withColumn("quarter_index", quarterOf(col("ts"), fiscal));
    Column opener = Sessions.outboundOpener();
    Column observed = opener.and(Sessions.replyObserved(p));
    return byScope(rows, org,
        count(when(opener, lit(1))).as("outbound_openers"),
        count(when(observed, lit(1))).as("openers_reply_observed"),
        count(when(observed.and(Sessions.answered()), lit(1))).as("openers_replied"),
        percentile(when(col("direction").equalTo("in"), Sessions.responseHours()), lit(0.5))
            .as("median_response_hours"));
  }

  /** Outgoing invitations to external contacts sent in the quarter, personalised and vanilla. */
  static Dataset<Row> invitations(Dataset<Row> invitations, int fiscal, String org) {
    Dataset<Row> rows = invitations.where(col("direction").equalTo("out").and(not(col("is_colleague"))))
        .withColumn("quarter_index", quarterOf(col("sent_at"), fiscal));
    Column personalised = col("is_personalised");
    Column measurable = col("is_accepted").isNotNull();
    Column accepted = coalesce(col("is_accepted"), lit(false));
    return byScope(rows, org,
        count(lit(1)).as("invitations_sent"),
        count(when(personalised, lit(1))).as("personalised_sent"),
        count(when(personalised.and(measurable), lit(1))).as("personalised_measurable"),
        count(when(personalised.and(accepted), lit(1))).as("personalised_accepted"),
        count(when(not(personalised), lit(1))).as("vanilla_sent"),
        count(when(not(personalised).and(measurable), lit(1))).as("vanilla_measurable"),
        count(when(not(personalised).and(accepted), lit(1))).as("vanilla_accepted"));
  }

  /** Introductions the members made (distinct member x conversation) in the quarter. */
  static Dataset<Row> introductionsMade(Dataset<Row> introductions, int fiscal, String org) {
    Dataset<Row> rows = introductions.where(col("made_by_member"))
        .withColumn("quarter_index", quarterOf(col("introduced_at"), fiscal));
    return byScope(rows, org, count_distinct(col("member_id"), col("conversation_key")).as("introductions_made"));
  }

  /**
   * From attribution_summary: outcomes owned and their value, network_sourced_value (the attributed
   * value: outcomes with a touch in their window, the same under every model) and the value
   * credited to the scope under each model.
   */
  static Dataset<Row> outcomes(Dataset<Row> summary) {
    Dataset<Row> s = summary.withColumn("quarter_index", Quarters.indexOfLabel(col("quarter")));
    Dataset<Row> totals = s.groupBy(KEYS[0], KEYS[1], KEYS[2]).agg(max("outcomes").as("outcomes"),
        max("value").as("outcome_value"), max("attributed_value").as("network_sourced_value"));
    Dataset<Row> credited = s.groupBy(KEYS[0], KEYS[1], KEYS[2])
        .pivot("model", new ArrayList<>(AttributionJob.MODELS)).agg(max("credited_value"));
    for (String m : AttributionJob.MODELS) {
      credited = credited.withColumnRenamed(m, credited(m));
    }
    return totals.join(credited, KEYS, "full_outer");
  }

  /** Hours and cost per scope and quarter (team from the roster; quarters already checked). */
  static Dataset<Row> costs(Dataset<Row> costs, Dataset<Row> members, String org) {
    Dataset<Row> rows = costs.join(members.select("member_id", "team"), "member_id")
        .withColumn("quarter_index", Quarters.indexOfLabel(col("quarter")));
    return byScope(rows, org, sum("hours").as("hours"), sum("cost").cast(MONEY).as("cost"));
  }

  /** Counts and money default to 0; median, hours and cost stay null (unknown, not zero). */
  static Dataset<Row> withDefaults(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (String c : COUNTS) {
      if (!c.equals("network_size")) {
        out = out.withColumn(c, coalesce(col(c), lit(0L)));
      }
    }
    List<String> money = new ArrayList<>(List.of("outcome_value", "network_sourced_value"));
    AttributionJob.MODELS.forEach(m -> money.add(credited(m)));
    for (String c : money) {
      out = out.withColumn(c, coalesce(col(c), lit(BigDecimal.ZERO)).cast(MONEY));
    }
    return out;
  }

  /** network_size: the running sum of {@link #networkEvents} up to each grid row's quarter. */
  static Dataset<Row> withNetworkSize(Dataset<Row> grid, Dataset<Row> events) {
    WindowSpec upTo = Window.partitionBy("scope", "scope_id").orderBy("quarter_index")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> size = grid.select(col("scope"), col("scope_id"), col("quarter_index"), lit(0L).as("delta"))
        .unionByName(events)
        .groupBy(KEYS[0], KEYS[1], KEYS[2]).agg(sum("delta").as("delta"))
        .withColumn("network_size", sum("delta").over(upTo))
        .drop("delta");
    return grid.join(size, KEYS, "left");
  }

  /** Every rate (null without trials) with its Wilson 95% bounds, and return_on_cost. */
  static Dataset<Row> withRates(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (String[] r : RATES) {
      out = Wilson.withRate(out, r[0], r[1], r[2]);
    }
    return out.withColumn("return_on_cost", when(col("cost").gt(0),
        col("network_sourced_value").cast("double").divide(col("cost").cast("double"))));
  }

  /** {@code <x>_change}: x minus x of the scope's previous quarter; null when that quarter has no row. */
  static Dataset<Row> withChanges(Dataset<Row> df) {
    return withChangesOf(df, CHANGED);
  }

  /** {@link #withChanges} for the given columns. */
  static Dataset<Row> withChangesOf(Dataset<Row> df, List<String> columns) {
    WindowSpec order = Window.partitionBy("scope", "scope_id").orderBy("quarter_index");
    Column previousIsAdjacent = lag(col("quarter_index"), 1).over(order).equalTo(col("quarter_index").minus(1));
    Dataset<Row> out = df;
    for (String c : columns) {
      Column change = col(c).minus(lag(col(c), 1).over(order));
      if (c.startsWith("credited_value_") || c.endsWith("_value")) {
        change = change.cast(MONEY);
      }
      out = out.withColumn(c + "_change", when(previousIsAdjacent, change));
    }
    return out;
  }
}
