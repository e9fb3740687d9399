package io.netroi.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Wilson score interval for a binomial proportion (design.md "Statistics": every rate carries a
 * Wilson 95% interval). With n trials, k successes, p = k/n and z the two-sided normal quantile:
 * centre = (p + z²/2n) / (1 + z²/n), half-width = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
 * No interval (null) when n = 0.
 */
public final class Wilson {
  /** z for a two-sided 95% interval, from commons-math3 (1.959964...). */
  public static final double Z95 = z(0.95);

  private Wilson() {}

  /** The two-sided normal quantile for a confidence level. */
  public static double z(double confidence) {
    return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** [low, high] for k successes in n trials, or null when n is 0. */
  public static double[] interval(long k, long n, double z) {
    if (n < 0 || k < 0 || k > n) {
      throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
    }
    if (n == 0) {
      return null;
    }
    double p = (double) k / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // the interval always holds p; clamping to it removes rounding at the edges (0/n must give 0, n/n 1)
    return new double[] {Math.max(0, Math.min(p, centre - half)), Math.min(1, Math.max(p, centre + half))};
  }

  /**
   * Spark: adds {@code name} = successes / trials (null without trials) with its 95% bounds
   * {@code name_low} and {@code name_high}, from two count columns.
   */
  public static Dataset<Row> withRate(Dataset<Row> df, String name, String successes, String trials) {
    Column k = col(successes);
    Column n = col(trials);
    return df.withColumn(name, when(n.gt(0), k.cast("double").divide(n.cast("double"))))
        .withColumn(name + "_low", low(k, n, Z95))
        .withColumn(name + "_high", high(k, n, Z95));
  }

  /** Spark: the lower bound, native expression (null when trials is 0). */
  public static Column low(Column successes, Column trials, double z) {
    return bound(successes, trials, z, -1);
  }

  /** Spark: the upper bound, native expression (null when trials is 0). */
  public static Column high(Column successes, Column trials, double z) {
    return bound(successes, trials, z, +1);
  }

  private static Column bound(Column k, Column n, double z, int sign) {
    Column nd = n.cast("double");
    Column p = k.cast("double").divide(nd);
    double z2 = z * z;
    Column denominator = lit(1.0).plus(lit(z2).divide(nd));
    Column centre = p.plus(lit(z2 / 2.0).divide(nd)).divide(denominator);
    Column half = lit(z).multiply(sqrt(p.multiply(lit(1.0).minus(p)).divide(nd)
        .plus(lit(z2 / 4.0).divide(nd.multiply(nd))))).divide(denominator);
    Column value = sign < 0 ? greatest(lit(0.0), least(p, centre.minus(half))) : least(lit(1.0), greatest(p, centre.plus(half)));
    return when(n.gt(0), value);
  }
}
