package io.netroi.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.netroi.spark.Tables;
import io.netroi.testing.CompareTables;
import io.netroi.testing.SparkTestBase;
import io.netroi.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All-or-nothing publishing under SIGKILL, and reruns giving the same tables (issue 6, items 2-3).
 * Runs bin/netroi on the built jar against sample-data: one complete pipeline, then runs killed at
 * several points (in the middle of one of ingest's Parquet writes, after the relationships stage's
 * last table, with every table and report written but CURRENT not yet switched),
 * each followed by a check that the published version is the first run's, byte for byte, and still
 * readable; then a complete rerun that succeeds, removes the dead runs' folders and yields the same
 * tables as the first run.
 */
class PublishKillIT extends SparkTestBase {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final long RUN_MINUTES = 8;
  /** A copy of the first run's published version, taken right after it was published. */
  private Path snapshot;

  @Test
  void aKilledRunLeavesThePublishedVersionIntactAndTheNextRunSucceeds() throws Exception {
    Path out = Files.createTempDirectory("netroi-kill");
    snapshot = Files.createTempDirectory("netroi-kill-snapshot");
    Path logs = Files.createTempDirectory("netroi-kill-logs");

    assertEquals(0, run(out, logs.resolve("first.log"), "pipeline", null).waitFor());
    String first = current(out);
    Trees.copy(out.resolve("versions").resolve(first), snapshot);

    List<String> killed = new ArrayList<>();
    killed.add(killWhileWriting(out, logs.resolve("mid-write.log")));
    killed.add(killAt(out, logs.resolve("quarters.log"), "pipeline", "table:relationship_quarters"));
    killed.add(killAt(out, logs.resolve("switch.log"), "report", "before-switch"));
    for (String id : killed) {
      assertNotEquals(first, id);
    }

    Process rerun = run(out, logs.resolve("rerun.log"), "pipeline", null);
    assertEquals(0, rerun.waitFor(), "the run after the kills failed: " + Files.readString(logs.resolve("rerun.log")));
    String second = current(out);
    assertNotEquals(first, second);
    assertEquals(Set.of(first, second), versionFolders(out), "dead runs' folders are removed, 2 versions kept");
    assertEquals(List.of(), CompareTables.differences(spark(), snapshot.toString(), out.toString()),
        "a rerun on the same inputs yields the same tables");
  }

  /** Pauses a run at {@code point}, SIGKILLs it there, checks the published version; returns the dead run's id. */
  private String killAt(Path out, Path log, String job, String point) throws Exception {
    String before = current(out);
    Process p = run(out, log, job, point);
    waitFor(() -> Files.readString(log).contains("netroi: paused at " + point), p, log);
    String dead = newestVersion(out);
    p.destroyForcibly().waitFor();
    assertPublishedIntact(out, before, dead);
    return dead;
  }

  /** SIGKILLs a pipeline the moment a Parquet write of the new version is under way. */
  private String killWhileWriting(Path out, Path log) throws Exception {
    String before = current(out);
    Process p = run(out, log, "pipeline", null);
    waitFor(() -> writing(out, before), p, log);
    String dead = newestVersion(out);
    p.destroyForcibly().waitFor();
    assertPublishedIntact(out, before, dead);
    return dead;
  }

  /**
   * CURRENT and the links still name the published version; its files are byte for byte the copy
   * taken after it was published; Spark reads every table through {@code <out>/tables} with the
   * copy's row count (the bytes being equal, the rows are); the dead run's folder was never published.
   */
  private void assertPublishedIntact(Path out, String published, String dead) throws IOException {
    assertEquals(published, current(out), "CURRENT still names the published version");
    assertEquals(out.resolve("versions").resolve(published).toRealPath(), out.resolve("current").toRealPath());
    assertFalse(Files.exists(out.resolve("versions").resolve(dead).resolve(Versions.PUBLISHED)));
    assertSameFiles(snapshot, out.resolve("current"));
    for (String table : io.netroi.pipeline.Pipeline.TABLES) {
      assertEquals(Tables.read(spark(), snapshot.toString(), table).count(),
          Tables.read(spark(), out.toString(), table).count(), table + " reads back with every row");
    }
    assertEquals(published, Tables.read(spark(), out.toString(), "run_manifest").first().getAs("run_id"));
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    List<Path> left = files(a);
    assertEquals(left.stream().map(a::relativize).toList(), files(b).stream().map(b::relativize).toList());
    for (Path f : left) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir.toRealPath())) {
      Path real = dir.toRealPath();
      return s.filter(Files::isRegularFile).map(p -> dir.resolve(real.relativize(p).toString())).sorted().toList();
    }
  }

  private static boolean writing(Path out, String published) throws IOException {
    try (Stream<Path> s = Files.walk(out.resolve("versions"), 4)) {
      return s.anyMatch(p -> p.getFileName().toString().equals("_temporary") && !p.startsWith(
          out.resolve("versions").resolve(published)));
    }
  }

  private static Process run(Path out, Path log, String job, String pauseAt) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/netroi").toString(), job,
        "--input", ROOT.resolve("sample-data").toString(), "--out", out.toString(),
        "--conf", "netroi.key=kill-test-key", "--conf", "netroi.identity.map=" + out + "-identity-map",
        "--conf", "netroi.stats.bootstrap.replicates=100")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("NETROI_NO_BUILD", "1");
    pb.environment().put("NETROI_MASTER", "local[2]");
    pb.environment().put("NETROI_DRIVER_MEMORY", "2g");
    if (pauseAt != null) {
      pb.environment().put("NETROI_JAVA_OPTS", "-D" + KillPoint.PROPERTY + "=" + pauseAt);
    }
    return pb.start();
  }

  interface Check {
    boolean holds() throws IOException;
  }

  private static void waitFor(Check check, Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RUN_MINUTES);
    while (!check.holds()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new AssertionError("the run ended or took too long before the kill point:\n" + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  private static String current(Path out) throws IOException {
    return Files.readString(out.resolve(Versions.CURRENT), StandardCharsets.UTF_8).trim();
  }

  private static Set<String> versionFolders(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("versions"))) {
      return s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static String newestVersion(Path out) throws IOException {
    return ((TreeSet<String>) versionFolders(out)).last();
  }
}
