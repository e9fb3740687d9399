package io.netroi.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publication steps on a local disk, without Spark: tables are plain folders of files here. */
class VersionsTest {
  private static final Configuration CONF = new Configuration();

  private static void writeTable(String root, String table, String content) throws IOException {
    Path dir = Path.of(java.net.URI.create(root)).resolve("tables").resolve(table);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("part-0.parquet"), content);
  }

  private static String read(Path out, String table) throws IOException {
    return Files.readString(out.resolve("tables").resolve(table).resolve("part-0.parquet"));
  }

  private static Publication run(Path out, String id, Set<String> rewrites, String content) throws IOException {
    Publication p = Publication.begin(CONF, out.toString(), id, rewrites);
    for (String t : rewrites) {
      Path dir = Path.of(java.net.URI.create(p.root())).resolve("tables").resolve(t);
      if (Files.exists(dir)) { // as Spark's overwrite does: the folder goes, new files come
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
      writeTable(p.root(), t, content + ":" + t);
    }
    return p;
  }

  private static List<String> versions(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("versions"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aPublishedVersionIsWhatReadersSeeAndAStageRunCarriesTheRestOver(@TempDir Path out) throws IOException {
    run(out, "20260101T000000000Z-aaaaaa", Set.of("a", "b"), "v1").publish(2);
    assertEquals("20260101T000000000Z-aaaaaa", Files.readString(out.resolve("CURRENT")).trim());
    assertEquals("v1:a", read(out, "a"));

    Publication second = run(out, "20260102T000000000Z-bbbbbb", Set.of("b"), "v2");
    assertEquals("v1:b", read(out, "b"), "before the switch readers still see the first version");
    second.publish(2);
    assertEquals("v2:b", read(out, "b"));
    assertEquals("v1:a", read(out, "a"), "a was carried over");
    Path first = out.resolve("versions/20260101T000000000Z-aaaaaa/tables/a/part-0.parquet");
    Path carried = out.resolve("versions/20260102T000000000Z-bbbbbb/tables/a/part-0.parquet");
    assertTrue(Files.isSameFile(first, carried), "carried over as a hard link, not a copy");
    assertEquals("v1:b", Files.readString(out.resolve("versions/20260101T000000000Z-aaaaaa/tables/b/part-0.parquet")),
        "the previous version is untouched by the rewrite");
  }

  @Test
  void publishingKeepsTheNewestPublishedVersionsAndRemovesDeadRunsButNotNewerOnes(@TempDir Path out)
      throws IOException {
    run(out, "20260101T000000000Z-aaaaaa", Set.of("a"), "v1").publish(2);
    run(out, "20260102T000000000Z-bbbbbb", Set.of("a"), "v2").publish(2);
    run(out, "20260103T000000000Z-cccccc", Set.of("a"), "dead"); // never published
    Publication complete = run(out, "20260104T000000000Z-dddddd", Set.of("a"), "dead2");
    Versions.at(CONF, out.toString()).markComplete(complete.id()); // complete, killed before the switch
    Publication later = run(out, "20260105T000000000Z-eeeeee", Set.of("a"), "v3");
    run(out, "20260106T000000000Z-ffffff", Set.of("a"), "running"); // a newer run still going
    later.publish(2);
    assertEquals(List.of("20260102T000000000Z-bbbbbb", "20260105T000000000Z-eeeeee", "20260106T000000000Z-ffffff"),
        versions(out));
    assertEquals("v3:a", read(out, "a"));
    assertFalse(Files.exists(out.resolve("CURRENT.20260105T000000000Z-eeeeee.tmp")));
  }

  @Test
  void keepingOneRemovesEveryOlderVersion(@TempDir Path out) throws IOException {
    run(out, "20260101T000000000Z-aaaaaa", Set.of("a"), "v1").publish(2);
    run(out, "20260102T000000000Z-bbbbbb", Set.of("a"), "v2").publish(1);
    assertEquals(List.of("20260102T000000000Z-bbbbbb"), versions(out));
    assertThrows(io.netroi.config.ConfigException.class,
        () -> run(out, "20260103T000000000Z-cccccc", Set.of("a"), "v3").publish(0));
  }

  @Test
  void tablesWrittenBeforeVersionsExistedBecomeTheFirstVersion(@TempDir Path out) throws IOException {
    writeTable(out.toUri().toString(), "a", "old:a");
    writeTable(out.toUri().toString(), "b", "old:b");
    Files.createDirectories(out.resolve("reports/2026-Q1"));
    Files.writeString(out.resolve("reports/2026-Q1/report.html"), "<p>old</p>");
    run(out, "20260101T000000000Z-aaaaaa", Set.of("b"), "new").publish(2);
    assertEquals("old:a", read(out, "a"));
    assertEquals("new:b", read(out, "b"));
    assertEquals("<p>old</p>", Files.readString(out.resolve("reports/2026-Q1/report.html")));
    assertTrue(Files.isSymbolicLink(out.resolve("tables")));
    assertEquals(List.of(Versions.UNVERSIONED, "20260101T000000000Z-aaaaaa"), versions(out));
  }

  @Test
  void aPointerToAnIncompleteVersionIsAnError(@TempDir Path out) throws IOException {
    Files.createDirectories(out.resolve("versions/x"));
    Files.writeString(out.resolve("CURRENT"), "x\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Publication.begin(CONF, out.toString(), "20260101T000000000Z-aaaaaa", Set.of()));
    assertTrue(e.getMessage().contains("not complete"), e.getMessage());
  }

  @Test
  void runIdsSortInTimeOrder() throws InterruptedException {
    String a = RunIds.next();
    Thread.sleep(3);
    String b = RunIds.next();
    assertTrue(a.compareTo(b) < 0, a + " " + b);
    assertTrue(a.matches("\\d{8}T\\d{9}Z-[0-9a-f]{6}"), a);
  }
}
