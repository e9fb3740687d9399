package io.netroi.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  @Test
  void cellsUnderKAreSuppressed() {
    assertArrayEquals(new int[] {1, 3}, Suppression.suppressedIndices(new long[] {12, 3, 40, 4}, 5));
    Assertions.assertTrue(Suppression.shown(5, 5));
    Assertions.assertFalse(Suppression.shown(4, 5));
  }

  @Test
  void aLoneSuppressedCellTakesTheSmallestShownCellWithIt() {
    // with the total shown, 40 + 12 + x = total would give the 3 away: 12 goes too
    assertArrayEquals(new int[] {1, 2}, Suppression.suppressedIndices(new long[] {40, 3, 12, 30}, 5));
    // ties: the first smallest
    assertArrayEquals(new int[] {0, 2}, Suppression.suppressedIndices(new long[] {7, 7, 2}, 5));
  }

  @Test
  void zerosAndGroupsWithoutSmallCellsAreLeftAlone() {
    assertArrayEquals(new int[] {}, Suppression.suppressedIndices(new long[] {0, 9, 5}, 5));
    assertArrayEquals(new int[] {0}, Suppression.suppressedIndices(new long[] {2, 0}, 5),
        "nothing else to hide the cell behind");
  }
}
