package io.netroi.report;

import java.util.regex.Pattern;

/**
 * Making strings from exports and CRMs inert in every output format (docs/report.md "Privacy").
 * HTML is escaped by the template engine's autoescaping; these cover the rest.
 */
public final class Escaping {
  /** Characters a spreadsheet reads as the start of a formula (OWASP CSV injection). */
  private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
  /** Markdown's emphasis, code, link, table, heading and inline-HTML characters. */
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]|<>~#&])");

  private Escaping() {}

  /**
   * HTML and XHTML text or attribute value: the five XML-significant characters as character
   * references, control characters removed (the template engine's default strategy, so every
   * expression is escaped unless a template marks it raw, which the report templates never do
   * for data).
   */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : CONTROL.matcher(s).replaceAll("").toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A CSV cell that no spreadsheet evaluates: text starting with = + - @ tab or CR gets a leading
   * apostrophe (the quotes and commas themselves are the CSV printer's job).
   */
  public static String csvCell(String s) {
    if (s == null) {
      return null;
    }
    return FORMULA_START.matcher(s).find() ? "'" + s : s;
  }

  /** Markdown text: backslash before every character Markdown or inline HTML could act on. */
  public static String markdown(String s) {
    return s == null ? "" : MARKDOWN.matcher(CONTROL.matcher(s).replaceAll("")).replaceAll("\\\\$1")
        .replace("\n", " ");
  }

  /** A chart label: control characters removed, length capped at 40 (the chart draws text as pixels). */
  public static String chartLabel(String s) {
    return capped(s, 40);
  }

  /** A chart title: as {@link #chartLabel}, capped at 90. */
  public static String chartTitle(String s) {
    return capped(s, 90);
  }

  private static String capped(String s, int max) {
    if (s == null) {
      return "";
    }
    String clean = CONTROL.matcher(s).replaceAll("").replace('\n', ' ');
    return clean.length() > max ? clean.substring(0, max - 1) + "\u2026" : clean;
  }
}
