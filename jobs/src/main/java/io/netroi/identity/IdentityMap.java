package io.netroi.identity;

import static org.apache.spark.sql.functions.col;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The private identifier-to-key map (docs/identity.md "Erasure"): one row per identifier of a run,
 * {@code identifier_hash} (HMAC-SHA256 of {@code <type>:<value>} under the run's key, so the map
 * holds no raw URL or email) and the {@code contact_key} it resolved to. {@code erase} hashes the
 * identifiers on the erasure list the same way and so finds a person whatever identifier their key
 * was made from. It lives beside the key, never under the output folder:
 * {@code <base>/<output id>/<run id>/}, with {@code <base>} = {@code netroi.identity.map}, else the
 * key file's folder + {@code /identity-map} (the local key's {@code ~/.netroi} when none is named).
 */
public final class IdentityMap {
  public static final String BASE = "netroi.identity.map";

  private IdentityMap() {}

  /** The map's folder for one run of one output folder. */
  public static String location(NetroiConfig config, boolean localRun, String outputRoot, String runId) {
    return base(config, localRun) + "/" + outputId(outputRoot) + "/" + runId;
  }

  /** All maps of one output folder. */
  static String ofOutput(NetroiConfig config, boolean localRun, String outputRoot) {
    return base(config, localRun) + "/" + outputId(outputRoot);
  }

  /** Whether a map folder can be named for this run (a cluster run needs a key file or netroi.identity.map). */
  public static boolean configured(NetroiConfig config, boolean localRun) {
    return localRun || config.find(BASE).isPresent() || config.find(KeySource.KEY_FILE).isPresent();
  }

  static String base(NetroiConfig config, boolean localRun) {
    var set = config.find(BASE);
    if (set.isPresent()) {
      return set.get().replaceAll("/+$", "");
    }
    var keyFile = config.find(KeySource.KEY_FILE);
    if (keyFile.isPresent()) {
      return Paths.get(keyFile.get()).toAbsolutePath().getParent().resolve("identity-map").toUri().toString()
          .replaceAll("/+$", "");
    }
    if (!localRun) {
      throw new ConfigException("set " + BASE + " to a private folder the driver can write (beside the key, "
          + "never under the output folder): erase finds people through the identifier map kept there");
    }
    return Paths.get(System.getProperty("user.home"), KeySource.LOCAL_DIR, "identity-map").toUri().toString()
        .replaceAll("/+$", "");
  }

  /** A stable folder name for an output folder: the first 16 hex of SHA-256 of its qualified path. */
  static String outputId(String outputRoot) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(outputRoot.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hashes {@code identifier}; keeps identifier_hash and contact_key, one row per pair. */
  public static Dataset<Row> of(Dataset<Row> identifierKeys, byte[] key) {
    return Pseudonyms.withHmac(identifierKeys.select("identifier", "contact_key"), key, col("identifier"),
        "identifier_hash").select("identifier_hash", "contact_key").distinct();
  }

  /** Writes the map owner-only (on a local disk the base folder is made rwx------). */
  public static void write(Dataset<Row> map, String location) {
    try {
      Path p = new Path(location);
      FileSystem fs = p.getFileSystem(map.sparkSession().sparkContext().hadoopConfiguration());
      Path base = p.getParent().getParent();
      fs.mkdirs(base);
      fs.setPermission(base, new FsPermission((short) 0700));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the identity map folder for " + location, e);
    }
    map.write().mode(SaveMode.Overwrite).parquet(location);
  }

  /** The contact keys of the given identifiers ({@code <type>:<value>}) in the map at {@code location}. */
  public static Dataset<Row> keysOf(SparkSession spark, String location, byte[] key, Collection<String> identifiers) {
    Dataset<Row> wanted = spark.createDataset(List.copyOf(identifiers), Encoders.STRING()).toDF("identifier");
    Dataset<Row> hashed = Pseudonyms.withHmac(wanted, key, col("identifier"), "identifier_hash");
    return spark.read().parquet(location).join(hashed, "identifier_hash").select("contact_key").distinct();
  }

  /** Removes this output folder's maps of runs not in {@code runIds}. */
  public static void retain(SparkSession spark, NetroiConfig config, boolean localRun, String outputRoot,
      Set<String> runIds) {
    Path dir = new Path(ofOutput(config, localRun, outputRoot));
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        if (!runIds.contains(s.getPath().getName())) {
          fs.delete(s.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the identity maps under " + dir, e);
    }
  }

  public static boolean exists(SparkSession spark, String location) {
    try {
      Path p = new Path(location);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(new Path(p, "_SUCCESS"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
