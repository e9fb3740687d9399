package io.netroi.io;

import io.netroi.ingest.files.TextDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Small input files read on the driver (roster, outcomes, fx, erasures) through Hadoop FS. */
public final class InputFiles {
  private final FileSystem fs;
  private final Path root;
  private final Map<String, FileRead> reads = new LinkedHashMap<>();

  public InputFiles(Path root, Configuration conf) {
    try {
      this.fs = root.getFileSystem(conf);
      this.root = fs.makeQualified(root);
    } catch (IOException e) {
      throw new InputException(root.toString(), "cannot open the input folder: " + e.getMessage(), e);
    }
    if (!exists("")) {
      throw new InputException(root.toString(), "input folder does not exist");
    }
  }

  public FileSystem fs() {
    return fs;
  }

  public Path root() {
    return root;
  }

  public Path resolve(String relative) {
    return relative.isEmpty() ? root : new Path(root, relative);
  }

  public boolean exists(String relative) {
    try {
      return fs.exists(resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text file as read: decoded text plus size and checksum for the run manifest. */
  public record TextFile(String relativePath, String text, String encoding, long bytes, String sha256) {}

  /** What was read, without the text: for the run manifest. */
  public record FileRead(String relativePath, long bytes, String sha256, String encoding) {}

  /** Every file {@link #read} has read so far, in reading order. */
  public List<FileRead> filesRead() {
    return List.copyOf(reads.values());
  }

  public TextFile read(String relative) {
    Path p = resolve(relative);
    try (InputStream in = fs.open(p)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] bytes = new DigestInputStream(in, sha).readAllBytes();
      TextDecoding.Decoded d = TextDecoding.decode(bytes);
      TextFile file = new TextFile(relative, d.text(), d.encoding(), bytes.length, HexFormat.of().formatHex(sha.digest()));
      reads.put(relative, new FileRead(relative, file.bytes(), file.sha256(), file.encoding()));
      return file;
    } catch (IOException e) {
      throw new InputException(relative, "cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Relative paths of the CSV files directly in a folder, sorted; empty when it does not exist. */
  public List<String> csvFilesIn(String folder) {
    if (!exists(folder)) {
      return List.of();
    }
    try {
      FileStatus[] st = fs.listStatus(resolve(folder));
      Arrays.sort(st, Comparator.comparing(s -> s.getPath().getName()));
      List<String> out = new ArrayList<>();
      for (FileStatus s : st) {
        if (s.isFile() && s.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
          out.add(folder + "/" + s.getPath().getName());
        }
      }
      return out;
    } catch (IOException e) {
      throw new InputException(folder, "cannot list: " + e.getMessage(), e);
    }
  }
}
