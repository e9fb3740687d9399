package io.netroi.ingest.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads one {@link ExportSource} into {@link RawRecord}s: each file once, zips entry by entry
 * without extracting anything to disk (so an entry named {@code ../x} can never be written
 * anywhere). A zip that turns out corrupt yields only its {@code corrupt_zip} record: an archive is
 * used whole or not at all.
 */
public final class ExportReader {
  public static final String CORRUPT_ZIP = "rejected:corrupt_zip";
  public static final String UNSAFE_ZIP_ENTRY = "rejected:unsafe_zip_entry";
  public static final String UNREADABLE = "rejected:unreadable_file";
  /** A single export file larger than this is refused (real messages.csv files are a few MB). */
  static final long MAX_FILE_BYTES = 1L << 30;

  private ExportReader() {}

  /** Never throws for a bad file: an unreadable one becomes a file record with its reason. */
  public static List<RawRecord> read(ExportSource source, FileSystem fs) {
    try (InputStream raw = fs.open(new Path(source.uri()))) {
      return source.zip() ? readZip(source, raw) : readFile(source, raw);
    } catch (IOException e) {
      return List.of(fileRecord(source, source.relativePath(), source.zip() ? "archive" : null, null,
          Map.of(RawRecord.STATUS, "unreadable: " + e.getMessage()), UNREADABLE));
    }
  }

  static List<RawRecord> readFile(ExportSource source, InputStream in) throws IOException {
    MessageDigest sha = sha256();
    byte[] bytes = readAll(new DigestInputStream(in, sha));
    List<RawRecord> out = new ArrayList<>();
    String base = baseName(source.relativePath());
    parseInto(source, source.relativePath(), base, bytes, HexFormat.of().formatHex(sha.digest()), out);
    return out;
  }

  static List<RawRecord> readZip(ExportSource source, InputStream in) throws IOException {
    MessageDigest zipSha = sha256();
    DigestInputStream digested = new DigestInputStream(in, zipSha);
    List<RawRecord> out = new ArrayList<>();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(digested)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        entries++;
        String entry = e.getName();
        String sourceFile = source.relativePath() + "!" + entry;
        if (!isSafeEntryName(entry)) {
          out.add(fileRecord(source, sourceFile, null, null, Map.of(RawRecord.STATUS, "unsafe"), UNSAFE_ZIP_ENTRY));
          continue;
        }
        if (e.isDirectory() || !entry.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          continue;
        }
        MessageDigest sha = sha256();
        byte[] bytes = readAll(new DigestInputStream(zip, sha));
        parseInto(source, sourceFile, baseName(entry), bytes, HexFormat.of().formatHex(sha.digest()), out);
      }
      drain(digested);
    } catch (java.util.zip.ZipException | java.io.EOFException corrupt) {
      return List.of(corruptZip(source, corrupt.getMessage()));
    }
    if (entries == 0) {
      return List.of(corruptZip(source, "no zip entries found"));
    }
    out.add(fileRecord(source, source.relativePath(), "archive", null,
        Map.of(RawRecord.SHA256, HexFormat.of().formatHex(zipSha.digest()), RawRecord.STATUS, "read"), null));
    return out;
  }

  private static RawRecord corruptZip(ExportSource source, String detail) {
    return fileRecord(source, source.relativePath(), "archive", null,
        Map.of(RawRecord.STATUS, "corrupt: " + detail), CORRUPT_ZIP);
  }

  private static void parseInto(ExportSource source, String sourceFile, String baseName, byte[] bytes,
      String sha256, List<RawRecord> out) {
    TextDecoding.Decoded text = TextDecoding.decode(bytes);
    ParsedFile parsed = CsvExportParser.parse(baseName, text.text());
    Map<String, String> info = new HashMap<>();
    info.put(RawRecord.BYTES, Long.toString(bytes.length));
    info.put(RawRecord.SHA256, sha256);
    info.put(RawRecord.ENCODING, text.encoding());
    info.put(RawRecord.STATUS, parsed.isSkipped() ? "skipped" : parsed.fileProblem() == null ? "read" : "rejected");
    String kind = parsed.kind() == null ? null : parsed.kind().label();
    out.add(fileRecord(source, sourceFile, kind, parsed.variant(), info, parsed.fileProblem()));
    for (ParsedFile.Row r : parsed.rows()) {
      out.add(new RawRecord(RawRecord.ROW, source.memberId(), source.exportId(), source.exportDate(),
          sourceFile, kind, parsed.variant(), r.rowNumber(), r.fields(), r.problem()));
    }
  }

  private static RawRecord fileRecord(ExportSource s, String sourceFile, String kind, String variant,
      Map<String, String> info, String problem) {
    return new RawRecord(RawRecord.FILE, s.memberId(), s.exportId(), s.exportDate(), sourceFile, kind,
        variant, 0L, info, problem);
  }

  /** Entry names that would point outside an extraction folder are refused (zip slip). */
  static boolean isSafeEntryName(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      return false;
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  static String baseName(String path) {
    String p = path.replace('\\', '/');
    int bang = p.lastIndexOf('!');
    int slash = p.lastIndexOf('/');
    return p.substring(Math.max(bang, slash) + 1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    int n;
    long total = 0;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw new IOException("file larger than " + MAX_FILE_BYTES + " bytes");
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  /** Reads what the zip reader left (the central directory) so the checksum covers every byte. */
  private static void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[8192];
    while (in.read(chunk) > 0) {
      // digest only
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
