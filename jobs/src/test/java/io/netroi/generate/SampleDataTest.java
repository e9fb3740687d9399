package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample-data/ is exactly what bin/regenerate-sample writes today (a golden folder:
 * change the generator, rerun bin/regenerate-sample, commit both). Zips are compared by entry
 * contents, so a different zlib cannot fail the test.
 */
class SampleDataTest {
  private static Path committed() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("sample-data/truth.json")) && Files.isDirectory(p.resolve("jobs"))) {
        return p.resolve("sample-data");
      }
    }
    return null;
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    List<Path> files;
    try (var walk = Files.walk(root)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
    }
    for (Path p : files) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      if (Generator.KEPT.contains(rel)) {
        continue;
      }
      if (!rel.endsWith(".zip")) {
        out.put(rel, Files.readAllBytes(p));
        continue;
      }
      try (ZipFile z = new ZipFile(p.toFile())) {
        for (var e : z.stream().toList()) {
          try (var in = z.getInputStream(e)) {
            out.put(rel + "!" + e.getName(), in.readAllBytes());
          }
        }
      } catch (java.util.zip.ZipException corrupt) {
        out.put(rel, new byte[0]); // the planted corrupt zip: only its presence is compared
      }
    }
    return out;
  }

  @Test
  void committedSampleIsTheGeneratorsOutput(@TempDir Path fresh) throws IOException {
    Path sample = committed();
    Assumptions.assumeTrue(sample != null, "no sample-data/ checked out");
    Generator.run(new Generator.Options(fresh, 10, 6000, 7, true, 2));
    Map<String, byte[]> expected = contents(fresh);
    Map<String, byte[]> actual = contents(sample);
    assertEquals(expected.keySet(), actual.keySet(), "files in sample-data/ (rerun bin/regenerate-sample)");
    for (var e : expected.entrySet()) {
      assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey() + " differs (rerun bin/regenerate-sample)");
    }
    long size;
    try (var walk = Files.walk(sample)) {
      size = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertTrue(size < 5_000_000, "sample-data/ is " + size + " bytes");
  }
}
