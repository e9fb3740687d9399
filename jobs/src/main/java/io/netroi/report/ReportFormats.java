package io.netroi.report;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Number formats of the report templates, as Pebble filters: {@code num} (12,345), {@code pct}
 * (12.3%), {@code money} (1,234,567), {@code signed} (+12), {@code pts} (+3.1 pts), {@code
 * signedMoney} (+1,234), {@code ratio} (2.50x), {@code signedRatio} (+0.25x) and {@code shade} (the background colour of a heatmap cell). A null value
 * is shown as an en dash.
 */
public final class ReportFormats extends AbstractExtension {
  static final String NONE = "\u2013";

  @Override
  public Map<String, Filter> getFilters() {
    return Map.of(
        "num", filter(v -> String.format(Locale.ROOT, "%,d", v.longValue())),
        "pct", filter(v -> String.format(Locale.ROOT, "%.1f%%", v.doubleValue() * 100)),
        "money", filter(v -> String.format(Locale.ROOT, "%,d", rounded(v))),
        "signed", filter(v -> String.format(Locale.ROOT, "%+,d", v.longValue())),
        "signedMoney", filter(v -> String.format(Locale.ROOT, "%+,d", rounded(v))),
        "pts", filter(v -> String.format(Locale.ROOT, "%+.1f pts", v.doubleValue() * 100)),
        "hours", filter(v -> String.format(Locale.ROOT, "%.1f h", v.doubleValue())),
        "ratio", filter(v -> String.format(Locale.ROOT, "%.2fx", v.doubleValue())),
        "signedRatio", filter(v -> String.format(Locale.ROOT, "%+.2fx", v.doubleValue())),
        "shade", filter(ReportFormats::shade));
  }

  static long rounded(Number v) {
    return new BigDecimal(v.toString()).setScale(0, RoundingMode.HALF_UP).longValue();
  }

  /** Light to dark blue-grey by share (0-1), so the heatmap reads in greyscale too. */
  static String shade(Number v) {
    double share = Math.max(0, Math.min(1, v.doubleValue()));
    int level = (int) Math.round(245 - share * 190);
    return String.format(Locale.ROOT, "rgb(%d,%d,%d)", level - 20 < 0 ? 0 : level - 20, level - 8, level);
  }

  static Filter filter(Function<Number, String> f) {
    return new Filter() {
      @Override
      public List<String> getArgumentNames() {
        return List.of();
      }

      @Override
      public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
          int lineNumber) {
        return input instanceof Number n ? f.apply(n) : NONE;
      }
    };
  }
}
