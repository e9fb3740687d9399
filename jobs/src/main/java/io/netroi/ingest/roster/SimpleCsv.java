package io.netroi.ingest.roster;

import io.netroi.ingest.files.CsvExportParser;
import io.netroi.ingest.files.LineIndex;
import io.netroi.io.InputFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV with a header on its first line (roster, outcomes, fx, erasures): columns by name
 * (trimmed; matched case-insensitively through {@link #key}), each record with its starting line.
 */
public final class SimpleCsv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

  /** A record's values by normalised column name, or null values when its field count is wrong. */
  public record Record(long line, Map<String, String> values) {}

  public record Table(String file, List<String> columns, List<String> rawColumns, List<Record> records,
      long unterminatedAtLine) {}

  private SimpleCsv() {}

  /** Header names to a comparable key: lower case, spaces and dashes as underscores. */
  public static String key(String header) {
    return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }

  public static Table parse(InputFiles.TextFile file) {
    String text = file.text();
    List<String> columns = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    long unterminated = 0;
    LineIndex lines = new LineIndex(text);
    try (CSVParser p = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> it = p.iterator();
      if (!it.hasNext()) {
        return new Table(file.relativePath(), columns, raw, records, 0);
      }
      for (String h : it.next()) {
        raw.add(h.replace("\uFEFF", "").trim());
        columns.add(key(h));
      }
      long lastLine = p.getCurrentLineNumber();
      while (true) {
        CSVRecord r;
        try {
          if (!it.hasNext()) {
            break;
          }
          r = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          unterminated = lines.nextNonBlankLine(lastLine + 1);
          break;
        }
        long line = lines.nextNonBlankLine(lines.lineOf(r.getCharacterPosition()));
        lastLine = p.getCurrentLineNumber();
        if (CsvExportParser.isBlankRecord(r)) {
          continue;
        }
        records.add(new Record(line, r.size() == columns.size() ? values(columns, r) : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Table(file.relativePath(), columns, raw, records, unterminated);
  }

  private static Map<String, String> values(List<String> columns, CSVRecord r) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String v = r.get(i).trim();
      if (!v.isEmpty()) {
        m.put(columns.get(i), v);
      }
    }
    return m;
  }
}
