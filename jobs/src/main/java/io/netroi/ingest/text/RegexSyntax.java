package io.netroi.ingest.text;

import java.util.function.BiPredicate;

/** Walking a lexicon regex by its structure: escapes, character classes and group depth. */
final class RegexSyntax {
  private RegexSyntax() {}

  /**
   * Walks [from, to), skipping escapes and character classes and tracking group depth (updated
   * before the test); the first index where {@code stop} holds, or -1.
   */
  static int scan(String regex, int from, int to, BiPredicate<Character, Integer> stop) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '[') {
        i = classEnd(regex, i);
        continue;
      }
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (stop.test(c, depth)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the parenthesis closing the group opened at {@code open}. */
  static int groupEnd(String regex, int open) {
    int end = scan(regex, open, regex.length(), (c, depth) -> c == ')' && depth == 0);
    if (end < 0) {
      throw new IllegalArgumentException("unbalanced group in lexicon pattern: " + regex);
    }
    return end;
  }

  /** Index of the {@code ]} closing the character class opened at {@code open} (a leading ] is literal). */
  static int classEnd(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++;
    }
    for (; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']') {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed character class in lexicon pattern: " + regex);
  }
}
