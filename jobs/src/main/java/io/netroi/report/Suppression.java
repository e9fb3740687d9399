package io.netroi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small-cell suppression (design.md "Identity and privacy"; docs/report.md "Privacy"): a cell
 * computed from fewer than k relationships is not shown, and when a group of cells is shown with
 * its total, a single suppressed cell would follow from the others, so the next smallest cell of
 * the group is suppressed with it (complementary suppression).
 */
public final class Suppression {
  private Suppression() {}

  /** A cell is shown when its base (the relationships it is computed from) is at least k. */
  public static boolean shown(long base, int k) {
    return base >= k;
  }

  /**
   * Which cells of one group to suppress, given each cell's base: every cell under k, and when that
   * leaves exactly one suppressed cell while others are shown, the smallest shown cell too (ties by
   * position), so the total minus the shown cells never reveals a suppressed one.
   */
  public static boolean[] suppressed(long[] bases, int k) {
    boolean[] out = new boolean[bases.length];
    List<Integer> shown = new ArrayList<>();
    int hidden = 0;
    for (int i = 0; i < bases.length; i++) {
      out[i] = bases[i] < k && bases[i] > 0;
      if (out[i]) {
        hidden++;
      } else if (bases[i] > 0) {
        shown.add(i);
      }
    }
    if (hidden == 1 && !shown.isEmpty()) {
      int smallest = shown.stream().min(Comparator.comparingLong((Integer i) -> bases[i]).thenComparing(i -> i))
          .orElseThrow();
      out[smallest] = true;
    }
    return out;
  }

  /** The indices of the cells of {@link #suppressed}, for messages and tests. */
  public static int[] suppressedIndices(long[] bases, int k) {
    boolean[] s = suppressed(bases, k);
    return IntStream.range(0, s.length).filter(i -> s[i]).toArray();
  }
}
