package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same arguments, same bytes (whatever the thread count); another seed, other data. */
class DeterminismTest {
  static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        try {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          out.put(root.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  @Test
  void sameArgumentsGiveIdenticalBytes(@TempDir Path a, @TempDir Path b, @TempDir Path c) throws IOException {
    Generator.run(new Generator.Options(a, Sample.MEMBERS, Sample.MESSAGES, Sample.SEED, true, 1));
    Generator.run(new Generator.Options(b, Sample.MEMBERS, Sample.MESSAGES, Sample.SEED, true, 3));
    Map<String, String> da = digests(a);
    assertEquals(da, digests(b), "thread count does not change the output");
    assertEquals(da, digests(Sample.dir()), "a third run (2 threads) too");
    Generator.run(new Generator.Options(c, Sample.MEMBERS, Sample.MESSAGES, Sample.SEED + 1, true, 2));
    Map<String, String> dc = digests(c);
    assertNotEquals(da.get("roster.csv"), dc.get("roster.csv"), "another seed, other people");
    assertNotEquals(da.get("truth.json"), dc.get("truth.json"));
  }

  @Test
  void quirksCanBeSwitchedOff(@TempDir Path d) throws IOException {
    Generator.run(new Generator.Options(d, 4, 400, 11, false, 2));
    Map<String, String> files = digests(d);
    assertEquals(0, files.keySet().stream().filter(f -> f.startsWith("exports/m01/Basic_")).count(), "no corrupt zip");
    String truth = Files.readString(d.resolve("truth.json"));
    assertEquals(-1, truth.indexOf("unsafe_zip_entry"));
    assertEquals(-1, truth.indexOf("empty_file"));
  }

  @Test
  void tinyRunsWork(@TempDir Path d) throws IOException {
    Generator.run(new Generator.Options(d, 1, 50, 1, true, 1));
    Generator.run(new Generator.Options(d.resolve("three"), 3, 300, 2, true, 2));
    assertEquals(true, Files.exists(d.resolve("three/truth.json")));
  }
}
