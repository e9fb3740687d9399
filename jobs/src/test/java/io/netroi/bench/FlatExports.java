package io.netroi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code flatten-exports INPUT DIR} (bench/run.sh, before the timed part): every member's exports
 * (zips or folders, entries at any depth) unpacked into {@code DIR/<member_id>/<n>/<kind>.csv} with
 * kind {@code messages}, {@code connections} or {@code invitations}, recognised by header (so
 * translated file names work) and starting at the header row (the Connections.csv "Notes:" preamble
 * and a BOM removed), plus {@code DIR/exports.csv} (member_id, export_no, export_name, export_date).
 * DuckDB cannot read inside zips; this is the only preparation the peer gets, and it decides nothing.
 */
final class FlatExports {
  /** The export date in a folder or archive name, as the pipeline reads it (ExportCatalog). */
  private static final Pattern DATE = Pattern.compile("LinkedInDataExport_(\\d{2})-(\\d{2})-(\\d{4})",
      Pattern.CASE_INSENSITIVE);
  /** LinkedIn's own files that carry a messages header but are not the member's data (as FileKind ignores them). */
  private static final java.util.Set<String> IGNORED = java.util.Set.of("guide_messages.csv",
      "learning_role_play_messages.csv");
  /** Lines searched for a header row. */
  private static final int HEADER_SEARCH_LINES = 20;

  private FlatExports() {}

  record Summary(int exports, int files, long bytes) {}

  static Summary write(Path input, Path dir) throws IOException {
    Path exports = input.resolve("exports");
    if (!Files.isDirectory(exports)) {
      throw new IllegalArgumentException("no exports folder in " + input);
    }
    Files.createDirectories(dir);
    List<String> index = new ArrayList<>(List.of("member_id,export_no,export_name,export_date"));
    int files = 0;
    long bytes = 0;
    for (Path member : sortedChildren(exports)) {
      if (!Files.isDirectory(member)) {
        continue;
      }
      String memberId = member.getFileName().toString();
      int n = 0;
      for (Path export : sortedChildren(member)) {
        Path to = dir.resolve(memberId).resolve(String.valueOf(n));
        List<Long> written = export.toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? unzip(export, to)
            : Files.isDirectory(export) ? copyFolder(export, to) : List.of();
        if (written.isEmpty()) {
          continue;
        }
        String name = export.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        index.add(memberId + "," + n + "," + name + "," + exportDate(name));
        files += written.size();
        bytes += written.stream().mapToLong(Long::longValue).sum();
        n++;
      }
    }
    Files.write(dir.resolve("exports.csv"), index, StandardCharsets.UTF_8);
    return new Summary(index.size() - 1, files, bytes);
  }

  private static List<Path> sortedChildren(Path p) throws IOException {
    try (Stream<Path> s = Files.list(p)) {
      return s.sorted().toList();
    }
  }

  static String exportDate(String name) {
    Matcher m = DATE.matcher(name);
    return m.find() ? m.group(3) + "-" + m.group(1) + "-" + m.group(2) : "";
  }

  private static List<Long> unzip(Path zip, Path to) throws IOException {
    List<Long> sizes = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (var e : Collections.list(z.entries())) {
        if (!e.isDirectory() && isCsv(e.getName().substring(e.getName().lastIndexOf('/') + 1))) {
          try (InputStream in = z.getInputStream(e)) {
            sizes.addAll(keep(in.readAllBytes(), to));
          }
        }
      }
    } catch (ZipException bad) {
      System.out.println("skipped unreadable zip " + zip);
    }
    return sizes;
  }

  private static List<Long> copyFolder(Path folder, Path to) throws IOException {
    List<Long> sizes = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (isCsv(f.getFileName().toString())) {
          sizes.addAll(keep(Files.readAllBytes(f), to));
        }
      }
    }
    return sizes;
  }

  private static boolean isCsv(String baseName) {
    String n = baseName.toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") && !IGNORED.contains(n);
  }

  /** Writes the file from its header row on when it is one of the three kinds; its size, or nothing. */
  private static List<Long> keep(byte[] content, Path to) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int pos = 0;
    for (int line = 0; line < HEADER_SEARCH_LINES && pos < text.length(); line++) {
      int end = text.indexOf('\n', pos);
      String header = (end < 0 ? text.substring(pos) : text.substring(pos, end)).toUpperCase(Locale.ROOT);
      String kind = kind(header);
      if (kind != null) {
        Files.createDirectories(to);
        Path file = to.resolve(kind + ".csv");
        if (Files.exists(file)) {
          throw new IllegalStateException("two " + kind + " files in one export: " + to);
        }
        byte[] out = text.substring(pos).getBytes(StandardCharsets.UTF_8);
        Files.write(file, out);
        return List.of((long) out.length);
      }
      if (end < 0) {
        break;
      }
      pos = end + 1;
    }
    return List.of();
  }

  private static String kind(String upperHeader) {
    if (upperHeader.contains("CONVERSATION ID") || upperHeader.contains("FROM,") && upperHeader.contains("CONTENT")) {
      return "messages";
    }
    if (upperHeader.contains("FIRST NAME") && upperHeader.contains("CONNECTED ON")) {
      return "connections";
    }
    if (upperHeader.contains("SENT AT") && upperHeader.contains("DIRECTION")) {
      return "invitations";
    }
    return null;
  }

  static void main(Path input, Path dir) {
    try {
      Summary s = write(input, dir);
      System.out.printf("flattened %d exports: %d files, %.1f MB%n", s.exports(), s.files(), s.bytes() / 1e6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
