package io.netroi.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.ingest.text.Lexicon.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
  @Test
  void literalsEveryMatchMustContain() {
    assertEquals(Set.of("founder of"), RequiredLiterals.of("\\bi(?:['’]m| am) (?:the )?(?:co-?)?founder of\\b"));
    assertEquals(Set.of("we're", "we are"), RequiredLiterals.of("\\b(?:we're|we are) (?:a|an) (?:agency|firm)\\b"),
        "the group whose shortest literal is longest");
    assertEquals(Set.of("colo"), RequiredLiterals.of("colou?r"), "an optional character ends the literal");
    assertEquals(Set.of("abc", "fgh", "ijk"), RequiredLiterals.of("abc|de(?:fgh|ijk)"), "alternation: the union");
    assertEquals(Set.of("great"), RequiredLiterals.of("(?<!not )\\bgreat\\b(?! deal)"), "lookarounds require nothing");
    assertEquals(Set.of("ab"), RequiredLiterals.of("(?:ab)+c"));
    assertEquals(Set.of("meet"), RequiredLiterals.of("(?:please )?meet(?:ing)?\\b"));
    assertEquals(Set.of("a.b"), RequiredLiterals.of("a\\.b"), "an escaped character is a literal");
    assertEquals(Set.of("<>", "↔"), RequiredLiterals.of("[^\\s,] ?(?:<>|↔) ?[^\\s,]"));
  }

  @Test
  void nothingIsRequiredWhereABranchRequiresNothing() {
    assertNull(RequiredLiterals.of("abc|\\w+"));
    assertNull(RequiredLiterals.of("(?:abc)?\\d{2,}"));
    assertEquals(Set.of("x"), RequiredLiterals.of("x(?:|y)"), "a group with an empty branch requires nothing");
  }

  /**
   * Soundness on the real lexicons: wherever a line finds a match in an evaluation text, the text
   * contains one of the line's literals (else the prefilter would hide a cue).
   */
  @Test
  void everyMatchOfEveryLexiconLineContainsOneOfItsLiterals() {
    List<String> texts = new ArrayList<>();
    for (String file : List.of("dev.csv", "holdout.csv")) {
      LabelledOpeners.read(file).forEach(o -> texts.add(Lexicon.plainText(o.text())));
    }
    int matches = 0;
    for (String version : List.of("v1", "v2")) {
      for (Category c : Category.values()) {
        for (String line : Lexicon.alternatives(version, c)) {
          Set<String> literals = RequiredLiterals.of(line);
          Pattern p = Pattern.compile(line, Pattern.CASE_INSENSITIVE);
          for (String t : texts) {
            Matcher m = p.matcher(t);
            if (m.find()) {
              matches++;
              String found = m.group();
              assertTrue(literals == null || literals.stream().anyMatch(found::contains),
                  version + "/" + c + ": '" + found + "' holds none of " + literals + " for " + line);
            }
          }
        }
      }
    }
    assertTrue(matches > 100, "the check saw " + matches + " matches");
  }
}
