package io.netroi.ingest.messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spark SQL's string semantics in plain Java, for the steps that run inside the reader's tasks
 * ({@link MemberMessages}) and must give exactly what the Spark expressions they replace gave:
 * {@code trim} removes ASCII spaces only (not tabs or other white space), {@code split} keeps
 * empty parts, and strings sort in binary (UTF-8 byte, that is code point) order, not Java's
 * UTF-16 order.
 */
public final class SparkStrings {
  /** Spark's ordering of strings: by code point (UTF-8 bytes), so U+1F600 sorts after U+FFFD. */
  public static final Comparator<String> BINARY_ORDER = SparkStrings::compare;

  private SparkStrings() {}

  /** {@code trim(s)}: ASCII spaces (U+0020) off both ends; null stays null. */
  public static String trim(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  /** {@code split(s, sep)} for a one-character literal separator: every part, empty ones included. */
  public static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == separator) {
        parts.add(s.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(s.substring(from));
    return parts;
  }

  /** Code point order (UTF-8 byte order), Spark's order for strings. */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
