package io.netroi.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.attribution.AttributionJob;
import io.netroi.cohorts.Scopes;
import io.netroi.relationships.QuarterStates;
import io.netroi.spark.ScalaMaps;
import io.netroi.time.Quarters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Everything the report shows, collected from the tables into one tree of maps and lists (the
 * JSON summary is this tree; the HTML, PDF, Markdown and CSV files render it). Small-cell
 * suppression is applied here, so no renderer ever sees a suppressed number.
 */
public final class ReportData {
  /** Quarters of history in the growth chart, the heatmap and the coverage table. */
  static final int HISTORY = 8;
  static final List<String> STYLES = List.of("relationship", "pitch", "introduced", "inbound", "silent");
  static final List<String> TIERS = List.of("new", QuarterStates.DORMANT, QuarterStates.ONE_WAY,
      QuarterStates.ENGAGED, QuarterStates.CORE);

  /** The report's settings: quarter, its index, the minimum cell size, the calendar and org name. */
  public record Settings(String quarter, int quarterIndex, int k, int fiscalStartMonth, String orgName,
      String reportingCurrency) {}

  /** A headline tile: the kpis column, its label, its kind (count, rate, money, hours) and its base column. */
  record Tile(String column, String label, String kind, String base) {}

  static final List<Tile> TILES = List.of(
      new Tile("network_size", "People in the network", "count", "network_size"),
      new Tile("new_connections", "New connections", "count", "new_connections"),
      new Tile("engaged_relationships", "Engaged relationships (both ways)", "count", "engaged_relationships"),
      new Tile("engagement_rate", "Engagement rate", "rate", "relationships"),
      new Tile("reply_rate", "Reply rate of outreach", "rate", "openers_reply_observed"),
      new Tile("personalised_acceptance_rate", "Acceptance, personalised invitations", "rate",
          "personalised_measurable"),
      new Tile("vanilla_acceptance_rate", "Acceptance, invitations without a note", "rate", "vanilla_measurable"),
      new Tile("introductions_made", "Introductions made", "count", null),
      new Tile("outcomes", "Outcomes won", "count", null),
      new Tile("outcome_value", "Outcome value", "money", null),
      new Tile("network_sourced_value", "Value with a relationship behind it", "money", null));

  private ReportData() {}

  /** The whole report tree. */
  public static Map<String, Object> build(ReportInputs in, Settings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> org = kpiRow(in.kpis(), Scopes.ORG, s.orgName(), s.quarterIndex());
    if (org == null) {
      throw new IllegalArgumentException("no kpis row for the org in " + s.quarter());
    }
    Map<String, Object> previous = kpiRow(in.kpis(), Scopes.ORG, s.orgName(), s.quarterIndex() - 1);
    java.util.Optional<Row> manifest = in.runManifest().collectAsList().stream().findFirst();
    m.put("meta", meta(s, org, manifest));
    m.put("tiles", tiles(org, previous, s.k()));
    m.put("network_growth", networkGrowth(in.kpis(), s));
    m.put("cohort_heatmap", heatmap(in.cohortRetention(), s));
    m.put("tier_flow", tierFlow(in.tierTransitions(), s));
    m.put("opener_styles", openerStyles(in.outreach(), Scopes.ORG, s.orgName(), s.k()));
    m.put("invitation_styles", invitationStyles(in.invitations(), Scopes.ORG, s.orgName(), s.k()));
    m.put("value_by_model_and_team", valueByModelAndTeam(in.attributionSummary(), s));
    m.put("value_by_model_and_touch_type", valueByTouchType(in.touchTypes()));
    m.put("tie_bands", outcomeRates(in.tieBands(), "tie_band", List.of("weak", "medium", "strong"), s));
    m.put("social_groups", outcomeRates(in.social(), "social_group", List.of("none", "some", "mostly"), s));
    m.put("connectors", connectors(in.connectors(), in.members()));
    m.put("companies", companies(in.attribution(), in.contacts(), s));
    m.put("teams", teams(in, s));
    m.put("findings", Findings.of(comparisons(in, s), s.k()));
    m.put("data_quality", dataQuality(in, s, manifest));
    m.put("methodology", methodology(manifest));
    return m;
  }

