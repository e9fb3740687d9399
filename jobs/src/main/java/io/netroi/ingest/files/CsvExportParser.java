package io.netroi.ingest.files;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the text of one LinkedIn export CSV: finds the header by its column names within the
 * first {@value #HEADER_SEARCH_RECORDS} records (skipping preambles such as the "Notes:" block),
 * reads RFC 4180 quoting with multi-line fields, and reports each record's starting line.
 */
public final class CsvExportParser {
  static final int HEADER_SEARCH_RECORDS = 20;
  public static final String EMPTY_FILE = "rejected:empty_file";
  public static final String UNRECOGNISED_HEADER = "rejected:unrecognised_header";
  public static final String MALFORMED_ROW = "rejected:malformed_row";
  public static final String UNTERMINATED_QUOTE = "rejected:unterminated_quote";
  public static final String EMPTY_ROW = "excluded:empty_row";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(true)
      .setAllowMissingColumnNames(true)
      .build();

  private CsvExportParser() {}

  /**
   * @param baseName the file's base name, used to know what it should be
   * @param text decoded text (BOM already stripped)
   */
  public static ParsedFile parse(String baseName, String text) {
    if (FileKind.isIgnoredName(baseName)) {
      return ParsedFile.skipped();
    }
    Optional<FileKind> expected = FileKind.byFileName(baseName);
    if (text.isBlank()) {
      return expected.isPresent() ? ParsedFile.problem(expected.get(), EMPTY_FILE) : ParsedFile.skipped();
    }
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      return read(parser, lines, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ParsedFile read(CSVParser parser, LineIndex lines, Optional<FileKind> expected) {
    Iterator<CSVRecord> it = parser.iterator();
    List<String> header = null;
    FileKind kind = null;
    boolean preamble = false;
    for (int i = 0; i < HEADER_SEARCH_RECORDS && header == null; i++) {
      CSVRecord r = next(it);
      if (r == null) {
        break;
      }
      List<String> cells = normaliseHeader(r);
      Optional<FileKind> k = expected.isPresent()
          ? expected.filter(e -> e.matches(cells)) : FileKind.byHeader(cells);
      if (k.isPresent()) {
        header = cells;
        kind = k.get();
      } else {
        preamble = true;
      }
    }
    if (header == null) {
      return expected.isPresent() ? ParsedFile.problem(expected.get(), UNRECOGNISED_HEADER) : ParsedFile.skipped();
    }
    String[] fieldNames = new String[header.size()];
    for (int i = 0; i < fieldNames.length; i++) {
      fieldNames[i] = kind.canonicalField(header.get(i));
    }
    List<ParsedFile.Row> rows = new ArrayList<>();
    long lastLineConsumed = parser.getCurrentLineNumber();
    while (true) {
      CSVRecord r;
      try {
        r = next(it);
      } catch (UncheckedIOException | IllegalStateException e) {
        long start = lines.nextNonBlankLine(lastLineConsumed + 1);
        rows.add(new ParsedFile.Row(start, Map.of(), UNTERMINATED_QUOTE));
        break;
      }
      if (r == null) {
        break;
      }
      lastLineConsumed = parser.getCurrentLineNumber();
      rows.add(toRow(r, fieldNames, lines));
    }
    return new ParsedFile(kind, kind.variant(header, preamble), header, rows, null);
  }

  private static ParsedFile.Row toRow(CSVRecord r, String[] fieldNames, LineIndex lines) {
    // the parser reports the position before any skipped blank lines: move to the record itself
    long line = lines.nextNonBlankLine(lines.lineOf(r.getCharacterPosition()));
    if (isBlankRecord(r)) {
      return new ParsedFile.Row(line, Map.of(), EMPTY_ROW);
    }
    if (r.size() != fieldNames.length) {
      return new ParsedFile.Row(line, Map.of(), MALFORMED_ROW);
    }
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < fieldNames.length; i++) {
      String value = r.get(i);
      if (fieldNames[i] != null && value != null && !value.isBlank()) {
        fields.put(fieldNames[i], value);
      }
    }
    return new ParsedFile.Row(line, fields, null);
  }

  private static CSVRecord next(Iterator<CSVRecord> it) {
    return it.hasNext() ? it.next() : null;
  }

  /** A record whose every field is empty or white space (a line of only commas). */
  public static boolean isBlankRecord(CSVRecord r) {
    for (String v : r) {
      if (v != null && !v.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Header cells trimmed, upper-cased, inner whitespace collapsed, stray BOMs removed. */
  static List<String> normaliseHeader(CSVRecord r) {
    List<String> cells = new ArrayList<>(r.size());
    for (String v : r) {
      cells.add(v.replace("\uFEFF", "").trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
    }
    return cells;
  }
}
