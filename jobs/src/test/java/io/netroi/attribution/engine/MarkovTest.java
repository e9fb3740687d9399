package io.netroi.attribution.engine;

import static io.netroi.attribution.engine.Markov.CONVERSION;
import static io.netroi.attribution.engine.Markov.NULL;
import static io.netroi.attribution.engine.Markov.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.attribution.engine.Markov.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkovTest {
  private static final double EPS = 1e-12;

  /** The transitions of {@code count} journeys along {@code channels}, ending in {@code end}. */
  private static List<Transition> walk(double count, String end, String... channels) {
    List<Transition> out = new ArrayList<>();
    String from = START;
    for (String c : channels) {
      out.add(new Transition(from, c, count));
      from = c;
    }
    out.add(new Transition(from, end, count));
    return out;
  }

  private static List<Transition> all(List<List<Transition>> walks) {
    return walks.stream().flatMap(List::stream).toList();
  }

  /**
   * The classic three paths: C1 > C2 > C3 converting, C1 null, C2 > C3 null.
   * Counts: start->C1 2, start->C2 1, C1->C2 1, C1->null 1, C2->C3 2, C3->conv 1, C3->null 1.
   * P(C3) = 1/2; P(C2) = P(C3) = 1/2; P(C1) = 1/2 P(C2) = 1/4;
   * P(start) = 2/3 P(C1) + 1/3 P(C2) = 1/6 + 1/6 = 1/3.
   * Without C1 (start->C1 goes to null): P = 1/3 * 1/2 = 1/6, effect 1 - (1/6)/(1/3) = 1/2.
   * Without C2 or C3 nothing reaches conversion: P = 0, effect 1.
   * Shares: 0.5 / 2.5 = 0.2, 1 / 2.5 = 0.4, 0.4.
   */
  @Test
  void classicThreePathExample() {
    Markov.Result r = Markov.attribute(all(List.of(
        walk(1, CONVERSION, "C1", "C2", "C3"), walk(1, NULL, "C1"), walk(1, NULL, "C2", "C3"))));
    assertEquals(1.0 / 3, r.conversionProbability(), EPS);
    assertEquals(0.5, r.removalEffects().get("C1"), EPS);
    assertEquals(1.0, r.removalEffects().get("C2"), EPS);
    assertEquals(1.0, r.removalEffects().get("C3"), EPS);
    assertEquals(0.2, r.shares().get("C1"), EPS);
    assertEquals(0.4, r.shares().get("C2"), EPS);
    assertEquals(0.4, r.shares().get("C3"), EPS);
    assertEquals("", r.note());
  }

  /**
   * Self-loops: pychattr's README example (github.com/jmwoloso/pychattr, README "Markov Model"),
   * A > B > A > B > B > A, A > B > B > A > A, A > A, each converting once. Transitions as they occur:
   * from A: A->B 3, A->A 2, A->conv 3; from B: B->A 3, B->B 2. Nothing reaches null, so P = 1.
   * Without B: P(A) = 2/8 P(A) + 3/8, so P(A) = 1/2: effect of B = 1/2; without A: P = 0, effect 1.
   * Shares 2/3 and 1/3, i.e. 2 and 1 of the 3 conversions. (pychattr drops self-loops and simulates:
   * it prints removal effects 1.0 and 0.5067 and conversions 1.991 / 1.009; dropping self-loops
   * gives the same exact chain result here, 1 and 1/2.)
   */
  @Test
  void selfLoopsAsTheyOccur() {
    Markov.Result r = Markov.attribute(all(List.of(
        walk(1, CONVERSION, "A", "B", "A", "B", "B", "A"),
        walk(1, CONVERSION, "A", "B", "B", "A", "A"),
        walk(1, CONVERSION, "A", "A"))));
    assertEquals(1.0, r.conversionProbability(), EPS);
    assertEquals(1.0, r.removalEffects().get("A"), EPS);
    assertEquals(0.5, r.removalEffects().get("B"), EPS);
    assertEquals(2.0 / 3, r.shares().get("A"), EPS);
    assertEquals(1.0 / 3, r.shares().get("B"), EPS);
  }

  /** A > A converting and A null: P(A) = 1/3 P(A) + 1/3, so P(A) = 1/2; without A, P = 0. */
  @Test
  void selfLoopWithNull() {
    Markov.Result r = Markov.attribute(all(List.of(walk(1, CONVERSION, "A", "A"), walk(1, NULL, "A"))));
    assertEquals(0.5, r.conversionProbability(), EPS);
    assertEquals(1.0, r.removalEffects().get("A"), EPS);
    assertEquals(1.0, r.shares().get("A"), EPS);
  }

  /**
   * Weighted counts: 3 x (A > B converting), 1 x (A null), 2 x (B converting), 2 x (B null).
   * start->A 4, start->B 4; A->B 3, A->null 1; B->conv 5, B->null 2.
   * P(B) = 5/7; P(A) = 3/4 * 5/7 = 15/28; P = 1/2 (15/28 + 20/28) = 35/56 = 5/8.
   * Without A: P = 1/2 * 5/7 = 5/14, effect 1 - (5/14)/(5/8) = 1 - 8/14 = 3/7. Without B: effect 1.
   * Shares: (3/7)/(10/7) = 0.3 and 0.7.
   */
  @Test
  void weightedCounts() {
    Markov.Result r = Markov.attribute(all(List.of(walk(3, CONVERSION, "A", "B"), walk(1, NULL, "A"),
        walk(2, CONVERSION, "B"), walk(2, NULL, "B"))));
    assertEquals(5.0 / 8, r.conversionProbability(), EPS);
    assertEquals(3.0 / 7, r.removalEffects().get("A"), EPS);
    assertEquals(1.0, r.removalEffects().get("B"), EPS);
    assertEquals(0.3, r.shares().get("A"), EPS);
    assertEquals(0.7, r.shares().get("B"), EPS);
  }

  @Test
  void noConversionsGiveZeroEffectsAndSaySo() {
    Markov.Result r = Markov.attribute(all(List.of(walk(2, NULL, "A"), walk(1, NULL, "A", "B"))));
    assertEquals(0.0, r.conversionProbability(), EPS);
    assertEquals(0.0, r.removalEffects().get("A"), EPS);
    assertEquals(0.0, r.removalEffects().get("B"), EPS);
    assertEquals(0.0, r.shares().get("B"), EPS);
    assertTrue(r.note().contains("no conversions"), r.note());
  }

  @Test
  void closedLoopIsSingularWithAClearMessage() {
    List<Transition> loop = List.of(new Transition(START, "A", 1), new Transition("A", "B", 1),
        new Transition("B", "A", 1));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Markov.attribute(loop));
    assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("closed loop"), e.getMessage());
  }

  @Test
  void malformedTransitionsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> Markov.attribute(List.of(new Transition(CONVERSION, "A", 1))));
    assertThrows(IllegalArgumentException.class, () -> Markov.attribute(List.of(new Transition("A", START, 1))));
    assertThrows(IllegalArgumentException.class, () -> Markov.attribute(List.of(new Transition(START, "A", -1))));
  }
}
