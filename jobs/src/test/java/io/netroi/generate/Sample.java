package io.netroi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One generated folder shared by the test classes (generated once per JVM): 10 members, so every
 * vintage and quirk is present, and small enough to keep the suite fast.
 */
final class Sample {
  static final int MEMBERS = 10;
  static final long MESSAGES = 3000;
  static final long SEED = 7;

  private static Path dir;
  private static JsonNode truth;

  private Sample() {}

  static synchronized Path dir() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("netroi-generate-test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
        Generator.run(new Generator.Options(d, MEMBERS, MESSAGES, SEED, true, 2));
        dir = d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  static synchronized JsonNode truth() {
    if (truth == null) {
      try {
        truth = new ObjectMapper().readTree(dir().resolve("truth.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return truth;
  }

  /** Raw bytes of a source_file as docs/inputs.md names it (zip entries as zip!entry). */
  static byte[] bytes(Path root, String sourceFile) {
    try {
      int bang = sourceFile.indexOf('!');
      if (bang < 0) {
        return Files.readAllBytes(root.resolve(sourceFile));
      }
      try (ZipFile z = new ZipFile(root.resolve(sourceFile.substring(0, bang)).toFile())) {
        ZipEntry e = z.getEntry(sourceFile.substring(bang + 1));
        if (e == null) {
          throw new IllegalArgumentException("no entry " + sourceFile);
        }
        try (var in = z.getInputStream(e)) {
          return in.readAllBytes();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean validUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Text as a careful reader decodes it: UTF-8 when valid (BOM dropped), else Windows-1252. */
  static String text(byte[] b) {
    String s = validUtf8(b) ? new String(b, StandardCharsets.UTF_8) : new String(b, People.WINDOWS_1252);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  static void delete(Path d) {
    try (var walk = Files.walk(d)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort on shutdown
    }
  }
}
