package io.netroi.ingest.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds each member's exports under {@code exports/<member_id>/}: every zip and every file of an
 * unzipped export, at any depth. Works on any Hadoop file system.
 */
public final class ExportCatalog {
  private static final Pattern EXPORT_NAME =
      Pattern.compile("LinkedInDataExport_(\\d{2})-(\\d{2})-(\\d{4})", Pattern.CASE_INSENSITIVE);

  private ExportCatalog() {}

  /** The sources of one member, sorted by path; empty when the member has no export folder. */
  public static List<ExportSource> sources(FileSystem fs, Path inputRoot, String memberId) {
    Path memberDir = new Path(new Path(inputRoot, "exports"), memberId);
    List<ExportSource> out = new ArrayList<>();
    try {
      if (!fs.exists(memberDir) || !fs.getFileStatus(memberDir).isDirectory()) {
        return out;
      }
      collect(fs, memberDir, memberDir, memberId, null, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + memberDir, e);
    }
    out.sort(Comparator.comparing(ExportSource::relativePath));
    return out;
  }

  private static void collect(FileSystem fs, Path dir, Path memberDir, String memberId, String exportDir,
      List<ExportSource> out) throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    java.util.Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || name.startsWith("__MACOSX")) {
        continue;
      }
      String rel = relative(memberDir, child.getPath());
      if (child.isDirectory()) {
        collect(fs, child.getPath(), memberDir, memberId, exportDir == null ? rel : exportDir, out);
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        out.add(new ExportSource(memberId, rel, dateFromName(rel), child.getPath().toUri().toString(),
            "exports/" + memberId + "/" + rel, true));
      } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        String export = exportDir == null ? "." : exportDir;
        out.add(new ExportSource(memberId, export, dateFromName(rel), child.getPath().toUri().toString(),
            "exports/" + memberId + "/" + rel, false));
      }
    }
  }

  /** The date in {@code ..._LinkedInDataExport_MM-DD-YYYY}, as ISO, or null. */
  public static String dateFromName(String path) {
    Matcher m = EXPORT_NAME.matcher(path);
    String found = null;
    while (m.find()) {
      try {
        found = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2))).toString();
      } catch (java.time.DateTimeException e) {
        // not a real date: keep looking, else fall back to the latest message
      }
    }
    return found;
  }

  private static String relative(Path base, Path child) {
    String b = base.toUri().getPath();
    String c = child.toUri().getPath();
    return c.startsWith(b + "/") ? c.substring(b.length() + 1) : child.getName();
  }
}
