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
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Versioned cue lexicons ({@code lexicons/<version>/<category>.txt} on the classpath): one Java
 * regular expression per line, matched case-insensitively against the plain text of a message.
 * A text carries a category's cue when any line finds a match. Each line has a literal prefilter
 * ({@link RequiredLiterals}): a line's regex runs only on texts that contain the literals every
 * match of it contains, found for all categories in one scan of the text. Spark runs the same
 * Java matcher ({@link #matches(Category, Column)} is a UDF), so evaluation and pipeline agree by
 * construction. Native {@code rlike} over the
 * combined alternation was the alternative: it tries every line at every word of every message,
 * about 0.4 ms per message for the pitch lexicon, which dominated ingest at 10M messages.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The cue categories. */
  public enum Category { PITCH, SOCIAL, INTRO, SYSTEM }

  public static final Category PITCH = Category.PITCH;
  public static final Category SOCIAL = Category.SOCIAL;
  public static final Category INTRO = Category.INTRO;
  public static final Category SYSTEM = Category.SYSTEM;

  /** One line: its regex (boundary hoisted) and what a text must contain for it to match (null: unknown). */
  record Cue(String regex, Requirement requirement) implements Serializable {}

  private final String version;
  private final Map<Category, String> patterns;
  private final Map<Category, List<Cue>> cues;
  private transient Matcher compiled;

  private Lexicon(String version, Map<Category, String> patterns, Map<Category, List<Cue>> cues) {
    this.version = version;
    this.patterns = patterns;
    this.cues = cues;
  }

  public static Lexicon load(String version) {
    if (!version.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("lexicon version '" + version + "' is not a plain name");
    }
    Map<Category, String> patterns = new EnumMap<>(Category.class);
    Map<Category, List<Cue>> cues = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      String resource = "/lexicons/" + version + "/" + c.name().toLowerCase(Locale.ROOT) + ".txt";
      List<String> lines = lines(resource);
      patterns.put(c, combine(lines));
      cues.put(c, lines.stream().map(Lexicon::cue).toList());
    }
    return new Lexicon(version, patterns, cues);
  }

  static Cue cue(String line) {
    return new Cue(boundaryFirst(line), RequiredLiterals.of(line));
  }

  public String version() {
    return version;
  }

  /** The combined pattern of a category (for the run manifest and debugging). */
  public String pattern(Category c) {
    return patterns.get(c);
  }

  /** Spark: does the text (after {@link #plainText(Column)}) carry a cue of this category? Null stays null. */
  public Column matches(Category c, Column text) {
    if (cues.get(c).isEmpty()) {
      return lit(false);
    }
    UDF1<String, Boolean> test = t -> t == null ? null : matches(c, t);
    return functions.udf(test, DataTypes.BooleanType).apply(text);
  }

  /** Java: the same test on one string (after {@link #plainText(String)}: lower case). */
  public boolean matches(Category c, String text) {
    return compiled().find(text, EnumSet.of(c)).contains(c);
  }

  /** The categories whose cues a text (after {@link #plainText(String)}) carries, in one scan of it. */
  public Set<Category> categories(String text) {
    return compiled().find(text, EnumSet.allOf(Category.class));
  }

  private Matcher compiled() {
    if (compiled == null) {
      compiled = new Matcher(cues);
    }
    return compiled;
  }

  /**
   * Every category's lines behind one Aho-Corasick automaton over all lines' literals: one pass
   * over the text finds the literals it contains; a line's regex runs only when its
   * {@link Requirement} holds for them, lines in file order, a category's search ending at its
   * first match.
   */
  static final class Matcher {
    /** Every category's lines in one numbering: category, then file order. */
    private final Category[] categoryOf;
    private final Pattern[] patterns;
    /** A line's requirement on the numbered literals present (null: none known, always tried). */
    private final Predicate<BitSet>[] requirements;
    private final BitSet unfiltered = new BitSet();
    /** Each literal's number. */
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Literal number to the lines whose requirement mentions it. */
    private final List<int[]> linesOf = new ArrayList<>();
    private final Trie trie;

    @SuppressWarnings("unchecked")
    Matcher(Map<Category, List<Cue>> cues) {
      List<Cue> all = new ArrayList<>();
      List<Category> categories = new ArrayList<>();
      cues.forEach((category, list) -> list.forEach(q -> {
        all.add(q);
        categories.add(category);
      }));
      categoryOf = categories.toArray(Category[]::new);
      patterns = all.stream().map(q -> Pattern.compile(q.regex(), Pattern.CASE_INSENSITIVE)).toArray(Pattern[]::new);
      requirements = new Predicate[all.size()];
      List<List<Integer>> lines = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Requirement r = all.get(i).requirement();
        if (r == null) {
          unfiltered.set(i);
          continue;
        }
        requirements[i] = r.numbered(literal -> numbers.computeIfAbsent(literal, x -> {
          lines.add(new ArrayList<>());
          return numbers.size();
        }));
        int line = i;
        r.literals().distinct().forEach(literal -> lines.get(numbers.get(literal)).add(line));
      }
      lines.forEach(idx -> linesOf.add(idx.stream().mapToInt(Integer::intValue).toArray()));
      trie = Trie.builder().addKeywords(numbers.keySet()).build();
    }

    Set<Category> find(String text, Set<Category> wanted) {
      BitSet present = new BitSet(numbers.size());
      BitSet candidates = (BitSet) unfiltered.clone();
      trie.parseText(text, emit -> {
        int n = numbers.get(emit.getKeyword());
        if (!present.get(n)) {
          present.set(n);
          for (int i : linesOf.get(n)) {
            candidates.set(i);
          }
        }
        return true;
      });
      Set<Category> found = EnumSet.noneOf(Category.class);
      for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
        Category c = categoryOf[i];
        if (wanted.contains(c) && !found.contains(c) && (requirements[i] == null || requirements[i].test(present))
            && patterns[i].matcher(text).find()) {
          found.add(c);
        }
      }
      return found;
    }
  }

  /** Message content as matched: HTML tags removed, lower case, white space folded. */
  public static Column plainText(Column content) {
    return trim(regexp_replace(lower(regexp_replace(content, "<[^>]+>", " ")), "\\s+", " "));
  }

  public static String plainText(String content) {
    return plainTextOfUntagged(withoutTags(content));
  }

  /** {@link #plainText(String)} of a text whose tags {@link #withoutTags} already replaced. */
  public static String plainTextOfUntagged(String untagged) {
    String lower = untagged.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean inSpace = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'; // regex \s
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString().trim();
  }

  /**
   * Each HTML tag replaced by a space, in one pass: what {@code replaceAll("<[^>]+>", " ")} does
   * (a tag is a {@code <}, at least one character other than {@code >}, then the first {@code >}).
   */
  public static String withoutTags(String text) {
    int open = text.indexOf('<');
    if (open < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (open >= 0) {
      int close = text.indexOf('>', open + 1);
      if (close < 0) {
        break;
      }
      if (close > open + 1) {
        out.append(text, from, open).append(' ');
        from = close + 1;
        open = text.indexOf('<', from);
      } else {
        open = text.indexOf('<', open + 1);
      }
    }
    return out.append(text, from, text.length()).toString();
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
      i = RegexSyntax.groupEnd(regex, i) + 1;
    }
    if (i > 0 && regex.startsWith("\\b", i)) {
      return "\\b" + regex.substring(0, i) + regex.substring(i + 2);
    }
    return regex;
  }

  /** Whether a regex has a {@code |} outside any group or character class. */
  static boolean hasTopLevelAlternation(String regex) {
    return RegexSyntax.scan(regex, 0, regex.length(), (c, depth) -> c == '|' && depth == 0) >= 0;
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
