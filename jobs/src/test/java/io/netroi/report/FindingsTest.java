package io.netroi.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class FindingsTest {
  @Test
  void holmStepsDownWithARunningMaximum() {
    // sorted 0.005 x4 = 0.02, 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 = 0.04 -> 0.06 (running maximum)
    assertArrayEquals(new Double[] {0.03, 0.06, 0.06, 0.02}, Findings.holm(new Double[] {0.01, 0.04, 0.03, 0.005}));
    // a missing p does not count in m; adjusted values are capped at 1
    assertArrayEquals(new Double[] {null, 1.0, 1.0}, Findings.holm(new Double[] {null, 0.7, 0.6}));
  }

  static Findings.Comparison comparison(String id, long n1, long k1, long n2, long k2, Double p) {
    return new Findings.Comparison(id, "Q?", "relationship-first openers", "pitch-first openers", "reply rate", n1, k1,
        n2, k2, 0.2, 0.5, p);
  }

  @Test
  void sentencesGiveSizesIntervalsAndTheHolmVerdictAndNeverClaimCause() {
    List<Map<String, Object>> f = Findings.of(List.of(comparison("a", 100, 50, 120, 12, 0.001),
        comparison("b", 100, 30, 100, 25, 0.3), comparison("c", 3, 1, 100, 25, 0.01)), 5);
    Map<String, Object> a = f.get(0);
    assertEquals(0.002, (Double) a.get("p_holm"), 1e-12, "two measurable comparisons");
    assertEquals(Boolean.TRUE, a.get("significant"));
    String s = (String) a.get("sentence");
    Assertions.assertTrue(s.contains("50% of 100 vs 10% of 120") && s.contains("+40.0 points")
        && s.contains("+20.0 to +50.0") && s.contains("associated with") && s.contains("adjusted p = 0.002"), s);
    Assertions.assertFalse(s.contains("caused by") || s.contains("causes"), s);
    assertEquals(0.3, (Double) f.get(1).get("p_holm"), 1e-12);
    Assertions.assertTrue(((String) f.get(1).get("sentence")).contains("not statistically clear"));
    assertEquals(Boolean.FALSE, f.get(2).get("measurable"), "a group under k is not compared");
    Assertions.assertTrue(((String) f.get(2).get("sentence")).startsWith("Not enough data"));
  }
}
