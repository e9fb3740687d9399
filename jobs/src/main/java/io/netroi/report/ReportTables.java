package io.netroi.report;

import static io.netroi.report.ReportData.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's tables as rows for the CSV files (csv/*.csv): the list sections as they are, the
 * matrices (growth, heatmap, tier flow, value by model) one row per cell or per category. Pure.
 */
public final class ReportTables {
  private ReportTables() {}

  /** File name (without .csv) to rows, in the report's order. */
  public static Map<String, List<Map<String, Object>>> of(Map<String, Object> r) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("tiles", get(r, "tiles"));
    out.put("findings", get(r, "findings"));
    out.put("network_growth", networkGrowth(get(r, "network_growth")));
    out.put("cohort_heatmap", heatmap(get(r, "cohort_heatmap")));
    out.put("tier_flow", tierFlow(get(r, "tier_flow")));
    out.put("opener_styles", get(r, "opener_styles"));
    out.put("invitation_styles", get(r, "invitation_styles"));
    out.put("value_by_model_and_team", byModel(get(r, "value_by_model_and_team"), "teams"));
    out.put("value_by_model_and_touch_type", byModel(get(r, "value_by_model_and_touch_type"), "touch_types"));
    out.put("tie_bands", get(r, "tie_bands"));
    out.put("social_groups", get(r, "social_groups"));
    out.put("connectors", get(r, "connectors"));
    out.put("companies", get(get(r, "companies"), "rows"));
    out.put("teams", get(r, "teams"));
    Map<String, Object> dq = get(r, "data_quality");
    out.put("data_quality_by_file", get(dq, "by_file"));
    out.put("data_quality_by_metric", get(dq, "by_metric"));
    out.put("rejects_by_reason", get(dq, "rejects_by_reason"));
    out.put("coverage", coverage(get(dq, "coverage")));
    Map<String, Object> method = get(r, "methodology");
    out.put("inputs", get(method, "inputs") == null ? List.of() : get(method, "inputs"));
    return out;
  }

  /** One row per quarter, one column per series. */
  static List<Map<String, Object>> networkGrowth(Map<String, Object> growth) {
    List<String> quarters = get(growth, "quarters");
    List<Map<String, Object>> series = get(growth, "series");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < quarters.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("quarter", quarters.get(i));
      for (Map<String, Object> s : series) {
        row.put((String) s.get("name"), ((List<?>) s.get("values")).get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** One row per cohort and quarters since connecting. */
  static List<Map<String, Object>> heatmap(Map<String, Object> heatmap) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> c : ReportData.<List<Map<String, Object>>>get(heatmap, "cohorts")) {
      for (Map<String, Object> cell : ReportData.<List<Map<String, Object>>>get(c, "cells")) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cohort_quarter", c.get("cohort_quarter"));
        row.put("cohort_size", c.get("cohort_size"));
        row.putAll(cell);
        rows.add(row);
      }
    }
    return rows;
  }

  /** One row per previous and current tier. */
  static List<Map<String, Object>> tierFlow(Map<String, Object> flow) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> from : ReportData.<List<Map<String, Object>>>get(flow, "rows")) {
      for (Map<String, Object> cell : ReportData.<List<Map<String, Object>>>get(from, "cells")) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("from_tier", from.get("from_tier"));
        row.putAll(cell);
        rows.add(row);
      }
    }
    return rows;
  }

  /** One row per model, one column per team or touch type. */
  static List<Map<String, Object>> byModel(Map<String, Object> table, String seriesKey) {
    List<String> models = get(table, "models");
    List<String> series = get(table, seriesKey);
    List<List<Object>> values = get(table, "values");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("model", models.get(m));
      for (int s = 0; s < series.size(); s++) {
        row.put(series.get(s), values.get(m).get(s));
      }
      rows.add(row);
    }
    return rows;
  }

  /** One row per member, one column per quarter. */
  static List<Map<String, Object>> coverage(Map<String, Object> coverage) {
    List<String> quarters = get(coverage, "quarters");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> m : ReportData.<List<Map<String, Object>>>get(coverage, "members")) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("member", m.get("member"));
      row.put("team", m.get("team"));
      row.put("identity_source", m.get("identity_source"));
      List<?> cells = (List<?>) m.get("cells");
      for (int i = 0; i < quarters.size(); i++) {
        row.put(quarters.get(i), cells.get(i));
      }
      rows.add(row);
    }
    return rows;
  }
}
