package io.netroi.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap of a pooled rate over clusters (docs/relationships.md "Scopes": team and org
 * rates resample the scope's members with replacement). Each replicate draws as many clusters as
 * there are, with replacement, from a seeded {@link SplittableRandom}; its rate is sum(successes) /
 * sum(trials). The interval is the 2.5th and 97.5th percentile of the replicate rates (commons-math3
 * {@link Percentile}, estimation type R-7: linear interpolation between order statistics, R's and
 * numpy's default). A replicate whose drawn clusters have no trials has no rate and is left out.
 */
public final class ClusterBootstrap {
  /** The lower and upper percentile of a two-sided 95% interval. */
  public static final double LOW_PERCENT = 2.5;
  public static final double HIGH_PERCENT = 97.5;

  private ClusterBootstrap() {}

  /**
   * Percentile bootstrap over clusters (members): resample clusters with replacement B times with a
   * seeded java.util.SplittableRandom, pooled rate = sum(successes)/sum(trials); returns {low, high}
   * at 2.5/97.5 percent; {NaN, NaN} when total trials are 0. Deterministic for a seed.
   */
  public static double[] interval(long[] successes, long[] trials, int replicates, long seed) {
    check(successes, trials, replicates);
    if (Arrays.stream(trials).sum() == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return percentiles(replicate(trials.length, replicates, seed, drawn -> pooled(successes, trials, drawn)));
  }

  /** A statistic of one resample: {@code drawn} holds the index of each drawn cluster; NaN when undefined. */
  interface Statistic {
    double of(int[] drawn);
  }

  /**
   * The statistic of each of B resamples of the clusters with replacement (a seeded
   * SplittableRandom draws the clusters of each replicate in turn), undefined ones left out.
   */
  static double[] replicate(int clusters, int replicates, long seed, Statistic statistic) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[replicates];
    int[] drawn = new int[clusters];
    int defined = 0;
    for (int b = 0; b < replicates; b++) {
      for (int i = 0; i < clusters; i++) {
        drawn[i] = random.nextInt(clusters);
      }
      double v = statistic.of(drawn);
      if (!Double.isNaN(v)) {
        values[defined++] = v;
      }
    }
    return Arrays.copyOf(values, defined);
  }

  /** sum(successes) / sum(trials) over the drawn clusters; NaN without trials. */
  static double pooled(long[] successes, long[] trials, int[] drawn) {
    long k = 0;
    long n = 0;
    for (int i : drawn) {
      k += successes[i];
      n += trials[i];
    }
    return n > 0 ? (double) k / n : Double.NaN;
  }

  /** The 2.5th and 97.5th percentile (commons-math3, R-7). */
  static double[] percentiles(double[] values) {
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(values);
    return new double[] {percentile.evaluate(LOW_PERCENT), percentile.evaluate(HIGH_PERCENT)};
  }

  /** A bootstrap difference of two pooled rates: percentile interval and two-sided p-value. */
  public record Difference(double low, double high, double p) {}

  /**
   * Percentile bootstrap of rate1 - rate2 over clusters that can contribute to both rates (cluster i
   * has k1[i]/n1[i] and k2[i]/n2[i]): each replicate resamples the clusters once, with replacement,
   * and computes both pooled rates from the same draw, so the clusters' correlation between the two
   * groups is kept. p = min(1, 2 x min(share of replicates with a difference <= 0, share >= 0)).
   * Replicates where either rate has no trials are left out; all NaN when none is left.
   */
  public static Difference difference(long[] k1, long[] n1, long[] k2, long[] n2, int replicates, long seed) {
    check(k1, n1, replicates);
    check(k2, n2, replicates);
    if (k1.length != k2.length) {
      throw new IllegalArgumentException("both rates need the same clusters: " + k1.length + " vs " + k2.length);
    }
    double[] d = replicate(k1.length, replicates, seed, drawn -> pooled(k1, n1, drawn) - pooled(k2, n2, drawn));
    if (d.length == 0) {
      return new Difference(Double.NaN, Double.NaN, Double.NaN);
    }
    double[] bounds = percentiles(d);
    long atMost = Arrays.stream(d).filter(x -> x <= 0).count();
    long atLeast = Arrays.stream(d).filter(x -> x >= 0).count();
    double p = Math.min(1.0, 2.0 * Math.min(atMost, atLeast) / d.length);
    return new Difference(bounds[0], bounds[1], p);
  }

  /** Same-length arrays, 0 <= successes <= trials, at least one replicate. */
  private static void check(long[] successes, long[] trials, int replicates) {
    if (successes.length != trials.length) {
      throw new IllegalArgumentException("successes and trials differ in length: " + successes.length + " vs " + trials.length);
    }
    if (replicates < 1) {
      throw new IllegalArgumentException("need at least one replicate, got " + replicates);
    }
    for (int i = 0; i < trials.length; i++) {
      if (successes[i] < 0 || successes[i] > trials[i]) {
        throw new IllegalArgumentException("cluster " + i + ": need 0 <= successes <= trials, got " + successes[i] + "/" + trials[i]);
      }
    }
  }
}
