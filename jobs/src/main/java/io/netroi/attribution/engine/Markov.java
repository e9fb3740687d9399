package io.netroi.attribution.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Exact first-order Markov removal-effect attribution: the absorbing chain built from transition
 * counts is solved as a linear system (LU decomposition), never simulated.
 */
public final class Markov {
  public static final String START = "(start)";
  public static final String CONVERSION = "(conversion)";
  public static final String NULL = "(null)";

  private Markov() {}

  /** A counted transition between two states of the chain. */
  public record Transition(String from, String to, double count) {}

  /**
   * The solved chain: P(conversion) from start, each channel's removal effect and its share of the
   * sum of removal effects (shares are all 0 when there is nothing to share; {@code note} says why).
   */
  public record Result(double conversionProbability, Map<String, Double> removalEffects,
      Map<String, Double> shares, String note) {}

  /** Removal effects and shares of every channel in the transition counts. */
  public static Result attribute(Collection<Transition> transitions) {
    Map<String, Map<String, Double>> counts = countsByState(transitions);
    Set<String> channels = channels(counts);
    double base = conversionProbability(counts, null);
    Map<String, Double> effects = new TreeMap<>();
    if (base == 0.0) {
      channels.forEach(c -> effects.put(c, 0.0));
      return new Result(0.0, effects, new TreeMap<>(effects),
          "no conversions in the chain: every removal effect is 0");
    }
    for (String c : channels) {
      effects.put(c, removalEffect(base, conversionProbability(counts, c)));
    }
    return new Result(base, effects, shares(effects), shareNote(effects));
  }

  /** 1 - P(without) / P(base), clamped to [0, 1] against rounding. */
  static double removalEffect(double base, double without) {
    return Math.min(1.0, Math.max(0.0, 1.0 - without / base));
  }

  /** Effects normalised to sum 1; all 0 when the effects sum to 0. */
  static Map<String, Double> shares(Map<String, Double> effects) {
    double sum = effects.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new TreeMap<>();
    effects.forEach((c, e) -> out.put(c, sum > 0 ? e / sum : 0.0));
    return out;
  }

  private static String shareNote(Map<String, Double> effects) {
    boolean any = effects.values().stream().anyMatch(e -> e > 0);
    return any ? "" : "conversions reach (conversion) without any channel: every removal effect is 0";
  }

  /** Outgoing counts per state, after checking each transition is well formed. */
  static Map<String, Map<String, Double>> countsByState(Collection<Transition> transitions) {
    Map<String, Map<String, Double>> out = new TreeMap<>();
    for (Transition t : transitions) {
      check(t);
      if (t.count() > 0) {
        out.computeIfAbsent(t.from(), k -> new TreeMap<>()).merge(t.to(), t.count(), Double::sum);
      }
    }
    return out;
  }

  private static void check(Transition t) {
    if (t.from() == null || t.to() == null) {
      throw new IllegalArgumentException("transition with a null state: " + t);
    }
    if (t.from().equals(CONVERSION) || t.from().equals(NULL)) {
      throw new IllegalArgumentException("transition out of the absorbing state " + t.from() + ": " + t);
    }
    if (t.to().equals(START)) {
      throw new IllegalArgumentException("transition into " + START + ": " + t);
    }
    if (!(t.count() >= 0) || Double.isInfinite(t.count())) {
      throw new IllegalArgumentException("transition count must be finite and >= 0: " + t);
    }
  }

  /** Every non-special state named in the counts, sorted. */
  static Set<String> channels(Map<String, Map<String, Double>> counts) {
    Set<String> out = new TreeSet<>();
    counts.forEach((from, tos) -> {
      out.add(from);
      out.addAll(tos.keySet());
    });
    out.removeAll(List.of(START, CONVERSION, NULL));
    return out;
  }

  /**
   * P(absorption in conversion | start), with {@code removed} (when not null) taken out of the chain:
   * every transition into it goes to null instead.
   */
  static double conversionProbability(Map<String, Map<String, Double>> counts, String removed) {
    if (!counts.containsKey(START)) {
      return 0.0;
    }
    List<String> states = reachableTransient(counts, removed);
    Map<String, Integer> index = new LinkedHashMap<>();
    states.forEach(s -> index.put(s, index.size()));
    int n = states.size();
    RealMatrix a = new Array2DRowRealMatrix(n, n);
    RealVector b = new ArrayRealVector(n);
    for (String s : states) {
      int i = index.get(s);
      a.addToEntry(i, i, 1.0);
      Map<String, Double> out = counts.getOrDefault(s, Map.of());
      double total = out.values().stream().mapToDouble(Double::doubleValue).sum();
      for (Map.Entry<String, Double> e : out.entrySet()) {
        double p = e.getValue() / total;
        if (e.getKey().equals(CONVERSION)) {
          b.addToEntry(i, p);
        } else if (index.containsKey(e.getKey())) {
          a.addToEntry(i, index.get(e.getKey()), -p);
        } // null and the removed channel absorb without conversion
      }
    }
    return solve(a, b, states, removed).getEntry(index.get(START));
  }

  /** Solves (I - Q) x = r, naming the states when the system is singular. */
  private static RealVector solve(RealMatrix a, RealVector b, List<String> states, String removed) {
    DecompositionSolver solver = new LUDecomposition(a).getSolver();
    if (!solver.isNonSingular()) {
      throw new IllegalStateException("Markov chain is singular" + (removed == null ? "" : " without " + removed)
          + ": some of the states " + states + " form a closed loop that never reaches "
          + CONVERSION + " or " + NULL + " (every path must end in one of them)");
    }
    return solver.solve(b);
  }

  /** Transient states reachable from start (start first), skipping the removed channel. */
  private static List<String> reachableTransient(Map<String, Map<String, Double>> counts, String removed) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(START));
    seen.add(START);
    while (!todo.isEmpty()) {
      String s = todo.poll();
      out.add(s);
      for (String next : counts.getOrDefault(s, Map.of()).keySet()) {
        boolean absorbing = next.equals(CONVERSION) || next.equals(NULL) || next.equals(removed);
        if (!absorbing && seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return out;
  }
}
