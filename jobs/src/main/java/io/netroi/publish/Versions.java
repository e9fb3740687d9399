package io.netroi.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The published layout of an output folder and the file-system steps on it:
 * <pre>
 * &lt;out&gt;/CURRENT                      id of the published version (the only thing a switch changes)
 * &lt;out&gt;/versions/&lt;id&gt;/tables/&lt;table&gt;/ one complete set of tables
 * &lt;out&gt;/versions/&lt;id&gt;/reports/&lt;q&gt;/    the reports of that version
 * &lt;out&gt;/versions/&lt;id&gt;/COMPLETE         written once every table and report is in place
 * &lt;out&gt;/versions/&lt;id&gt;/PUBLISHED        written once CURRENT has named it
 * &lt;out&gt;/current -&gt; versions/&lt;id&gt;      local disk only: links for notebooks and people,
 * &lt;out&gt;/tables  -&gt; current/tables      switched right after CURRENT
 * &lt;out&gt;/reports -&gt; current/reports
 * </pre>
 * Version ids sort in time order, so "older than" is string order.
 */
final class Versions {
  static final String CURRENT = "CURRENT";
  static final String COMPLETE = "COMPLETE";
  /** Written right after CURRENT named the version: it was what readers saw, so it may be kept. */
  static final String PUBLISHED = "PUBLISHED";
  /** The id given to tables found in the layout used before versions existed (sorts first). */
  static final String UNVERSIONED = "00000000T000000000Z-unversioned";
  /** Object stores: no atomic rename, but a single PUT replaces an object atomically. */
  private static final Set<String> OBJECT_STORES = Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs",
      "oss", "cos", "cosn");

  private final Configuration conf;
  private final FileSystem fs;
  private final Path out;

  private Versions(Configuration conf, FileSystem fs, Path out) {
    this.conf = conf;
    this.fs = fs;
    this.out = out;
  }

  static Versions at(Configuration conf, String out) {
    try {
      Path p = new Path(out.replaceAll("/+$", ""));
      FileSystem fs = p.getFileSystem(conf);
      fs.setWriteChecksum(false); // no .crc side files beside CURRENT and COMPLETE on a local disk
      return new Versions(conf, fs, fs.makeQualified(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output folder " + out, e);
    }
  }

  FileSystem fs() {
    return fs;
  }

  Path out() {
    return out;
  }

  Path root(String id) {
    return new Path(new Path(out, "versions"), id);
  }

  boolean local() {
    return "file".equals(fs.getScheme());
  }

  private java.nio.file.Path nio(Path p) {
    return java.nio.file.Path.of(fs.makeQualified(p).toUri());
  }

  /** The ids of every folder under versions/. */
  List<String> all() {
    try {
      Path dir = new Path(out, "versions");
      List<String> ids = new ArrayList<>();
      if (fs.exists(dir)) {
        for (FileStatus s : fs.listStatus(dir)) {
          if (s.isDirectory()) {
            ids.add(s.getPath().getName());
          }
        }
      }
      ids.sort(Comparator.naturalOrder());
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the versions under " + out, e);
    }
  }

  /** The published version's id, if any. */
  Optional<String> current() {
    Path pointer = new Path(out, CURRENT);
    try {
      if (!fs.exists(pointer)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(pointer)) {
        String id = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!fs.exists(new Path(root(id), COMPLETE))) {
          throw new IllegalStateException(pointer + " names version " + id + ", which is not complete under "
              + root(id));
        }
        return Optional.of(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  void create(String id) {
    try {
      fs.mkdirs(new Path(root(id), "tables"));
      fs.mkdirs(new Path(root(id), "reports"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root(id), e);
    }
  }

  void markComplete(String id) {
    writeFile(new Path(root(id), COMPLETE), id);
  }

  void markPublished(String id) {
    Path marker = new Path(root(id), PUBLISHED);
    try {
      if (!fs.exists(marker)) {
        writeFile(marker, id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + marker, e);
    }
  }

  /**
   * A folder of tables written before versions existed ({@code <out>/tables} as a real folder and no
   * CURRENT) becomes the first version, so the next run carries it over and readers keep a path.
   */
  void adoptUnversionedLayout() {
    try {
      Path tables = new Path(out, "tables");
      if (fs.exists(new Path(out, CURRENT)) || !fs.exists(tables) || (local() && Files.isSymbolicLink(nio(tables)))) {
        return;
      }
      fs.mkdirs(root(UNVERSIONED));
      fs.rename(tables, new Path(root(UNVERSIONED), "tables"));
      Path reports = new Path(out, "reports");
      if (fs.exists(reports)) {
        fs.rename(reports, new Path(root(UNVERSIONED), "reports"));
      }
      markComplete(UNVERSIONED);
      switchTo(UNVERSIONED);
      markPublished(UNVERSIONED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the unversioned tables of " + out + " into a version", e);
    }
  }

  /** The atomic step: CURRENT names {@code id}; then, on a local disk, the convenience links follow. */
  void switchTo(String id) {
    Path pointer = new Path(out, CURRENT);
    try {
      if (local()) {
        java.nio.file.Path tmp = nio(new Path(out, CURRENT + "." + id + ".tmp"));
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, nio(pointer), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        switchLinks(id);
      } else if (OBJECT_STORES.contains(fs.getScheme())) {
        writeFile(pointer, id + "\n");
      } else {
        Path tmp = new Path(out, CURRENT + "." + id + ".tmp");
        writeFile(tmp, id + "\n");
        FileContext.getFileContext(out.toUri(), conf).rename(tmp, pointer, Options.Rename.OVERWRITE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + pointer + " to version " + id, e);
    }
  }

  private void switchLinks(String id) throws IOException {
    java.nio.file.Path dir = nio(out);
    java.nio.file.Path tmp = dir.resolve("current." + id + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, java.nio.file.Path.of("versions", id));
    Files.move(tmp, dir.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    for (String name : List.of("tables", "reports")) {
      java.nio.file.Path link = dir.resolve(name);
      if (!Files.isSymbolicLink(link)) {
        Files.createSymbolicLink(link, java.nio.file.Path.of("current", name));
      }
    }
  }

  /**
   * Removes every version older than {@code id} except the newest {@code keep - 1} published ones:
   * unfinished ones and complete ones never switched to (runs that died) go too. Newer folders belong
   * to a run still going and stay.
   */
  void removeOld(String id, int keep) {
    try {
      Path dir = new Path(out, "versions");
      List<String> older = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.compareTo(id) < 0) {
          older.add(name);
        }
      }
      older.sort(Comparator.reverseOrder());
      int kept = 1;
      for (String name : older) {
        boolean published = fs.exists(new Path(root(name), PUBLISHED));
        if (published && kept < keep) {
          kept++;
        } else {
          fs.delete(root(name), true);
        }
      }
      removeStalePointerFiles();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove old versions under " + out, e);
    }
  }

  private void removeStalePointerFiles() throws IOException {
    for (FileStatus s : fs.listStatus(out)) {
      String name = s.getPath().getName();
      if ((name.startsWith(CURRENT + ".") || name.startsWith("current.")) && name.endsWith(".tmp")) {
        fs.delete(s.getPath(), false);
      }
    }
  }

  /** Hard links on a local disk (files are never rewritten in place), copies elsewhere. */
  void linkOrCopy(Path from, Path to) throws IOException {
    if (!local()) {
      FileUtil.copy(fs, from, fs, to, false, true, conf);
      return;
    }
    java.nio.file.Path src = nio(from);
    java.nio.file.Path dst = nio(to);
    try (Stream<java.nio.file.Path> walk = Files.walk(src)) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) walk::iterator) {
        java.nio.file.Path target = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createLink(target, p);
        }
      }
    }
  }

  private void writeFile(Path file, String text) {
    try (OutputStream os = fs.create(file, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
