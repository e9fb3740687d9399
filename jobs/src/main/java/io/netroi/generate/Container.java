package io.netroi.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Where an export's files go: a folder (possibly doubled by Windows "Extract All") or a zip. */
abstract class Container implements AutoCloseable {
  /** Path of the archive or folder relative to the input root, with '/' separators. */
  final String relative;

  Container(String relative) {
    this.relative = relative;
  }

  /** Opens an entry; the stream must be handed back to {@link #done(OutputStream)}. */
  abstract OutputStream open(String entry);

  abstract void done(OutputStream out);

  /** source_file as docs/inputs.md names it. */
  abstract String sourceFile(String entry);

  @Override
  public abstract void close();

  static Container zip(Path root, String relative, LocalDateTime entryTime) {
    return new Zip(root, relative, entryTime);
  }

  static Container folder(Path root, String relative, String inner) {
    return new Folder(root, relative, inner);
  }

  private static final class Zip extends Container {
    private final ZipOutputStream zip;
    private final LocalDateTime entryTime;

    Zip(Path root, String relative, LocalDateTime entryTime) {
      super(relative);
      this.entryTime = entryTime;
      try {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    OutputStream open(String entry) {
      ZipEntry e = new ZipEntry(entry);
      e.setTimeLocal(entryTime);
      try {
        zip.putNextEntry(e);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return zip;
    }

    @Override
    void done(OutputStream out) {
      try {
        zip.closeEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String sourceFile(String entry) {
      return relative + "!" + entry;
    }

    @Override
    public void close() {
      try {
        zip.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class Folder extends Container {
    private final Path dir;
    private final String prefix;

    Folder(Path root, String relative, String inner) {
      super(relative);
      this.prefix = inner == null ? relative + "/" : relative + "/" + inner + "/";
      this.dir = root.resolve(prefix);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    OutputStream open(String entry) {
      try {
        return new BufferedOutputStream(Files.newOutputStream(dir.resolve(entry)), 1 << 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void done(OutputStream out) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String sourceFile(String entry) {
      return prefix + entry;
    }

    @Override
    public void close() {}
  }
}
