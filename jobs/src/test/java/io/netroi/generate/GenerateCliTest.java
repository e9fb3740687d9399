package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netroi generate from the command line: options, refusal to overwrite, --force. */
class GenerateCliTest {
  @Test
  void generatesRefusesToOverwriteAndReplacesWithForce(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("gen");
    String[] args = {"generate", "--out", out.toString(), "--members", "3", "--messages", "300", "--seed", "5"};
    assertEquals(0, Main.run(args));
    assertTrue(Files.exists(out.resolve("truth.json")));
    assertEquals(2, Main.run(args), "a non-empty folder needs --force");
    String before = Files.readString(out.resolve("truth.json"));
    String[] forced = {"generate", "--out", out.toString(), "--members", "3", "--messages", "300", "--seed", "5", "--force"};
    assertEquals(0, Main.run(forced));
    assertEquals(before, Files.readString(out.resolve("truth.json")));
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertEquals(2, Main.run(forced), "never deletes a folder holding other files");
    assertTrue(Files.exists(out.resolve("notes.txt")));
  }

  @Test
  void rejectsBadArguments(@TempDir Path dir) {
    assertEquals(2, Main.run("generate", "--out", dir.resolve("x").toString(), "--members", "0"));
    assertEquals(2, Main.run("generate", "--members", "3"));
  }
}
