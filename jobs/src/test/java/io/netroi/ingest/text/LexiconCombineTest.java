package io.netroi.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hoisted-boundary combination must match exactly what the naive alternation matches. */
class LexiconCombineTest {
  @Test
  void topLevelAlternationIsDetectedOutsideGroupsAndClasses() {
    assertTrue(Lexicon.hasTopLevelAlternation("\\bfoo|bar"));
    assertFalse(Lexicon.hasTopLevelAlternation("\\b(?:foo|bar)"));
    assertFalse(Lexicon.hasTopLevelAlternation("\\bfoo[|]bar"));
    assertFalse(Lexicon.hasTopLevelAlternation("\\bfoo\\|bar"));
  }

  @Test
  void leadingLookbehindsLetTheBoundaryGoFirst() {
    assertEquals("\\b(?<!not )(?<=(?:a|b) )demo", Lexicon.boundaryFirst("(?<!not )(?<=(?:a|b) )\\bdemo"));
    assertEquals("(?<!x)demo", Lexicon.boundaryFirst("(?<!x)demo"));
  }

  @Test
  void aLineWithTopLevelAlternationIsNotHoisted() {
    Pattern p = Pattern.compile(Lexicon.combine(List.of("\\bcat|dog")));
    assertTrue(p.matcher("hotdog").find(), "'dog' has no boundary of its own and must still match inside a word");
  }

  /** Every released version (lexicons/README.md), not only the configured one. */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void optimisedAndNaivePatternsAgreeOnEveryLabelledText(String version) {
    List<String> texts = new ArrayList<>();
    for (String file : List.of("dev.csv", "holdout.csv")) {
      LabelledOpeners.read(file).forEach(o -> texts.add(Lexicon.plainText(o.text())));
    }
    // plus shifted copies, so every alternative is also tried mid-word and at odd offsets
    List<String> shifted = texts.stream().map(t -> "x" + t.replace(" ", "")).toList();
    texts.addAll(shifted);
    for (Lexicon.Category c : Lexicon.Category.values()) {
      List<String> lines = Lexicon.alternatives(version, c);
      Pattern fast = Pattern.compile(Lexicon.combine(lines));
      Pattern naive = Pattern.compile(Lexicon.combineNaive(lines));
      int hits = 0;
      for (String t : texts) {
        boolean expected = naive.matcher(t).find();
        assertEquals(expected, fast.matcher(t).find(), version + " " + c + ": <" + t + ">");
        hits += expected ? 1 : 0;
      }
      assertTrue(c == Lexicon.Category.SYSTEM || hits > 20, version + " " + c + " must have matches for the comparison to mean anything");
    }
  }
}
