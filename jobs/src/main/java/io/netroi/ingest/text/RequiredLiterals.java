package io.netroi.ingest.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A necessary condition for a lexicon regex to match ({@link #of}), as a {@link Requirement} over
 * the literal strings the text contains: a cheap literal scan rules out almost every message
 * before the regex runs, which is what makes the cue lexicons affordable at 10M messages. Sound
 * by construction: only parts every match must contain are used. Optional parts, lookarounds,
 * character classes and escapes like {@code \w} end a literal; the literals and groups of a
 * sequence are all required; a group that is not optional requires one of its branches, and so
 * does a top-level alternation. Works on the lexicon dialect: lower-case patterns matched against
 * lower-case text.
 */
final class RequiredLiterals {
  /** Literals shorter than this occur in most texts: a condition on them rules out too little. */
  static final int MIN_LENGTH = 3;
  /** A condition a text meets with one character rules out nothing worth a scan. */
  static final int MIN_USEFUL = 2;
  /** What prose is written with besides letters, digits and white space: not rare in any text. */
  private static final String PROSE_PUNCTUATION = ".,;:!?'\"()-’‘“”";

  private RequiredLiterals() {}

  /** What every match of {@code regex} contains, or null when nothing useful is known. */
  static Requirement of(String regex) {
    Requirement r = alternation(regex, 0, regex.length());
    return r == null || score(r) < MIN_USEFUL ? null : r;
  }

  private static Requirement alternation(String re, int from, int to) {
    List<Requirement> branches = new ArrayList<>();
    for (int[] b : branches(re, from, to)) {
      Requirement r = sequence(re, b[0], b[1]);
      if (r == null) {
        return null;
      }
      branches.add(r);
    }
    return Requirement.anyOf(branches);
  }

  /** Everything one branch requires: its literal runs and its required groups. */
  private static Requirement sequence(String re, int from, int to) {
    List<Requirement> required = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = from;
    while (i < to) {
      char c = re.charAt(i);
      int atomEnd;
      Requirement group = null;
      boolean literal = false;
      char lit = 0;
      if (c == '\\') {
        char e = re.charAt(i + 1);
        atomEnd = i + 2;
        if (e == 'p' || e == 'P') {
          atomEnd = re.indexOf('}', i) + 1;
        } else if (!Character.isLetterOrDigit(e)) {
          literal = true;
          lit = e;
        }
      } else if (c == '[') {
        atomEnd = RegexSyntax.classEnd(re, i) + 1;
      } else if (c == '(') {
        int close = RegexSyntax.groupEnd(re, i);
        atomEnd = close + 1;
        boolean lookaround = re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i)
            || re.startsWith("(?<!", i);
        if (!lookaround) {
          int inner = re.startsWith("(?:", i) ? i + 3 : re.startsWith("(?", i) ? -1 : i + 1;
          group = inner < 0 ? null : alternation(re, inner, close);
        }
      } else if (c == '.' || c == '^' || c == '$') {
        atomEnd = i + 1;
      } else {
        atomEnd = i + 1;
        literal = true;
        lit = c;
      }
      int quantEnd = quantifierEnd(re, atomEnd, to);
      boolean optional = quantEnd > atomEnd && optional(re.substring(atomEnd, quantEnd));
      boolean repeated = quantEnd > atomEnd && !optional;
      if (literal && !optional) {
        run.append(lit);
        if (repeated) {
          flush(run, required);
        }
      } else {
        flush(run, required);
        if (group != null && !optional) {
          required.add(group);
        }
      }
      i = quantEnd;
    }
    flush(run, required);
    return Requirement.allOf(worthTesting(required));
  }

  /**
   * The parts whose literals are long enough to be rare ({@link #MIN_LENGTH}); when none is, the
   * single best part. Leaving a part out only weakens the condition, so it stays sound.
   */
  private static List<Requirement> worthTesting(List<Requirement> parts) {
    List<Requirement> selective = parts.stream().filter(p -> score(p) >= MIN_LENGTH).toList();
    if (!selective.isEmpty() || parts.isEmpty()) {
      return selective;
    }
    return List.of(parts.stream().max(Comparator.comparingInt(RequiredLiterals::score)).orElseThrow());
  }

  /**
   * How selective a condition is: the length of the shortest literal a text may get by with, where
   * a lone symbol (a character that is no letter, digit, white space or prose punctuation, such as
   * {@code ↔} or {@code £}) counts as {@link #MIN_LENGTH}: it is as rare in messages as a longer
   * literal, while a lone letter is in almost every text.
   */
  static int score(Requirement r) {
    if (r instanceof Requirement.Literal l) {
      return l.text().length() == 1 && isSymbol(l.text().charAt(0)) ? MIN_LENGTH : l.text().length();
    }
    IntStream parts = (r instanceof Requirement.AllOf a ? a.parts() : ((Requirement.AnyOf) r).parts())
        .stream().mapToInt(RequiredLiterals::score);
    return (r instanceof Requirement.AllOf ? parts.max() : parts.min()).orElse(0);
  }

  static boolean isSymbol(char c) {
    return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && PROSE_PUNCTUATION.indexOf(c) < 0;
  }

  private static void flush(StringBuilder run, List<Requirement> required) {
    if (run.length() > 0) {
      required.add(new Requirement.Literal(run.toString()));
      run.setLength(0);
    }
  }

  /** {@code ?}, {@code *} and {@code {0,n}} (lazy or possessive) make the atom optional. */
  private static boolean optional(String quantifier) {
    return quantifier.startsWith("?") || quantifier.startsWith("*") || quantifier.startsWith("{0");
  }

  private static int quantifierEnd(String re, int at, int to) {
    if (at >= to) {
      return at;
    }
    char q = re.charAt(at);
    int end;
    if (q == '?' || q == '*' || q == '+') {
      end = at + 1;
    } else if (q == '{') {
      end = re.indexOf('}', at) + 1;
    } else {
      return at;
    }
    if (end < to && (re.charAt(end) == '?' || re.charAt(end) == '+')) {
      end++; // lazy or possessive
    }
    return end;
  }

  /** Top-level branches of [from, to) split at {@code |}. */
  private static List<int[]> branches(String re, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int start = from;
    int bar;
    while ((bar = RegexSyntax.scan(re, start, to, (c, depth) -> c == '|' && depth == 0)) >= 0) {
      out.add(new int[] {start, bar});
      start = bar + 1;
    }
    out.add(new int[] {start, to});
    return out;
  }
}
