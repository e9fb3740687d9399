package io.netroi.stats;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Difference of two independent proportions d = p1 - p2 with Newcombe's hybrid score interval
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", method
 * 10), built from the two Wilson intervals [l1, u1] and [l2, u2]:
 * low = d - sqrt((p1 - l1)² + (u2 - p2)²), high = d + sqrt((u1 - p1)² + (p2 - l2)²).
 * No difference (null) when either proportion has no trials.
 */
public final class Newcombe {
  private Newcombe() {}

  /** {d, low, high} for k1/n1 minus k2/n2, or null when n1 or n2 is 0. */
  public static double[] difference(long k1, long n1, long k2, long n2, double z) {
    double[] w1 = Wilson.interval(k1, n1, z);
    double[] w2 = Wilson.interval(k2, n2, z);
    if (w1 == null || w2 == null) {
      return null;
    }
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    double d = p1 - p2;
    return new double[] {d, d - Math.hypot(p1 - w1[0], w2[1] - p2), d + Math.hypot(w1[1] - p1, p2 - w2[0])};
  }

  /** Spark: d = k1/n1 - k2/n2 (null when either trials column is 0 or null). */
  public static Column estimate(Column k1, Column n1, Column k2, Column n2) {
    return when(n1.gt(0).and(n2.gt(0)), rate(k1, n1).minus(rate(k2, n2)));
  }

  /** Spark: the lower bound, native expression (null when either trials column is 0 or null). */
  public static Column low(Column k1, Column n1, Column k2, Column n2, double z) {
    Column below1 = rate(k1, n1).minus(Wilson.low(k1, n1, z));
    Column above2 = Wilson.high(k2, n2, z).minus(rate(k2, n2));
    return estimate(k1, n1, k2, n2).minus(norm(below1, above2));
  }

  /** Spark: the upper bound, native expression (null when either trials column is 0 or null). */
  public static Column high(Column k1, Column n1, Column k2, Column n2, double z) {
    Column above1 = Wilson.high(k1, n1, z).minus(rate(k1, n1));
    Column below2 = rate(k2, n2).minus(Wilson.low(k2, n2, z));
    return estimate(k1, n1, k2, n2).plus(norm(above1, below2));
  }

  private static Column rate(Column k, Column n) {
    return k.cast("double").divide(n.cast("double"));
  }

  private static Column norm(Column a, Column b) {
    return sqrt(pow(a, lit(2.0)).plus(pow(b, lit(2.0))));
  }
}
