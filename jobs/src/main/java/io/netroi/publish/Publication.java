package io.netroi.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's all-or-nothing publication (design.md "Running", docs/publishing.md). {@link #begin}
 * opens a new version folder beside the current one and carries into it whatever the job will not
 * rewrite; the job writes into {@link #root()}; {@link #publish} marks the version complete, switches
 * {@code CURRENT} to it in one atomic step and removes versions that are no longer kept. A run that
 * dies before the switch leaves the current version untouched; its unfinished folder is removed by
 * the next publication.
 */
public final class Publication {
  private static final Logger LOG = LoggerFactory.getLogger(Publication.class);

  /** The config key that carries the output folder (qualified) while netroi.out names the new version. */
  public static final String ROOT_KEY = "netroi.publish.root";

  private final Versions versions;
  private final String id;
  private final String previous;

  private Publication(Versions versions, String id, String previous) {
    this.versions = versions;
    this.id = id;
    this.previous = previous;
  }

  /** The output folder a job publishes to (netroi.out when it runs outside a publication, as in tests). */
  public static String outputRoot(io.netroi.config.NetroiConfig config) {
    return config.find(ROOT_KEY).orElseGet(() -> config.get("netroi.out"));
  }

  /**
   * Opens version {@code id} under {@code out}. Tables of the current version that are not in
   * {@code rewritten}, and its reports, are carried over (hard links on a local disk, copies
   * elsewhere), so a stage run on its own still yields a complete version.
   */
  public static Publication begin(Configuration conf, String out, String id, Set<String> rewritten) {
    Versions v = Versions.at(conf, out);
    v.adoptUnversionedLayout();
    String current = v.current().orElse(null);
    if (current != null) {
      v.markPublished(current); // a run killed between its switch and its marker
      carryOver(v, current, id, rewritten);
    }
    v.create(id);
    LOG.info("run {} writes version {}", id, v.root(id));
    return new Publication(v, id, current);
  }

  /** The folder the job writes: its {@code tables/} and {@code reports/} (the job's netroi.out). */
  public String root() {
    return versions.root(id).toString();
  }

  public String id() {
    return id;
  }

  /** The qualified output folder. */
  public String out() {
    return versions.out().toString();
  }

  /** The folder of the version that was current when this run began, if there was one. */
  public java.util.Optional<String> previousRoot() {
    return java.util.Optional.ofNullable(previous).map(p -> versions.root(p).toString());
  }

  /** The folders of every version left under versions/ (after {@link #publish}: the kept ones). */
  public java.util.List<String> versionRoots() {
    return versions.all().stream().map(v -> versions.root(v).toString()).toList();
  }

  /**
   * A line the job printed, with this version's folder replaced by the stable path readers use: on a
   * local disk {@code <out>/...} through the links; elsewhere the version's own folder stays.
   */
  public String published(String line, String out) {
    String root = root();
    return versions.local() ? line.replace(root, out.replaceAll("/+$", "")) : line;
  }

  /** Marks the version complete, switches CURRENT to it, then keeps the newest {@code keep} versions. */
  public void publish(int keep) {
    if (keep < 1) {
      throw new io.netroi.config.ConfigException("netroi.publish.keep.versions must be at least 1, got " + keep);
    }
    KillPoint.at("before-complete");
    versions.markComplete(id);
    KillPoint.at("before-switch");
    versions.switchTo(id);
    versions.markPublished(id);
    LOG.info("published version {} as {}", id, versions.out());
    versions.removeOld(id, keep);
  }

  private static void carryOver(Versions v, String current, String id, Set<String> rewritten) {
    try {
      FileSystem fs = v.fs();
      Path from = v.root(current);
      Path to = v.root(id);
      Path tables = new Path(from, "tables");
      if (fs.exists(tables)) {
        for (FileStatus t : fs.listStatus(tables)) {
          if (t.isDirectory() && !rewritten.contains(t.getPath().getName())) {
            v.linkOrCopy(t.getPath(), new Path(new Path(to, "tables"), t.getPath().getName()));
          }
        }
      }
      Path reports = new Path(from, "reports");
      if (fs.exists(reports)) {
        v.linkOrCopy(reports, new Path(to, "reports"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot carry version " + current + " over into " + id, e);
    }
  }
}
