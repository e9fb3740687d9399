package io.netroi.identity;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the pseudonymisation key of a run. The key is always the UTF-8 bytes of a trimmed text,
 * wherever it comes from, so pasting a key file's content into {@code netroi.key} yields the
 * same contact keys. In order:
 *
 * <ol>
 *   <li>{@code netroi.key}: the text itself;
 *   <li>{@code netroi.key.file}: the text in that file (it must exist and not be blank);
 *   <li>local runs only: {@code ~/.netroi/hmac.key}, created on first use with 32 random bytes
 *       written as 64 hex characters, the directory {@code rwx------} and the file
 *       {@code rw-------}, then reused so reruns stay comparable;
 *   <li>otherwise a {@link ConfigException} that says how to provide a key.
 * </ol>
 * The key itself is never logged; only where it came from.
 */
public final class KeySource {
  private KeySource() {}

  private static final Logger LOG = LoggerFactory.getLogger(KeySource.class);

  public static final String KEY = "netroi.key";
  public static final String KEY_FILE = "netroi.key.file";
  static final String LOCAL_DIR = ".netroi";
  static final String LOCAL_FILE = "hmac.key";
  private static final int GENERATED_KEY_BYTES = 32;
  private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

  /** The key for this run, with the local key under {@code user.home}. */
  public static byte[] load(NetroiConfig config, boolean localRun) {
    return load(config, localRun, Paths.get(System.getProperty("user.home")));
  }

  /** As {@link #load(NetroiConfig, boolean)} with the local key under {@code home}. */
  public static byte[] load(NetroiConfig config, boolean localRun, Path home) {
    var inline = config.find(KEY);
    if (inline.isPresent()) {
      LOG.info("pseudonymisation key: from configuration key {}", KEY);
      return inline.get().getBytes(StandardCharsets.UTF_8);
    }
    var file = config.find(KEY_FILE);
    if (file.isPresent()) {
      Path path = Paths.get(file.get());
      LOG.info("pseudonymisation key: from file {} ({})", path, KEY_FILE);
      return readKeyFile(path, KEY_FILE + "=" + path);
    }
    if (!localRun) {
      throw new ConfigException("no pseudonymisation key for a cluster run: set " + KEY_FILE
          + "=/path/to/key-file (a file readable by the driver holding the key text) or " + KEY
          + "=<key text> in the --config file or with --conf. Keep the same key for every run so "
          + "contact keys stay comparable; a key is generated automatically only for local runs.");
    }
    return localKey(home);
  }

  private static byte[] localKey(Path home) {
    Path dir = home.resolve(LOCAL_DIR);
    Path keyFile = dir.resolve(LOCAL_FILE);
    if (Files.exists(keyFile)) {
      LOG.info("pseudonymisation key: reusing local key {}", keyFile);
      warnIfShared(keyFile);
      return readKeyFile(keyFile, "local key file " + keyFile);
    }
    try {
      createPrivateDirectory(dir);
      createKeyFile(dir, keyFile);
    } catch (IOException e) {
      throw new ConfigException("cannot create the local pseudonymisation key " + keyFile + ": "
          + e.getMessage() + "; set " + KEY + " or " + KEY_FILE + " instead", e);
    }
    return readKeyFile(keyFile, "local key file " + keyFile);
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      warnIfShared(dir);
      return;
    }
    if (isPosix(dir.getParent())) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS));
      Files.setPosixFilePermissions(dir, DIR_PERMISSIONS);
    } else {
      Files.createDirectories(dir);
      ownerOnly(dir);
    }
  }

  /**
   * Writes a fresh key to a private temporary file and links it into place, so a concurrent
   * run never reads a half-written key; if another run won the race, its key is kept.
   */
  private static void createKeyFile(Path dir, Path keyFile) throws IOException {
    boolean posix = isPosix(dir);
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS)}
        : new FileAttribute<?>[0];
    Path tmp = Files.createTempFile(dir, LOCAL_FILE, ".tmp", attrs);
    try {
      if (posix) {
        Files.setPosixFilePermissions(tmp, FILE_PERMISSIONS);
      } else {
        ownerOnly(tmp);
      }
      byte[] random = new byte[GENERATED_KEY_BYTES];
      new SecureRandom().nextBytes(random);
      Files.write(tmp, (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.UTF_8));
      try {
        Files.createLink(keyFile, tmp);
        LOG.info("pseudonymisation key: created local key {} (owner-only); keep it to keep contact "
            + "keys comparable across runs", keyFile);
      } catch (FileAlreadyExistsException e) {
        LOG.info("pseudonymisation key: another run created {} first; reusing it", keyFile);
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(keyFile)) {
          LOG.info("pseudonymisation key: another run created {} first; reusing it", keyFile);
        } else {
          Files.move(tmp, keyFile);
          LOG.info("pseudonymisation key: created local key {} (owner-only)", keyFile);
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static byte[] readKeyFile(Path path, String what) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read the pseudonymisation key from " + what + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
    if (text.isEmpty()) {
      throw new ConfigException("the pseudonymisation key in " + what + " is empty");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isPosix(Path path) {
    Path p = path;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void ownerOnly(Path path) {
    java.io.File f = path.toFile();
    boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
        & f.setWritable(false, false) & f.setWritable(true, true);
    if (Files.isDirectory(path)) {
      ok &= f.setExecutable(false, false) & f.setExecutable(true, true);
    }
    if (!ok) {
      LOG.warn("could not restrict {} to its owner; check its permissions", path);
    }
  }

  private static void warnIfShared(Path path) {
    try {
      if (isPosix(path)) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        boolean shared = perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        if (shared) {
          LOG.warn("{} is accessible to other users ({}); restrict it with chmod go-rwx", path,
              PosixFilePermissions.toString(perms));
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot check the permissions of {}: {}", path, e.getMessage());
    }
  }
}
