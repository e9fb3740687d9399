package io.netroi.stats;

import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ClusterBootstrapTest {
  private static final int B = 1000;
  private static final long SEED = 20261122L;

  @Test
  void deterministicForASeed() {
    long[] k = {0, 6, 1, 9, 3};
    long[] n = {10, 10, 5, 12, 8};
    Assertions.assertArrayEquals(ClusterBootstrap.interval(k, n, B, SEED), ClusterBootstrap.interval(k, n, B, SEED));
    Assertions.assertFalse(Arrays.equals(ClusterBootstrap.interval(k, n, B, SEED), ClusterBootstrap.interval(k, n, B, SEED + 1)),
        "another seed draws other replicates");
  }

  @Test
  void aSingleClusterGivesItsOwnRate() {
    double[] b = ClusterBootstrap.interval(new long[] {3}, new long[] {10}, B, SEED);
    Assertions.assertEquals(0.3, b[0], 1e-15);
    Assertions.assertEquals(0.3, b[1], 1e-15);
  }

  @Test
  void identicalClustersAreNarrowHeterogeneousOnesWide() {
    long[] n = new long[10];
    Arrays.fill(n, 10);
    long[] same = new long[10];
    Arrays.fill(same, 3);
    long[] mixed = {0, 6, 0, 6, 0, 6, 0, 6, 0, 6};
    double[] narrow = ClusterBootstrap.interval(same, n, B, SEED);
    double[] wide = ClusterBootstrap.interval(mixed, n, B, SEED);
    Assertions.assertEquals(0.0, narrow[1] - narrow[0], 1e-12, "identical clusters: every replicate is 0.3");
    Assertions.assertTrue(wide[0] < 0.3 && wide[1] > 0.3, Arrays.toString(wide));
    Assertions.assertTrue(wide[1] - wide[0] > 0.2, "heterogeneous clusters: " + Arrays.toString(wide));
  }

  /** Many equal-size clusters: close to the normal approximation p ± z·sd(cluster rates)/√m. */
  @Test
  void closeToTheNormalApproximationForManyClusters() {
    int m = 60;
    long[] k = new long[m];
    long[] n = new long[m];
    for (int i = 0; i < m; i++) {
      k[i] = i % 9;
      n[i] = 10;
    }
    double mean = Arrays.stream(k).average().orElseThrow() / 10;
    double var = Arrays.stream(k).mapToDouble(x -> Math.pow(x / 10.0 - mean, 2)).sum() / m;
    double half = Wilson.Z95 * Math.sqrt(var / m);
    double[] b = ClusterBootstrap.interval(k, n, 4000, SEED);
    Assertions.assertEquals(mean - half, b[0], 0.01, Arrays.toString(b));
    Assertions.assertEquals(mean + half, b[1], 0.01, Arrays.toString(b));
  }

  @Test
  void noTrialsNoInterval() {
    double[] none = ClusterBootstrap.interval(new long[] {0, 0}, new long[] {0, 0}, B, SEED);
    Assertions.assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
    double[] empty = ClusterBootstrap.interval(new long[0], new long[0], B, SEED);
    Assertions.assertTrue(Double.isNaN(empty[0]) && Double.isNaN(empty[1]));
  }

  @Test
  void replicatesWithoutTrialsAreLeftOut() {
    double[] b = ClusterBootstrap.interval(new long[] {1, 0}, new long[] {2, 0}, B, SEED);
    Assertions.assertArrayEquals(new double[] {0.5, 0.5}, b, 1e-15);
  }

  @Test
  void rejectsInconsistentCounts() {
    Assertions.assertThrows(IllegalArgumentException.class,
        () -> ClusterBootstrap.interval(new long[] {3}, new long[] {2}, B, SEED));
    Assertions.assertThrows(IllegalArgumentException.class,
        () -> ClusterBootstrap.interval(new long[] {1, 1}, new long[] {2}, B, SEED));
    Assertions.assertThrows(IllegalArgumentException.class,
        () -> ClusterBootstrap.interval(new long[] {1}, new long[] {2}, 0, SEED));
  }

  @Test
  void aDifferenceOfEqualGroupsIsZeroWithPOne() {
    long[] k = {0, 6, 1, 9, 3};
    long[] n = {10, 10, 5, 12, 8};
    ClusterBootstrap.Difference d = ClusterBootstrap.difference(k, n, k, n, B, SEED);
    Assertions.assertEquals(new ClusterBootstrap.Difference(0, 0, 1), d);
  }

  @Test
  void aClearDifferenceHasAnIntervalAboveZeroAndPZero() {
    // every member answers 8 of 10 relationship-first openers and 1 of 10 pitches
    long[] n = new long[12];
    Arrays.fill(n, 10);
    long[] high = new long[12];
    Arrays.fill(high, 8);
    long[] low = new long[12];
    Arrays.fill(low, 1);
    ClusterBootstrap.Difference d = ClusterBootstrap.difference(high, n, low, n, B, SEED);
    Assertions.assertEquals(0.7, d.low(), 1e-12);
    Assertions.assertEquals(0.7, d.high(), 1e-12);
    Assertions.assertEquals(0.0, d.p());
  }

  @Test
  void membersDrivingBothGroupsKeepTheirPairing() {
    // members are either chatty (both rates high) or quiet (both low): pairing makes the difference
    // (always +0.1 within a member) far tighter than either rate's own interval
    long[] n = new long[10];
    Arrays.fill(n, 10);
    long[] a = {9, 2, 9, 2, 9, 2, 9, 2, 9, 2};
    long[] b = {8, 1, 8, 1, 8, 1, 8, 1, 8, 1};
    ClusterBootstrap.Difference d = ClusterBootstrap.difference(a, n, b, n, B, SEED);
    double[] own = ClusterBootstrap.interval(a, n, B, SEED);
    Assertions.assertEquals(0.1, d.low(), 1e-9);
    Assertions.assertEquals(0.1, d.high(), 1e-9);
    Assertions.assertTrue(own[1] - own[0] > 0.3, Arrays.toString(own));
    Assertions.assertEquals(0.0, d.p());
  }

  @Test
  void aGroupWithoutTrialsGivesNoDifference() {
    ClusterBootstrap.Difference d = ClusterBootstrap.difference(new long[] {1}, new long[] {2}, new long[] {0},
        new long[] {0}, B, SEED);
    Assertions.assertTrue(Double.isNaN(d.low()) && Double.isNaN(d.high()) && Double.isNaN(d.p()));
  }
}
