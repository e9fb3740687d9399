package io.netroi.ingest.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A necessary condition for a lexicon regex to match: a set of literal strings of which the text
 * must contain at least one ({@link #of}). A cheap {@code String.contains} on them rules out almost
 * every message before the regex runs, which is what makes the cue lexicons affordable at 10M
 * messages. Sound by construction: only parts every match must contain are used. Optional parts,
 * lookarounds, character classes and escapes like {@code \w} end a literal; a group that is not
 * optional gives the union of what its branches require; a top-level alternation likewise.
 * Works on the lexicon dialect: lower-case patterns matched against lower-case text.
 */
final class RequiredLiterals {
  /** A requirement whose shortest literal is shorter than this rules out too little to be worth testing. */
  static final int MIN_LENGTH = 1;

  private RequiredLiterals() {}

  /** Literals one of which every match of {@code regex} contains, or null when none is known. */
  static Set<String> of(String regex) {
    Set<String> s = alternation(regex, 0, regex.length());
    return s == null || score(s) < MIN_LENGTH ? null : s;
  }

  private static Set<String> alternation(String re, int from, int to) {
    List<int[]> branches = branches(re, from, to);
    Set<String> union = new LinkedHashSet<>();
    for (int[] b : branches) {
      Set<String> s = sequence(re, b[0], b[1]);
      if (s == null) {
        return null;
      }
      union.addAll(s);
    }
    return union;
  }

  /** The best requirement of one branch: the candidate whose shortest literal is longest. */
  private static Set<String> sequence(String re, int from, int to) {
    List<Set<String>> candidates = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = from;
    while (i < to) {
      char c = re.charAt(i);
      int atomEnd;
      Set<String> group = null;
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
          flush(run, candidates);
        }
      } else {
        flush(run, candidates);
        if (group != null && !optional) {
          candidates.add(group);
        }
      }
      i = quantEnd;
    }
    flush(run, candidates);
    Set<String> best = null;
    for (Set<String> s : candidates) {
      if (score(s) > 0 && (best == null || score(s) > score(best))) {
        best = s;
      }
    }
    return best;
  }

  private static int score(Set<String> s) {
    return s.isEmpty() ? 0 : s.stream().mapToInt(String::length).min().getAsInt();
  }

  private static void flush(StringBuilder run, List<Set<String>> candidates) {
    if (run.length() > 0) {
      candidates.add(Set.of(run.toString()));
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