  // ---- rows to maps ------------------------------------------------------------------------

  /** A row as an ordered map of JSON-friendly values (dates and timestamps as ISO strings). */
  static Map<String, Object> map(Row r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : r.schema().fieldNames()) {
      Object v = r.getAs(f);
      if (v instanceof java.sql.Date d) {
        v = d.toLocalDate().toString();
      } else if (v instanceof java.sql.Timestamp t) {
        v = t.toInstant().toString();
      } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
        v = null;
      }
      out.put(f, v);
    }
    return out;
  }

  static List<Map<String, Object>> maps(Dataset<Row> df) {
    return df.collectAsList().stream().map(ReportData::map).collect(Collectors.toList());
  }

  static long asLong(Object v) {
    return v == null ? 0L : ((Number) v).longValue();
  }

  /** The labels of the quarters from index {@code first} to the report's quarter. */
  static List<String> labels(int first, Settings s) {
    List<String> out = new ArrayList<>();
    for (int q = first; q <= s.quarterIndex(); q++) {
      out.add(Quarters.labelOfIndex(q, s.fiscalStartMonth()));
    }
    return out;
  }

  /** A value of the report tree, cast to what the caller expects. */
  @SuppressWarnings("unchecked")
  static <T> T get(Map<String, Object> m, String key) {
    return (T) m.get(key);
  }

  static Map<String, Object> kpiRow(Dataset<Row> kpis, String scope, String id, int index) {
    List<Row> rows = kpis.where(col("scope").equalTo(scope).and(col("scope_id").equalTo(id))
        .and(col("quarter_index").equalTo(index))).collectAsList();
    return rows.isEmpty() ? null : map(rows.get(0));
  }

  // ---- sections ----------------------------------------------------------------------------

  static Map<String, Object> meta(Settings s, Map<String, Object> org, java.util.Optional<Row> manifest) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("org", s.orgName());
    meta.put("quarter", s.quarter());
    meta.put("previous_quarter", Quarters.labelOfIndex(s.quarterIndex() - 1, s.fiscalStartMonth()));
    meta.put("quarter_start", org.get("quarter_start"));
    meta.put("quarter_is_partial", org.get("is_partial"));
    meta.put("members_observed", org.get("members"));
    meta.put("min_cell_relationships", s.k());
    meta.put("fiscal_year_start_month", s.fiscalStartMonth());
    meta.put("reporting_currency", s.reportingCurrency());
    if (manifest.isPresent()) {
      Row r = manifest.get();
      meta.put("run_id", r.getAs("run_id"));
      meta.put("run_started_at", String.valueOf((Object) r.getAs("started_at")));
      meta.put("netroi_version", r.getAs("netroi_version"));
      meta.put("spark_version", r.getAs("spark_version"));
      meta.put("lexicon_version", r.getAs("lexicon_version"));
    }
    return meta;
  }

  /** Tiles shown when costs.csv gave the scope a cost in the quarter. */
  static final List<Tile> COST_TILES = List.of(
      new Tile("cost", "Networking cost", "money", null),
      new Tile("return_on_cost", "Network-sourced value per unit of cost", "ratio", null));

  /**
   * The headline tiles: value, previous quarter's value and the change, suppressed on a small base;
   * the cost tiles only when the quarter has a cost (no costs.csv means no cost tiles, not zeros).
   */
  static List<Map<String, Object>> tiles(Map<String, Object> row, Map<String, Object> previous, int k) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Tile> tiles = new ArrayList<>(TILES);
    if (row.get("cost") != null) {
      tiles.addAll(COST_TILES);
    }
    for (Tile t : tiles) {
      Map<String, Object> tile = new LinkedHashMap<>();
      tile.put("column", t.column());
      tile.put("label", t.label());
      tile.put("kind", t.kind());
      boolean shown = t.base() == null || Suppression.shown(asLong(row.get(t.base())), k);
      boolean previousShown = previous != null
          && (t.base() == null || Suppression.shown(asLong(previous.get(t.base())), k));
      tile.put("suppressed", !shown);
      tile.put("value", shown ? row.get(t.column()) : null);
      tile.put("base", t.base() == null ? null : row.get(t.base()));
      tile.put("previous", previousShown ? previous.get(t.column()) : null);
      tile.put("change", shown && previousShown ? row.getOrDefault(t.column() + "_change", change(row, previous, t))
          : null);
      out.add(tile);
    }
    return out;
  }

  /** The change of a tile without a _change column in kpis (cost tiles): value minus previous, or null. */
  static Object change(Map<String, Object> row, Map<String, Object> previous, Tile t) {
    Object now = row.get(t.column());
    Object before = previous.get(t.column());
    if (now == null || before == null) {
      return null;
    }
    return new BigDecimal(now.toString()).subtract(new BigDecimal(before.toString()));
  }

  /** People in the network, org and each team, for the last quarters up to the report's. */
  static Map<String, Object> networkGrowth(Dataset<Row> kpis, Settings s) {
    int first = s.quarterIndex() - HISTORY + 1;
    List<String> quarters = labels(first, s);
    List<Row> rows = kpis.where(col("scope").isin(Scopes.ORG, Scopes.TEAM)
            .and(col("quarter_index").between(first, s.quarterIndex())))
        .select("scope", "scope_id", "quarter_index", "network_size").orderBy("scope", "scope_id").collectAsList();
    Map<String, Long[]> series = new LinkedHashMap<>();
    for (Row r : rows) {
      String name = r.getString(0).equals(Scopes.ORG) ? "All teams" : r.getString(1);
      Long[] values = series.computeIfAbsent(name, n -> new Long[HISTORY]);
      Object size = r.getAs("network_size");
      long v = asLong(size);
      values[r.<Integer>getAs("quarter_index") - first] = size != null && Suppression.shown(v, s.k()) ? v : null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    series.forEach((name, values) -> out.add(Map.of("name", name, "values", Arrays.asList(values))));
    return Map.of("quarters", quarters, "series", out);
  }

  /** The org's engagement cohort matrix for the cohorts of the last quarters, cells under k suppressed. */
  static Map<String, Object> heatmap(Dataset<Row> retention, Settings s) {
    int first = s.quarterIndex() - HISTORY + 1;
    List<Row> rows = retention.where(col("scope").equalTo(Scopes.ORG)
            .and(col("cohort_index").between(first, s.quarterIndex()))
            .and(col("cohort_index").plus(col("quarters_since")).leq(s.quarterIndex())))
        .orderBy("cohort_index", "quarters_since").collectAsList();
    Map<String, Map<String, Object>> cohorts = new LinkedHashMap<>();
    for (Row r : rows) {
      Map<String, Object> c = cohorts.computeIfAbsent(r.getAs("cohort_quarter"), q -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cohort_quarter", q);
        long size = asLong(r.getAs("cohort_size"));
        m.put("cohort_size", Suppression.shown(size, s.k()) ? size : null);
        m.put("cells", new ArrayList<Map<String, Object>>());
        return m;
      });
      long n = asLong(r.getAs("relationships"));
      boolean shown = Suppression.shown(n, s.k());
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("quarters_since", r.getAs("quarters_since"));
      cell.put("relationships", shown ? n : null);
      cell.put("engaged_share", shown ? r.getAs("engaged_share") : null);
      cell.put("suppressed", !shown);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cells = (List<Map<String, Object>>) c.get("cells");
      cells.add(cell);
    }
    return Map.of("columns", HISTORY, "cohorts", new ArrayList<>(cohorts.values()));
  }

  /** The org's tier transitions into the report quarter: one row per previous tier, complementary suppression per row. */
  static Map<String, Object> tierFlow(Dataset<Row> transitions, Settings s) {
    List<Row> rows = transitions.where(col("scope").equalTo(Scopes.ORG).and(col("quarter_index").equalTo(s.quarterIndex())))
        .collectAsList();
    List<String> to = TIERS.subList(1, TIERS.size());
    List<Map<String, Object>> out = new ArrayList<>();
    for (String from : TIERS) {
      long[] counts = new long[to.size()];
      for (Row r : rows) {
        if (from.equals(r.getAs("from_tier")) && to.contains(r.<String>getAs("to_tier"))) {
          counts[to.indexOf(r.<String>getAs("to_tier"))] += asLong(r.getAs("relationships"));
        }
      }
      long total = Arrays.stream(counts).sum();
      if (total == 0) {
        continue;
      }
      boolean[] hidden = Suppression.suppressed(counts, s.k());
      List<Map<String, Object>> cells = new ArrayList<>();
      for (int i = 0; i < to.size(); i++) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("to_tier", to.get(i));
        cell.put("relationships", hidden[i] ? null : counts[i]);
        cell.put("suppressed", hidden[i]);
        cells.add(cell);
      }
      boolean totalShown = Suppression.shown(total, s.k());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("from_tier", from);
      row.put("total", totalShown ? total : null);
      row.put("cells", totalShown ? cells : List.of());
      row.put("suppressed", !totalShown);
      out.add(row);
    }
    return Map.of("to_tiers", to, "rows", out);
  }

  /** A rate with its Wilson and cluster bounds from a cohort row, suppressed when its base is under k. */
  static Map<String, Object> rate(Row r, String rate, String trials, String successes, int k) {
    long n = asLong(r.getAs(trials));
    boolean shown = Suppression.shown(n, k);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("n", shown ? n : null);
    out.put("k", shown ? r.getAs(successes) : null);
    out.put("rate", shown ? r.getAs(rate) : null);
    out.put("low", shown ? r.getAs(rate + "_low") : null);
    out.put("high", shown ? r.getAs(rate + "_high") : null);
    out.put("cluster_low", shown ? fieldOrNull(r, rate + "_cluster_low") : null);
    out.put("cluster_high", shown ? fieldOrNull(r, rate + "_cluster_high") : null);
    out.put("suppressed", !shown);
    return out;
  }

  static Object fieldOrNull(Row r, String field) {
    return Arrays.asList(r.schema().fieldNames()).contains(field) ? r.getAs(field) : null;
  }

  static List<Map<String, Object>> openerStyles(Dataset<Row> outreach, String scope, String id, int k) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : outreach.where(col("scope").equalTo(scope).and(col("scope_id").equalTo(id))).collectAsList()) {
      long n = asLong(r.getAs("relationships"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("style", r.getAs("opener_style"));
      m.put("relationships", Suppression.shown(n, k) ? n : null);
      m.put("reply", rate(r, "reply_rate", "reply_observed", "replied", k));
      m.put("later_outcome", rate(r, "later_outcome_rate", "later_outcome_observed", "later_outcome", k));
      out.add(m);
    }
    out.sort((a, b) -> STYLES.indexOf((String) a.get("style")) - STYLES.indexOf((String) b.get("style")));
    return out;
  }

  static List<Map<String, Object>> invitationStyles(Dataset<Row> invitations, String scope, String id, int k) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : invitations.where(col("scope").equalTo(scope).and(col("scope_id").equalTo(id)))
        .orderBy(col("is_personalised").desc()).collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("style", r.<Boolean>getAs("is_personalised") ? "personalised" : "without a note");
      m.put("acceptance", rate(r, "acceptance_rate", "sent", "accepted", k));
      m.put("undecided", r.getAs("undecided"));
      out.add(m);
    }
    return out;
  }

  static List<Map<String, Object>> outcomeRates(Dataset<Row> table, String group, List<String> order, Settings s) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String g : order) {
      List<Row> rows = table.where(col("scope").equalTo(Scopes.ORG).and(col(group).equalTo(g))).collectAsList();
      if (!rows.isEmpty()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g);
        m.put("outcome", rate(rows.get(0), "outcome_rate", "relationships", "with_outcome", s.k()));
        out.add(m);
      }
    }
    return out;
  }

  /** Credited value of outcomes closing in the quarter per model and credited team. */
  static Map<String, Object> valueByModelAndTeam(Dataset<Row> summary, Settings s) {
    List<Row> rows = summary.where(col("scope").equalTo(Scopes.TEAM).and(col("quarter").equalTo(s.quarter())))
        .select("scope_id", "model", "credited_value").orderBy("scope_id").collectAsList();
    List<String> teams = rows.stream().map(r -> r.getString(0)).distinct().toList();
    List<List<BigDecimal>> values = new ArrayList<>();
    for (String model : AttributionJob.MODELS) {
      List<BigDecimal> v = new ArrayList<>();
      for (String team : teams) {
        v.add(rows.stream().filter(r -> r.getString(0).equals(team) && r.getString(1).equals(model))
            .map(r -> r.getDecimal(2)).findFirst().orElse(BigDecimal.ZERO));
      }
      values.add(v);
    }
    return Map.of("models", AttributionJob.MODELS, "teams", teams, "values", values);
  }

  /** Credited value of all attributed outcomes per model and touch type. */
  static Map<String, Object> valueByTouchType(Dataset<Row> touchTypes) {
    List<Row> rows = touchTypes.orderBy("touch_type").collectAsList();
    List<String> types = rows.stream().map(r -> r.<String>getAs("touch_type")).distinct().toList();
    List<List<BigDecimal>> values = new ArrayList<>();
    for (String model : AttributionJob.MODELS) {
      List<BigDecimal> v = new ArrayList<>();
      for (String type : types) {
        v.add(rows.stream().filter(r -> type.equals(r.getAs("touch_type")) && model.equals(r.getAs("model")))
            .map(r -> r.<BigDecimal>getAs("credited_value")).findFirst().orElse(BigDecimal.ZERO));
      }
      values.add(v);
    }
    return Map.of("models", AttributionJob.MODELS, "touch_types", types, "values", values);
  }

  /** The five members who made the most introductions and what came through them; names only with consent. */
  static List<Map<String, Object>> connectors(Dataset<Row> connectors, Dataset<Row> members) {
    Dataset<Row> named = connectors.join(members.select(col("member_id"), col("display_name"), col("consent")),
        new String[] {"member_id"}, "left");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : named.where(col("introductions_made").gt(0).or(col("outcomes_via_introductions").gt(0)))
        .orderBy(col("value_via_introductions").desc(), col("introductions_made").desc(), col("member_id"))
        .limit(5).collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Boolean consent = r.getAs("consent");
      String name = r.getAs("display_name");
      m.put("member", Boolean.TRUE.equals(consent) && name != null ? name : r.getAs("member_id"));
      m.put("team", r.getAs("team"));
      m.put("introductions_made", r.getAs("introductions_made"));
      m.put("contacts_introduced", r.getAs("contacts_introduced"));
      m.put("outcomes_via_introductions", r.getAs("outcomes_via_introductions"));
      m.put("value_via_introductions", r.getAs("value_via_introductions"));
      out.add(m);
    }
    return out;
  }

  /**
   * Companies whose contacts' relationships were credited most (linear model) for outcomes closing
   * in the report quarter and the three before; a company behind fewer than k relationships is not
   * named and counts in the suppressed total.
   */
  static Map<String, Object> companies(Dataset<Row> attribution, Dataset<Row> contacts, Settings s) {
    List<String> quarters = labels(s.quarterIndex() - 3, s);
    Dataset<Row> credited = attribution.where(col("model").equalTo("linear").and(col("role").equalTo("direct"))
            .and(col("quarter").isin(quarters.toArray())))
        .join(contacts.select("contact_key", "company"), "contact_key")
        .where(col("company").isNotNull().and(org.apache.spark.sql.functions.trim(col("company")).notEqual("")))
        .groupBy("company")
        .agg(count_distinct(col("member_id"), col("contact_key")).as("relationships"),
            count_distinct(col("outcome_id")).as("outcomes"), sum("credited_value").as("credited_value"));
    List<Map<String, Object>> shown = new ArrayList<>();
    long hiddenCompanies = 0;
    BigDecimal hiddenValue = BigDecimal.ZERO;
    for (Row r : credited.orderBy(col("credited_value").desc(), col("company")).collectAsList()) {
      if (Suppression.shown(asLong(r.getAs("relationships")), s.k()) && shown.size() < 10) {
        shown.add(map(r));
      } else if (!Suppression.shown(asLong(r.getAs("relationships")), s.k())) {
        hiddenCompanies++;
        hiddenValue = hiddenValue.add(r.getDecimal(r.fieldIndex("credited_value")));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("quarters", quarters);
    out.put("rows", shown);
    out.put("suppressed_companies", hiddenCompanies);
    out.put("suppressed_value", hiddenValue);
    return out;
  }

  /** A section per team: its tiles and opener styles. */
  static List<Map<String, Object>> teams(ReportInputs in, Settings s) {
    List<String> teams = in.kpis().where(col("scope").equalTo(Scopes.TEAM)
            .and(col("quarter_index").equalTo(s.quarterIndex()))).select("scope_id").distinct().orderBy("scope_id")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String team : teams) {
      Map<String, Object> t = new LinkedHashMap<>();
      Map<String, Object> row = kpiRow(in.kpis(), Scopes.TEAM, team, s.quarterIndex());
      t.put("team", team);
      t.put("members_observed", row.get("members"));
      t.put("tiles", tiles(row, kpiRow(in.kpis(), Scopes.TEAM, team, s.quarterIndex() - 1), s.k()));
      List<Map<String, Object>> credited = new ArrayList<>();
      for (String model : AttributionJob.MODELS) {
        credited.add(Map.of("model", model, "credited_value", row.get("credited_value_" + model)));
      }
      t.put("credited_by_model", credited);
      t.put("opener_styles", openerStyles(in.outreach(), Scopes.TEAM, team, s.k()));
      out.add(t);
    }
    return out;
  }

  /** The fixed comparisons of the findings, from the org rows of the cohort tables. */
  static List<Findings.Comparison> comparisons(ReportInputs in, Settings s) {
    List<Findings.Comparison> out = new ArrayList<>();
    out.add(comparison(in.outreach(), "opener_style", "relationship", "pitch", "reply_rate", "reply_observed",
        "replied", "relationship_vs_pitch_reply", "Are relationship-first openers answered more often than pitches?",
        "relationship-first openers", "pitch-first openers", "reply rate", s));
    out.add(comparison(in.outreach(), "opener_style", "relationship", "pitch", "later_outcome_rate",
        "later_outcome_observed", "later_outcome", "relationship_vs_pitch_outcome",
        "Do relationship-first openers lead to outcomes more often than pitches?", "relationship-first openers",
        "pitch-first openers", "rate of a later outcome", s));
    out.add(comparison(in.invitations(), "is_personalised", true, false, "acceptance_rate", "sent", "accepted",
        "personalised_vs_vanilla_acceptance", "Are personalised invitations accepted more often?",
        "personalised invitations", "invitations without a note", "acceptance rate", s));
    out.add(comparison(in.tieBands(), "tie_band", "strong", "weak", "outcome_rate", "relationships", "with_outcome",
        "strong_vs_weak_outcome", "Do strong ties bring outcomes more often than weak ones?", "strong ties",
        "weak ties", "outcome rate", s));
    out.add(comparison(in.social(), "social_group", "mostly", "none", "outcome_rate", "relationships",
        "with_outcome", "social_vs_none_outcome", "Do mostly social relationships bring outcomes more often?",
        "mostly social relationships", "relationships without social talk", "outcome rate", s));
    return out;
  }

  static Findings.Comparison comparison(Dataset<Row> table, String group, Object value, Object baseline, String rate,
      String trials, String successes, String id, String question, String label, String baseLabel, String measure,
      Settings s) {
    Dataset<Row> org = table.where(col("scope").equalTo(Scopes.ORG));
    List<Row> g = org.where(col(group).equalTo(lit(value))).collectAsList();
    List<Row> b = org.where(col(group).equalTo(lit(baseline))).collectAsList();
    if (g.isEmpty() || b.isEmpty()) {
      return new Findings.Comparison(id, question, label, baseLabel, measure, null, null, null, null, null, null, null);
    }
    Row gr = g.get(0);
    Row br = b.get(0);
    return new Findings.Comparison(id, question, label, baseLabel, measure, asLong(gr.getAs(trials)),
        asLong(gr.getAs(successes)), asLong(br.getAs(trials)), asLong(br.getAs(successes)),
        gr.getAs(rate + "_diff_cluster_low"), gr.getAs(rate + "_diff_cluster_high"), gr.getAs(rate + "_diff_p"));
  }

  /** Files, rows, rejects and exclusions by reason, identity resolution and member coverage. */
  static Map<String, Object> dataQuality(ReportInputs in, Settings s, java.util.Optional<Row> manifest) {
    Map<String, Object> out = new LinkedHashMap<>();
    Column kind = org.apache.spark.sql.functions.regexp_extract(col("source_file"), "([^/!]+)$", 1);
    out.put("by_metric", maps(in.dataQuality().groupBy("metric").agg(sum("count").as("count")).orderBy("metric")));
    out.put("by_file", maps(in.dataQuality().withColumn("file", kind).groupBy("file")
        .agg(sum(when(col("metric").equalTo("read"), col("count")).otherwise(0)).as("read"),
            sum(when(col("metric").equalTo("kept"), col("count")).otherwise(0)).as("kept"),
            sum(when(col("metric").startsWith("rejected:"), col("count")).otherwise(0)).as("rejected"),
            sum(when(col("metric").startsWith("excluded:"), col("count")).otherwise(0)).as("excluded"),
            sum(when(col("metric").startsWith("file_rejected:"), col("count")).otherwise(0)).as("files_rejected"))
        .orderBy("file")));
    out.put("rejects_by_reason", maps(in.rejects().groupBy("reason").count().orderBy(col("count").desc(), col("reason"))));
    out.put("identity", manifest.<Map<String, Object>>map(r -> new java.util.TreeMap<>(ScalaMaps.toJava(
        r.<scala.collection.Map<String, Object>>getAs("identity_stats")))).orElse(Map.of()));
    long contacts = in.contacts().count();
    List<Map<String, Object>> basis = maps(in.contacts().groupBy("key_basis")
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("contacts")).orderBy(col("contacts").desc()));
    basis.forEach(b -> b.put("share", contacts == 0 ? null : (double) asLong(b.get("contacts")) / contacts));
    out.put("contacts_by_key_basis", basis);
    out.put("unattributed_by_reason", maps(in.unattributed().groupBy("reason")
        .agg(org.apache.spark.sql.functions.count(lit(1)).as("outcomes"), sum("value").as("value")).orderBy("reason")));
    out.put("coverage", coverage(in, s));
    return out;
  }

  /** Per rostered member and recent quarter: full, partial or no data. */
  static Map<String, Object> coverage(ReportInputs in, Settings s) {
    int first = s.quarterIndex() - HISTORY + 1;
    List<String> quarters = labels(first, s);
    List<Row> observed = in.kpis().where(col("scope").equalTo(Scopes.MEMBER)
        .and(col("quarter_index").between(first, s.quarterIndex())).and(col("members").gt(0)))
        .select("scope_id", "quarter_index", "is_partial").collectAsList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row m : in.members().orderBy("member_id").collectAsList()) {
      String id = m.getAs("member_id");
      boolean consent = Boolean.TRUE.equals(m.getAs("consent"));
      String[] cells = new String[HISTORY];
      Arrays.fill(cells, consent ? "none" : "no consent");
      for (Row o : observed) {
        if (id.equals(o.getString(0))) {
          cells[o.<Integer>getAs("quarter_index") - first] = o.<Boolean>getAs("is_partial") ? "partial" : "full";
        }
      }
      String name = m.getAs("display_name");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("member", consent && name != null ? name : id);
      row.put("team", m.getAs("team"));
      row.put("identity_source", m.getAs("identity_source"));
      row.put("identity_coverage", m.getAs("identity_coverage"));
      row.put("cells", Arrays.asList(cells));
      rows.add(row);
    }
    return Map.of("quarters", quarters, "members", rows);
  }

  /** Parameters and every input with its checksum, from the run manifest. */
  static Map<String, Object> methodology(java.util.Optional<Row> manifest) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (manifest.isEmpty()) {
      return out;
    }
    Row r = manifest.get();
    Map<String, String> config = new java.util.TreeMap<>(ScalaMaps.toJava(
        r.<scala.collection.Map<String, String>>getAs("config")));
    config.keySet().removeIf(key -> !key.startsWith("netroi.") || key.equals("netroi.input")
        || key.equals("netroi.out"));
    out.put("parameters", config);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (Row i : r.<Row>getList(r.fieldIndex("inputs"))) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : List.of("path", "bytes", "sha256", "kind", "status")) {
        m.put(f, Arrays.asList(i.schema().fieldNames()).contains(f) ? i.getAs(f) : null);
      }
      inputs.add(m);
    }
    out.put("inputs", inputs);
    return out;
  }
}
