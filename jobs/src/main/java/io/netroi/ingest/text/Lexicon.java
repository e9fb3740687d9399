package io.netroi.ingest.text;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Versioned cue lexicons ({@code lexicons/<version>/<category>.txt} on the classpath): one Java
 * regular expression per line, matched case-insensitively against the plain text of a message.
 * The same pattern runs in Spark ({@code rlike}) and in Java, so evaluation and pipeline agree.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The cue categories. */
  public enum Category { PITCH, SOCIAL, INTRO, SYSTEM }

  public static final Category PITCH = Category.PITCH;
  public static final Category SOCIAL = Category.SOCIAL;
  public static final Category INTRO = Category.INTRO;
  public static final Category SYSTEM = Category.SYSTEM;

  private final String version;
  private final Map<Category, String> patterns;
  private transient Map<Category, Pattern> compiled;

  private Lexicon(String version, Map<Category, String> patterns) {
    this.version = version;
    this.patterns = patterns;
  }

  public static Lexicon load(String version) {
    if (!version.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("lexicon version '" + version + "' is not a plain name");
    }
    Map<Category, String> patterns = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      String resource = "/lexicons/" + version + "/" + c.name().toLowerCase(Locale.ROOT) + ".txt";
      patterns.put(c, combine(lines(resource)));
    }
    return new Lexicon(version, patterns);
  }

  public String version() {
    return version;
  }

  /** The combined pattern of a category (for the run manifest and debugging). */
  public String pattern(Category c) {
    return patterns.get(c);
  }

  /** Spark: does the text carry a cue of this category? */
  public Column matches(Category c, Column text) {
    String p = patterns.get(c);
    return p.isEmpty() ? lit(false) : text.rlike(p);
  }

  /** Java: the same test on one string (after {@link #plainText(String)}). */
  public boolean matches(Category c, String text) {
    if (compiled == null) {
      Map<Category, Pattern> m = new EnumMap<>(Category.class);
      patterns.forEach((k, v) -> m.put(k, Pattern.compile(v.isEmpty() ? "(?!)" : v)));
      compiled = m;
    }
    return compiled.get(c).matcher(text).find();
  }

  /** Message content as matched: HTML tags removed, lower case, white space folded. */
  public static Column plainText(Column content) {
    return trim(regexp_replace(lower(regexp_replace(content, "<[^>]+>", " ")), "\\s+", " "));
  }

  public static String plainText(String content) {
    return content.replaceAll("<[^>]+>", " ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  /**
   * One case-insensitive alternation of the lines. Lines that start with {@code \b} (and have no
   * top-level {@code |}) share one hoisted {@code \b}: {@code \b(?:X|Y)} matches exactly what
   * {@code (?:\bX|\bY)} does, but the engine rejects a start position inside a word once instead
   * of once per line, which makes a large lexicon many times faster.
   */
  static String combine(List<String> alternatives) {
    if (alternatives.isEmpty()) {
      return "";
    }
    List<String> atBoundary = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String line : alternatives) {
      String a = boundaryFirst(line);
      if (a.startsWith("\\b") && !hasTopLevelAlternation(a)) {
        atBoundary.add("(?:" + a.substring(2) + ")");
      } else {
        others.add("(?:" + a + ")");
      }
    }
    List<String> parts = new ArrayList<>();
    if (!atBoundary.isEmpty()) {
      parts.add("\\b(?:" + String.join("|", atBoundary) + ")");
    }
    parts.addAll(others);
    return "(?i)(?:" + String.join("|", parts) + ")";
  }

  /** The naive combination, kept to prove {@link #combine} equivalent in tests. */
  static String combineNaive(List<String> alternatives) {
    return alternatives.isEmpty() ? ""
        : "(?i)(?:" + String.join("|", alternatives.stream().map(a -> "(?:" + a + ")").toList()) + ")";
  }

  /**
   * Moves a {@code \\b} that follows leading lookbehinds to the front: zero-width assertions at
   * the same position commute, so {@code (?<!x)\\bY} and {@code \\b(?<!x)Y} match the same.
   */
  static String boundaryFirst(String regex) {
    int i = 0;
    while (regex.startsWith("(?<!", i) || regex.startsWith("(?<=", i)) {
      i = groupEnd(regex, i) + 1;
    }
    if (i > 0 && regex.startsWith("\\b", i)) {
      return "\\b" + regex.substring(0, i) + regex.substring(i + 2);
    }
    return regex;
  }

  /** Index of the parenthesis closing the group opened at {@code open}. */
  private static int groupEnd(String regex, int open) {
    int end = scan(regex, open, (c, depth) -> c == ')' && depth == 0);
    if (end < 0) {
      throw new IllegalArgumentException("unbalanced group in lexicon pattern: " + regex);
    }
    return end;
  }

  /** Whether a regex has a {@code |} outside any group or character class. */
  static boolean hasTopLevelAlternation(String regex) {
    return scan(regex, 0, (c, depth) -> c == '|' && depth == 0) >= 0;
  }

  /**
   * Walks a regex from {@code from}, skipping escapes and character classes and tracking group
   * depth (updated before the test); the first index where {@code stop} holds, or -1.
   */
  private static int scan(String regex, int from, java.util.function.BiPredicate<Character, Integer> stop) {
    int depth = 0;
    boolean inClass = false;
    for (int i = from; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
        continue;
      }
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (stop.test(c, depth)) {
        return i;
      }
    }
    return -1;
  }

  /** The raw lines of one category of a version (for tests). */
  static List<String> alternatives(String version, Category c) {
    return lines("/lexicons/" + version + "/" + c.name().toLowerCase(Locale.ROOT) + ".txt");
  }

  private static List<String> lines(String resource) {
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("lexicon file " + resource + " is not on the classpath");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          Pattern.compile(t);
          out.add(t);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
