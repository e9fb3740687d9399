package io.netroi.attribution.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ShapleyTest {
  private static final double EPS = 1e-9;

  /** {A}: 1 and {A, B}: 2. v({A}) = 1, v({B}) = 0, v({A,B}) = 3: A = (1 + 3)/2 = 2, B = (0 + 2)/2 = 1. */
  @Test
  void handExample() {
    Map<Set<String>, Double> game = Map.of(Set.of("A"), 1.0, Set.of("A", "B"), 2.0);
    Map<String, Double> phi = Shapley.values(game);
    assertEquals(2.0, phi.get("A"), EPS);
    assertEquals(1.0, phi.get("B"), EPS);
    assertEquals(phi, Shapley.bruteForce(game));
  }

  @Test
  void decompositionAgreesWithBruteForceOnRandomGames() {
    Random rnd = new Random(42);
    List<String> types = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
    for (int game = 0; game < 40; game++) {
      int n = 1 + rnd.nextInt(types.size());
      Map<Set<String>, Double> worths = new HashMap<>();
      int journeys = 1 + rnd.nextInt(15);
      for (int j = 0; j < journeys; j++) {
        Set<String> set = new TreeSet<>();
        int size = 1 + rnd.nextInt(n);
        for (int k = 0; k < size; k++) {
          set.add(types.get(rnd.nextInt(n)));
        }
        worths.merge(set, (double) (1 + rnd.nextInt(100)), Double::sum);
      }
      Map<String, Double> exact = Shapley.values(worths);
      Map<String, Double> brute = Shapley.bruteForce(worths);
      assertEquals(brute.keySet(), exact.keySet());
      for (Map.Entry<String, Double> e : brute.entrySet()) {
        assertEquals(e.getValue(), exact.get(e.getKey()), 1e-7, "game " + game + " type " + e.getKey());
      }
      double total = worths.values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(total, exact.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-7);
    }
  }

  @Test
  void manyTypesAreExactWithoutEnumeration() {
    Map<Set<String>, Double> worths = new HashMap<>();
    Set<String> all = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      all.add("t" + i);
    }
    worths.put(all, 40.0);
    worths.put(Set.of("t0"), 1.0);
    Map<String, Double> phi = Shapley.values(worths);
    assertEquals(2.0, phi.get("t0"), EPS);
    assertEquals(1.0, phi.get("t39"), EPS);
    assertThrows(IllegalArgumentException.class, () -> Shapley.bruteForce(worths));
  }

  @Test
  void emptyTypeSetWithWorthIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Shapley.values(Map.of(Set.of(), 1.0)));
  }
}
