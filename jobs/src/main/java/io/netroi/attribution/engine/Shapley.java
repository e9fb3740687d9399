package io.netroi.attribution.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exact Shapley values of the game v(S) = total worth of the converting journeys whose distinct type
 * set lies within S. That game is a sum of unanimity games, one per distinct type set T with worth
 * w(T), and a unanimity game's Shapley value is w(T) / |T| for each member of T: exact for any
 * number of types, in time linear in the number of type sets.
 */
public final class Shapley {
  /** Brute-force enumeration handles at most this many types (2^n coalitions). */
  static final int BRUTE_FORCE_MAX_TYPES = 12;

  private Shapley() {}

  /** Shapley value per type by the unanimity decomposition: each set's worth split equally over it. */
  public static Map<String, Double> values(Map<Set<String>, Double> worthByTypeSet) {
    Map<String, Double> out = new TreeMap<>();
    worthByTypeSet.forEach((types, worth) -> {
      checkSet(types, worth);
      for (String t : types) {
        out.merge(t, worth / types.size(), Double::sum);
      }
    });
    return out;
  }

  private static void checkSet(Set<String> types, Double worth) {
    if (types.isEmpty() && worth != 0.0) {
      throw new IllegalArgumentException("a journey without any type has worth " + worth + ": nothing to credit");
    }
    if (worth == null || !Double.isFinite(worth)) {
      throw new IllegalArgumentException("worth of " + types + " must be finite: " + worth);
    }
  }

  /**
   * Shapley values by enumerating every coalition (the textbook formula); for checking
   * {@link #values} on small games only.
   */
  static Map<String, Double> bruteForce(Map<Set<String>, Double> worthByTypeSet) {
    List<String> players = new ArrayList<>(new TreeSet<>(worthByTypeSet.keySet().stream()
        .flatMap(Set::stream).toList()));
    int n = players.size();
    if (n > BRUTE_FORCE_MAX_TYPES) {
      throw new IllegalArgumentException("brute force handles at most " + BRUTE_FORCE_MAX_TYPES + " types, got " + n);
    }
    double[] v = coalitionWorths(worthByTypeSet, players);
    double[] weight = marginalWeights(n);
    Map<String, Double> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      double phi = 0;
      for (int s = 0; s < (1 << n); s++) {
        if ((s & bit) == 0) {
          phi += weight[Integer.bitCount(s)] * (v[s | bit] - v[s]);
        }
      }
      out.put(players.get(i), phi);
    }
    return out;
  }

  /** v(S) for every coalition bitmask S over {@code players}. */
  private static double[] coalitionWorths(Map<Set<String>, Double> worthByTypeSet, List<String> players) {
    double[] v = new double[1 << players.size()];
    worthByTypeSet.forEach((types, worth) -> {
      int mask = 0;
      for (String t : types) {
        mask |= 1 << players.indexOf(t);
      }
      for (int s = 0; s < v.length; s++) {
        if ((s & mask) == mask) {
          v[s] += worth;
        }
      }
    });
    return v;
  }

  /** |S|! (n - |S| - 1)! / n! indexed by |S|. */
  private static double[] marginalWeights(int n) {
    double[] w = new double[Math.max(n, 1)];
    for (int k = 0; k < n; k++) {
      w[k] = factorial(k) * factorial(n - k - 1) / factorial(n);
    }
    return w;
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }
}
