package io.netroi.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    assertEquals("founder of", of("\\bi(?:['’]m| am) (?:the )?(?:co-?)?founder of\\b"),
        "literals shorter than three characters are left out beside longer ones");
    assertEquals("((we're | we are) & (agency | firm))", of("\\b(?:we're|we are) (?:a|an) (?:agency|firm)\\b"),
        "a sequence requires each of its groups");
    assertEquals("((show | walk) &  you  & (how | what))", of("\\b(?:show|walk) you (?:how|what)\\b"));
    assertEquals("colo", of("colou?r"), "an optional character ends the literal");
    assertEquals("(abc | fgh | ijk)", of("abc|de(?:fgh|ijk)"), "alternation: any branch");
    assertEquals("great", of("(?<!not )\\bgreat\\b(?! deal)"), "lookarounds require nothing");
    assertEquals("ab", of("(?:ab)+c"), "when every part is short, the best of them");
    assertEquals("meet", of("(?:please )?meet(?:ing)?\\b"));
    assertEquals("a.b", of("a\\.b"), "an escaped character is a literal");
    assertEquals("(<> | ⇄↔)", of("[^\\s,] ?(?:<>|⇄↔) ?[^\\s,]"));
    assertNull(of("[^\\s,] ?(?:<>|x) ?[^\\s,]"), "a condition one letter meets rules out nothing");
    assertNull(of("[^\\s,] ?(?:<>|,) ?[^\\s,]"), "nor does one of prose punctuation");
    assertEquals("(<> | ↔)", of("[^\\s,] ?(?:<>|↔) ?[^\\s,]"), "a lone symbol is as rare as a longer literal");
  }

  @Test
  void aConditionHoldsOnlyWhenItsLiteralsArePresent() {
    Requirement r = RequiredLiterals.of("\\b(?:show|walk) you (?:how|what)\\b");
    assertTrue(r.holds(Set.of("walk", " you ", "what")::contains));
    assertFalse(r.holds(Set.of("walk", " you ")::contains), "one required group missing");
    assertFalse(r.holds(Set.of(" you ", "how")::contains));
  }

  private static String of(String regex) {
    Requirement r = RequiredLiterals.of(regex);
    return r == null ? null : r.toString();
  }

  @Test
  void nothingIsRequiredWhereABranchRequiresNothing() {
    assertNull(of("abc|\\w+"));
    assertNull(of("(?:abc)?\\d{2,}"));
    assertEquals("xyz", of("xyz(?:|y)"), "a group with an empty branch requires nothing");
  }

  /**
   * Soundness on the real lexicons: wherever a line finds a match in an evaluation text, the
   * matched text satisfies the line's condition (else the prefilter would hide a cue).
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
          Requirement required = RequiredLiterals.of(line);
          Pattern p = Pattern.compile(line, Pattern.CASE_INSENSITIVE);
          for (String t : texts) {
            Matcher m = p.matcher(t);
            if (m.find()) {
              matches++;
              String found = m.group();
              assertTrue(required == null || required.holds(found::contains),
                  version + "/" + c + ": '" + found + "' does not satisfy " + required + " for " + line);
            }
          }
        }
      }
    }
    assertTrue(matches > 100, "the check saw " + matches + " matches");
  }
}
