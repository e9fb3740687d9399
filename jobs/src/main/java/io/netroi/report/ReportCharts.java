package io.netroi.report;

import static io.netroi.report.ReportData.get;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's charts from the report tree: name to PNG data URI (suppressed values are gaps). */
public final class ReportCharts {
  private ReportCharts() {}

  public static Map<String, String> of(Map<String, Object> r) {
    Map<String, String> charts = new LinkedHashMap<>();
    Map<String, Object> growth = get(r, "network_growth");
    List<Map<String, Object>> series = get(growth, "series");
    charts.put("network_growth", Charts.lines("People in the network at quarter end", "people",
        get(growth, "quarters"), series.stream().map(s -> (String) s.get("name")).toList(),
        series.stream().<List<? extends Number>>map(s -> get(s, "values")).toList()));
    charts.put("tier_flow", tierFlow(get(r, "tier_flow")));
    List<Map<String, Object>> styles = get(r, "opener_styles");
    charts.put("reply_by_style", dots("Reply rate by opener style", styles, "style", "reply"));
    charts.put("outcome_by_style", dots("Later outcome rate by opener style", styles, "style", "later_outcome"));
    charts.put("acceptance", dots("Invitation acceptance", get(r, "invitation_styles"), "style", "acceptance"));
    charts.put("tie_bands", dots("Outcome rate by tie band", get(r, "tie_bands"), "group", "outcome"));
    charts.put("social_groups", dots("Outcome rate by social share", get(r, "social_groups"), "group", "outcome"));
    charts.put("value_by_team", modelBars("Value credited this quarter, by model and team", get(r,
        "value_by_model_and_team"), "teams"));
    charts.put("value_by_touch_type", modelBars("Value credited (all outcomes), by model and touch type", get(r,
        "value_by_model_and_touch_type"), "touch_types"));
    return charts;
  }

  static String tierFlow(Map<String, Object> flow) {
    List<String> to = get(flow, "to_tiers");
    List<Map<String, Object>> rows = get(flow, "rows");
    List<String> from = rows.stream().map(x -> "from " + x.get("from_tier")).toList();
    List<List<? extends Number>> values = new ArrayList<>();
    for (int t = 0; t < to.size(); t++) {
      List<Long> v = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        List<Map<String, Object>> cells = get(row, "cells");
        v.add(cells.isEmpty() ? null : (Long) cells.get(t).get("relationships"));
      }
      values.add(v);
    }
    return Charts.stackedBars("Where last quarter's relationships went", "relationships", from,
        to.stream().map(x -> "to " + x).toList(), values, true);
  }

  static String dots(String title, List<Map<String, Object>> rows, String label, String rate) {
    List<String> groups = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<Double> lows = new ArrayList<>();
    List<Double> highs = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> x = get(row, rate);
      Object n = x.get("n");
      groups.add(row.get(label) + (n == null ? " (suppressed)" : " (n=" + n + ")"));
      rates.add((Double) x.get("rate"));
      lows.add((Double) x.get("low"));
      highs.add((Double) x.get("high"));
    }
    return Charts.dotsWithWhiskers(title, groups, rates, lows, highs);
  }

  static String modelBars(String title, Map<String, Object> table, String seriesKey) {
    List<String> models = get(table, "models");
    List<String> series = get(table, seriesKey);
    List<List<BigDecimal>> byModel = get(table, "values");
    List<List<? extends Number>> values = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      List<BigDecimal> v = new ArrayList<>();
      for (List<BigDecimal> m : byModel) {
        v.add(m.get(s));
      }
      values.add(v);
    }
    return Charts.stackedBars(title, "value", models, series, values, false);
  }
}
