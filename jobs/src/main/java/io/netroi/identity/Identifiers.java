package io.netroi.identity;

import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Normalised identifiers of a person: profile URL, email, name, company. Every function is
 * static, null-safe (null in, null out) and returns null when nothing usable is left, so a
 * missing or garbage value is never an identifier. The rules are listed in docs/identity.md.
 *
 * <p>Each function has a Spark {@link Column} twin ({@link #urlColumn}, {@link #emailColumn},
 * {@link #nameColumn}, {@link #companyColumn}) that returns exactly what the Java function
 * returns. Email is a native expression; URL, name and company need Unicode normalisation and
 * percent-decoding that Spark SQL has no function for, so they run the Java functions as UDFs.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * Leading and trailing Unicode white space, plus zero-width space and BOM. Shared by the Java
   * functions and the native Spark expressions so that both trim the same characters (Spark's
   * own {@code trim} only removes ASCII spaces).
   */
  static final String EDGE_SPACE_REGEX = "(?U)^[\\s\\u200B\\uFEFF]+|[\\s\\u200B\\uFEFF]+$";

  /** local@domain: no white space or address punctuation, a dotted domain of non-empty labels. */
  static final String EMAIL_REGEX =
      "(?U)^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\".]+(\\.[^\\s@<>()\\[\\],;:\".]+)+$";

  private static final String ASCII_ONLY_REGEX = "^\\p{ASCII}*$";

  private static final Pattern EDGE_SPACE = Pattern.compile(EDGE_SPACE_REGEX);
  private static final Pattern EMAIL = Pattern.compile(EMAIL_REGEX);
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
  private static final Pattern HOST = Pattern.compile(
      "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?$");
  /** Combining diacritics (Latin, Greek, Cyrillic accents) and emoji variation selectors. */
  private static final Pattern DIACRITICS = Pattern.compile(
      "[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F\\uFE00-\\uFE0F]"
          + "|\\p{Cf}");
  /** Apostrophes vanish inside a name: O'Brien, O’Brien and OBrien are the same. */
  private static final Pattern APOSTROPHES = Pattern.compile("['\\u2018\\u2019\\u02BC\\u0060\\u00B4]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Pattern HAS_WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");
  private static final Pattern PERIODS = Pattern.compile("[.\\u00B7\\u2024]");

  /** Letters whose accent is part of the letter, not a combining mark, folded by hand. */
  private static final Map<Character, String> LETTER_FOLDS = Map.ofEntries(
      Map.entry('ł', "l"), Map.entry('ø', "o"), Map.entry('đ', "d"), Map.entry('ħ', "h"),
      Map.entry('ı', "i"), Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"),
      Map.entry('þ', "th"), Map.entry('ð', "d"), Map.entry('ŀ', "l"), Map.entry('ŧ', "t"));

  /** Trailing legal-form words dropped from company names. */
  static final Set<String> LEGAL_SUFFIXES = Set.of(
      "inc", "ltd", "llc", "gmbh", "plc", "corp", "co", "sa", "ag", "bv", "limited", "corporation");

  // ---------------------------------------------------------------------------------- URL

  /**
   * The canonical form of a profile URL, or null when the value is not a URL with a path.
   *
   * <ol>
   *   <li>Surrounding white space is removed; blank is null.
   *   <li>Scheme: {@code http} and {@code https} (any case) are accepted and written as
   *       {@code https}; a value without a scheme ({@code www.linkedin.com/in/x},
   *       {@code //linkedin.com/in/x}) gets {@code https}; any other scheme is null.
   *   <li>The fragment ({@code #...}) and the query ({@code ?...}) are dropped.
   *   <li>Host: lower-cased, a leading {@code www.} and a trailing dot dropped, default ports
   *       {@code :80}/{@code :443} dropped; it must be a dotted DNS name of ASCII letters, digits
   *       and hyphens (IDN hosts in punycode form), else null. User info ({@code user@host}) is
   *       null.
   *   <li>Path percent-encoding: each run of {@code %XX} escapes is decoded where it forms valid
   *       UTF-8 (no overlong forms or surrogates). Escapes that do not decode stay as escapes with
   *       upper-case hex ({@code %c3} becomes {@code %C3}); decoding characters that would change
   *       the URL's structure or are invisible ({@code / ? # %}, space, control characters) stay
   *       encoded too, and such characters written literally are encoded; a {@code %} not
   *       followed by two hex digits is written {@code %25}.
   *   <li>Path text is lower-cased ({@link Locale#ROOT}; LinkedIn slugs are case-insensitive)
   *       and put in Unicode NFC.
   *   <li>Trailing slashes are dropped; an empty path (a bare host) is null: it names no person.
   * </ol>
   */
  public static String normaliseUrl(String raw) {
    if (raw == null) {
      return null;
    }
    String s = strip(raw);
    if (s.isEmpty()) {
      return null;
    }
    String rest;
    Matcher scheme = SCHEME.matcher(s);
    if (scheme.lookingAt()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      if (!name.equals("http") && !name.equals("https")) {
        return null;
      }
      rest = s.substring(scheme.end());
    } else if (s.startsWith("//")) {
      rest = s.substring(2);
    } else {
      rest = s;
    }
    rest = cutAt(cutAt(rest, '#'), '?');
    int slash = rest.indexOf('/');
    String host = normaliseHost(slash < 0 ? rest : rest.substring(0, slash));
    if (host == null) {
      return null;
    }
    String path = normalisePath(slash < 0 ? "" : rest.substring(slash));
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    path = path.substring(0, end);
    if (path.isEmpty()) {
      return null;
    }
    return "https://" + host + path;
  }

  private static String cutAt(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s : s.substring(0, i);
  }

  private static String normaliseHost(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.endsWith(":443")) {
      host = host.substring(0, host.length() - 4);
    } else if (host.endsWith(":80")) {
      host = host.substring(0, host.length() - 3);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    return HOST.matcher(host).matches() ? host : null;
  }

  /** Percent-decoding, lower-casing and NFC of a path; see {@link #normaliseUrl}. */
  static String normalisePath(String path) {
    StringBuilder out = new StringBuilder(path.length());
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '%' && isEscapeAt(path, i)) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (i < path.length() && path.charAt(i) == '%' && isEscapeAt(path, i)) {
          bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
          i += 3;
        }
        decodeRun(bytes.toByteArray(), out, text);
      } else {
        int cp = path.codePointAt(i);
        appendCodePoint(cp, false, out, text);
        i += Character.charCount(cp);
      }
    }
    flushText(out, text);
    return out.toString();
  }

  private static boolean isEscapeAt(String s, int i) {
    return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Decodes a run of escaped bytes as UTF-8; bytes that are not valid UTF-8 stay escaped. */
  private static void decodeRun(byte[] b, StringBuilder out, StringBuilder text) {
    int j = 0;
    while (j < b.length) {
      int len = utf8SequenceLength(b, j);
      if (len == 0) {
        flushText(out, text);
        appendEscape(b[j] & 0xFF, out);
        j++;
      } else {
        String decoded = new String(b, j, len, StandardCharsets.UTF_8);
        appendCodePoint(decoded.codePointAt(0), true, out, text);
        j += len;
      }
    }
  }

  /** Length of the well-formed UTF-8 sequence starting at {@code j}, 0 when there is none. */
  private static int utf8SequenceLength(byte[] b, int j) {
    int b0 = b[j] & 0xFF;
    int len;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 <= 0x7F) {
      return 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) {
        lo = 0xA0;
      } else if (b0 == 0xED) {
        hi = 0x9F;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) {
        lo = 0x90;
      } else if (b0 == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return 0;
    }
    if (j + len > b.length) {
      return 0;
    }
    int b1 = b[j + 1] & 0xFF;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < len; k++) {
      int bk = b[j + k] & 0xFF;
      if (bk < 0x80 || bk > 0xBF) {
        return 0;
      }
    }
    return len;
  }

  /**
   * Appends one path character: a literal {@code /} separates segments, a decoded one ({@code %2F})
   * stays encoded; {@code ? # %}, space and control characters are always written encoded.
   */
  private static void appendCodePoint(int cp, boolean decoded, StringBuilder out, StringBuilder text) {
    if (cp == '/' && !decoded) {
      text.append('/');
    } else if (cp == '/' || cp == '?' || cp == '#' || cp == '%' || cp == ' ' || Character.isISOControl(cp)) {
      flushText(out, text);
      for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
        appendEscape(x & 0xFF, out);
      }
    } else {
      text.appendCodePoint(cp);
    }
  }

  private static void appendEscape(int b, StringBuilder out) {
    out.append('%').append(String.format(Locale.ROOT, "%02X", b));
  }

  private static void flushText(StringBuilder out, StringBuilder text) {
    if (text.length() > 0) {
      out.append(Normalizer.normalize(text.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
      text.setLength(0);
    }
  }

  // -------------------------------------------------------------------------------- email

  /**
   * Trimmed (Unicode white space), lower-cased ({@link Locale#ROOT}) email, or null unless it
   * looks like {@code local@domain}: one {@code @}, no white space or address punctuation
   * ({@code <>()[],;:"}), a domain of two or more non-empty dot-separated labels.
   */
  public static String normaliseEmail(String raw) {
    if (raw == null) {
      return null;
    }
    String s = strip(raw).toLowerCase(Locale.ROOT);
    return EMAIL.matcher(s).find() ? s : null;
  }

  // -------------------------------------------------------------------------- name, company

  /**
   * A person's name as a comparable token string, or null when no letter or digit is left.
   *
   * <ol>
   *   <li>Unicode NFKC (full-width letters, ligatures, styled "fancy" letters become plain).
   *   <li>Lower case ({@link Locale#ROOT}).
   *   <li>Diacritics stripped: NFD, then combining diacritical marks (the Latin/Greek/Cyrillic
   *       accent blocks), emoji variation selectors and invisible format characters (zero-width
   *       joiners, soft hyphens, bidi marks) removed; letters with built-in strokes folded by a
   *       small table (ł→l, ø→o, đ→d, ß→ss, æ→ae, œ→oe, þ→th, ...). Vowel signs of Indic and
   *       other scripts are letters' parts, not accents, and are kept.
   *   <li>Apostrophes removed ({@code O'Brien} = {@code OBrien}); every other run of characters
   *       that are not letters, marks or digits (punctuation, symbols, emoji, white space)
   *       becomes one space; words without a letter or digit are dropped.
   *   <li>Trimmed, NFC; empty is null, so an emoji-only name is no identifier.
   * </ol>
   * Text garbled by a wrong charset (Windows-1252 mojibake such as {@code JosÃ©}) is not
   * repaired and does not match the clean name.
   */
  public static String normaliseName(String full) {
    if (full == null) {
      return null;
    }
    String s = Normalizer.normalize(full, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFD);
    s = DIACRITICS.matcher(s).replaceAll("");
    s = foldLetters(s);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    List<String> words = new ArrayList<>();
    for (String w : s.split(" ")) {
      if (HAS_WORD_CHAR.matcher(w).find()) {
        words.add(w);
      }
    }
    return words.isEmpty() ? null : Normalizer.normalize(String.join(" ", words), Normalizer.Form.NFC);
  }

  /** {@link #normaliseName(String)} of first and last name joined by a space (null parts skipped). */
  public static String normaliseName(String first, String last) {
    if (first == null && last == null) {
      return null;
    }
    return normaliseName((first == null ? "" : first) + " " + (last == null ? "" : last));
  }

  /**
   * A company name: periods deleted first (so {@code S.A.} = {@code SA}, {@code Inc.} =
   * {@code Inc}), then {@link #normaliseName(String)}, then trailing legal-form words
   * ({@link #LEGAL_SUFFIXES}) dropped repeatedly ({@code Acme Co., Ltd.} = {@code acme}) as long
   * as one word remains.
   */
  public static String normaliseCompany(String raw) {
    if (raw == null) {
      return null;
    }
    String s = normaliseName(PERIODS.matcher(raw).replaceAll(""));
    if (s == null) {
      return null;
    }
    List<String> words = new ArrayList<>(List.of(s.split(" ")));
    while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join(" ", words);
  }

  private static String foldLetters(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String fold = LETTER_FOLDS.get(s.charAt(i));
      if (fold != null && b == null) {
        b = new StringBuilder(s.length() + 4).append(s, 0, i);
      }
      if (b != null) {
        if (fold != null) {
          b.append(fold);
        } else {
          b.append(s.charAt(i));
        }
      }
    }
    return b == null ? s : b.toString();
  }

  private static String strip(String s) {
    return EDGE_SPACE.matcher(s).replaceAll("");
  }

  private static String lowerRoot(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------------- Spark columns

  /** Distinct values remembered per JVM by the URL and name columns ({@link Memo}). */
  static final int MEMO_CAPACITY = 100_000;
  private static final Memo URLS = new Memo(MEMO_CAPACITY, Identifiers::normaliseUrl);
  private static final Memo NAMES = new Memo(MEMO_CAPACITY, Identifiers::normaliseName);
  private static final UserDefinedFunction URL_UDF =
      udf((UDF1<String, String>) Identifiers::rememberedUrl, DataTypes.StringType).withName("normalise_url");
  private static final UserDefinedFunction NAME_UDF =
      udf((UDF1<String, String>) Identifiers::rememberedName, DataTypes.StringType).withName("normalise_name");

  private static final UserDefinedFunction FIRST_LAST_UDF =
      udf((UDF2<String, String, String>) Identifiers::normaliseName, DataTypes.StringType)
          .withName("normalise_first_last_name");
  private static final UserDefinedFunction COMPANY_UDF =
      udf((UDF1<String, String>) Identifiers::normaliseCompany, DataTypes.StringType)
          .withName("normalise_company");
  private static final UserDefinedFunction LOWER_ROOT_UDF =
      udf((UDF1<String, String>) Identifiers::lowerRoot, DataTypes.StringType).withName("lower_root");

  /** {@link #normaliseUrl}, remembered per JVM ({@link Memo}): what {@link #urlColumn} computes. */
  public static String rememberedUrl(String raw) {
    return URLS.apply(raw);
  }

  /** {@link #normaliseName(String)}, remembered per JVM ({@link Memo}): what {@link #nameColumn(Column)} computes. */
  public static String rememberedName(String raw) {
    return NAMES.apply(raw);
  }

  /** {@link #normaliseUrl} as a column (a UDF: percent-decoding has no native equivalent). */
  public static Column urlColumn(Column url) {
    return URL_UDF.apply(url);
  }

  /**
   * {@link #normaliseEmail} as a native expression. Spark's {@code lower} follows the JVM's
   * default locale for non-ASCII text (a Turkish executor lower-cases {@code I} to {@code ı}),
   * so only ASCII values are lower-cased natively; the rare non-ASCII value goes through
   * {@link Locale#ROOT} in a UDF, keeping the result equal to the Java function on any JVM.
   */
  public static Column emailColumn(Column email) {
    Column trimmed = regexp_replace(email, EDGE_SPACE_REGEX, "");
    Column lowered = when(trimmed.rlike(ASCII_ONLY_REGEX), lower(trimmed))
        .otherwise(LOWER_ROOT_UDF.apply(trimmed));
    return when(lowered.rlike(EMAIL_REGEX), lowered);
  }

  /** {@link #normaliseName(String)} as a column (a UDF: Spark SQL has no Unicode normalisation). */
  public static Column nameColumn(Column fullName) {
    return NAME_UDF.apply(fullName);
  }

  /** {@link #normaliseName(String, String)} as a column. */
  public static Column nameColumn(Column firstName, Column lastName) {
    return FIRST_LAST_UDF.apply(firstName, lastName);
  }

  /** {@link #normaliseCompany} as a column. */
  public static Column companyColumn(Column company) {
    return COMPANY_UDF.apply(company);
  }
}
