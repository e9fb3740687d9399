package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --url-vintages-only}: every member's export is one whose rows all carry profile URLs. */
class UrlVintagesOnlyTest {
  @Test
  void everyMembersVintageCarriesUrlsEverywhere() {
    for (long seed : new long[] {7, 11, 12345}) {
      for (int n : new int[] {1, 6, 10, 40}) {
        Plan plan = new Plan(seed, n, 100_000, false, true);
        for (Plan.Member m : plan.members) {
          assertTrue(m.vintage.urlsEverywhere(), "seed " + seed + ", " + n + " members: " + m.id + " has " + m.vintage);
        }
      }
    }
  }

  @Test
  void withoutTheOptionOlderVintagesStayInTheMix() {
    Plan plan = new Plan(11, 10, 100_000, false);
    assertFalse(plan.members.stream().allMatch(m -> m.vintage.urlsEverywhere()), "2021, 2020 and 2017 exports");
    assertEquals(plan.members.size(), new Plan(11, 10, 100_000, false, true).members.size());
  }

  @Test
  void laterMembersDrawOnly2025Or2023() {
    for (double u = 0; u < 1; u += 0.01) {
      assertTrue(Plan.laterVintage(u, true).urlsEverywhere(), "draw " + u);
    }
    assertEquals(Vintage.V2021, Plan.laterVintage(0.95, false));
  }

  @Test
  void everyMessagesFileHasRecipientUrls(@TempDir Path d) throws IOException {
    Generator.run(new Generator.Options(d, 8, 2000, 11, false, 2, true));
    List<String> headers = messageHeaders(d.resolve("exports"));
    assertTrue(headers.size() >= 6, "one messages file per member with an export: " + headers.size());
    for (String h : headers) {
      assertTrue(h.contains("SENDER PROFILE URL") && h.contains("RECIPIENT PROFILE URLS"), h);
    }
  }

  /** The header line of every messages file (by the generator's names, German included), in zips or folders. */
  private static List<String> messageHeaders(Path exports) throws IOException {
    List<String> out = new ArrayList<>();
    try (var walk = Files.walk(exports)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".zip")) {
          try (ZipFile z = new ZipFile(f.toFile())) {
            for (var e : Collections.list(z.entries())) {
              if (isMessages(e.getName().substring(e.getName().lastIndexOf('/') + 1))) {
                try (InputStream in = z.getInputStream(e)) {
                  out.add(firstLine(in.readAllBytes()));
                }
              }
            }
          }
        } else if (isMessages(name)) {
          out.add(firstLine(Files.readAllBytes(f)));
        }
      }
    }
    return out;
  }

  private static boolean isMessages(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("messages.csv") || n.equals("nachrichten.csv");
  }

  private static String firstLine(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}
