package io.netroi.ingest.files;

import java.util.List;
import java.util.Map;

/**
 * One export file as read: its kind and dated variant, the rows after the header and, when the file
 * cannot be used at all, the reason. A row's {@code problem} is already a data_quality metric
 * ({@code rejected:<reason>} or {@code excluded:<reason>}), null when the row is fine so far.
 */
public record ParsedFile(
    FileKind kind, String variant, List<String> header, List<Row> rows, String fileProblem) {

  /** A data record: its 1-based starting line, canonical fields (empty values as null), problem. */
  public record Row(long rowNumber, Map<String, String> fields, String problem) {}

  static ParsedFile problem(FileKind expected, String metric) {
    return new ParsedFile(expected, null, List.of(), List.of(), metric);
  }

  /** A file netroi does not use (not an export file it knows): listed in the manifest, not rejected. */
  static ParsedFile skipped() {
    return new ParsedFile(null, null, List.of(), List.of(), null);
  }

  public boolean isSkipped() {
    return kind == null && fileProblem == null;
  }
}
