package io.netroi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Findings in plain sentences (design.md "Statistics"): only for the fixed comparisons, each with
 * its sample sizes, the difference's interval from the bootstrap over members, and significance
 * after a Holm correction across all of them. Sentences say "associated with", never "caused".
 */
public final class Findings {
  /** The family-wise error rate of the Holm procedure. */
  public static final double ALPHA = 0.05;

  /**
   * One fixed comparison: group vs baseline on one rate. {@code p} is the bootstrap p-value of the
   * difference, {@code low}/{@code high} its clustered 95% interval; null values mean "not measurable".
   */
  public record Comparison(String id, String question, String groupLabel, String baselineLabel, String measure,
      Long groupN, Long groupK, Long baseN, Long baseK, Double low, Double high, Double p) {
    boolean measurable(int k) {
      return groupN != null && baseN != null && groupN >= k && baseN >= k && p != null && low != null && high != null;
    }

    double groupRate() {
      return (double) groupK / groupN;
    }

    double baseRate() {
      return (double) baseK / baseN;
    }
  }

  private Findings() {}

  /**
   * Holm-adjusted p-values (step-down: sorted ascending, p_(i) x (m - i + 1), running maximum,
   * capped at 1), in the input order; a null p stays null and does not count in m.
   */
  public static Double[] holm(Double[] p) {
    int[] order = IntStream.range(0, p.length).filter(i -> p[i] != null).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> p[i]).thenComparing(i -> i)).mapToInt(i -> i).toArray();
    Double[] adjusted = new Double[p.length];
    double running = 0;
    int m = order.length;
    for (int rank = 0; rank < m; rank++) {
      double a = Math.min(1.0, p[order[rank]] * (m - rank));
      running = Math.max(running, a);
      adjusted[order[rank]] = running;
    }
    return adjusted;
  }

  /** Each comparison as a finding: the numbers and one sentence; Holm over the measurable ones. */
  public static List<Map<String, Object>> of(List<Comparison> comparisons, int k) {
    Double[] p = comparisons.stream().map(c -> c.measurable(k) ? c.p() : null).toArray(Double[]::new);
    Double[] adjusted = holm(p);
    long tested = java.util.Arrays.stream(p).filter(java.util.Objects::nonNull).count();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < comparisons.size(); i++) {
      Comparison c = comparisons.get(i);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", c.id());
      f.put("question", c.question());
      f.put("measurable", c.measurable(k));
      if (c.measurable(k)) {
        boolean significant = adjusted[i] < ALPHA;
        f.put("group_rate", c.groupRate());
        f.put("group_n", c.groupN());
        f.put("baseline_rate", c.baseRate());
        f.put("baseline_n", c.baseN());
        f.put("difference", c.groupRate() - c.baseRate());
        f.put("difference_cluster_low", c.low());
        f.put("difference_cluster_high", c.high());
        f.put("p", c.p());
        f.put("p_holm", adjusted[i]);
        f.put("significant", significant);
        f.put("sentence", sentence(c, adjusted[i], significant, tested));
      } else {
        f.put("sentence", "Not enough data to compare " + c.groupLabel() + " with " + c.baselineLabel() + " on "
            + c.measure() + " (each group needs at least " + k + " relationships).");
      }
      out.add(f);
    }
    return out;
  }

  static String sentence(Comparison c, double pHolm, boolean significant, long tested) {
    double diff = c.groupRate() - c.baseRate();
    String direction = diff > 0 ? "higher" : diff < 0 ? "lower" : "no different";
    String verdict = significant
        ? "The difference holds after a Holm correction across the " + tested + " comparisons (adjusted p "
            + p(pHolm) + ")."
        : "After a Holm correction across the " + tested + " comparisons it is not statistically clear (adjusted p "
            + p(pHolm) + ").";
    return String.format(Locale.ROOT, "%s %s associated with a %s %s: %s of %d vs %s of %d for %s "
            + "(difference %s points, 95%% interval clustered by member %s to %s). %s This is an association, not "
            + "evidence that one caused the other.",
        capitalise(c.groupLabel()), c.groupN() == 1 ? "is" : "are", direction, c.measure(), pct(c.groupRate()),
        c.groupN(), pct(c.baseRate()), c.baseN(), c.baselineLabel(), points(diff), points(c.low()), points(c.high()),
        verdict);
  }

  static String pct(double rate) {
    return String.format(Locale.ROOT, "%.0f%%", rate * 100);
  }

  static String points(double diff) {
    return String.format(Locale.ROOT, "%+.1f", diff * 100);
  }

  static String p(double p) {
    return p < 0.001 ? "below 0.001" : String.format(Locale.ROOT, "= %.3f", p);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
