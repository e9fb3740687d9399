package io.netroi.ingest.files;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What reading produces, before any Spark transformation: a data row of a recognised export file
 * ({@code recordType = "row"}) or a description of a file ({@code "file"}: size, checksum,
 * encoding, variant, or why it could not be used).
 */
public record RawRecord(
    String recordType,
    String memberId,
    String exportId,
    String exportDate,
    String sourceFile,
    String fileKind,
    String variant,
    long rowNumber,
    Map<String, String> fields,
    String problem) implements Serializable {

  public static final String ROW = "row";
  public static final String FILE = "file";
  /** Keys of a file record's fields. */
  public static final String BYTES = "bytes";
  public static final String SHA256 = "sha256";
  public static final String ENCODING = "encoding";
  public static final String STATUS = "status";
  /** Every key a file record's fields can have. */
  public static final List<String> FILE_INFO = List.of(BYTES, SHA256, ENCODING, STATUS);
}
