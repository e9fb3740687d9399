package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The written files have the real headers, preambles, encodings and layouts. */
class FormatsTest {
  private static Path root() {
    return Sample.dir();
  }

  private static String firstLine(String text, int n) {
    return text.split("\n", -1)[n - 1].replace("\r", "");
  }

  private static JsonNode file(String member, String kind, String contains) {
    for (JsonNode f : Sample.truth().get("files")) {
      if (member.equals(f.get("member_id").asText()) && f.get("kind").asText().equals(kind)
          && f.get("source_file").asText().contains(contains)) {
        return f;
      }
    }
    throw new AssertionError("no " + kind + " file for " + member + " containing " + contains);
  }

  @Test
  void connectionsHaveTheNotesPreambleAndTheHeaderOnLineFour() {
    String source = file("m01", "connections", ".zip!Connections.csv").get("source_file").asText();
    String text = Sample.text(Sample.bytes(root(), source));
    assertEquals("Notes:", firstLine(text, 1));
    assertTrue(firstLine(text, 2).startsWith("\"When exporting your connection data"));
    assertEquals("", firstLine(text, 3));
    assertEquals("First Name,Last Name,URL,Email Address,Company,Position,Connected On", firstLine(text, 4));
    String y2021 = Sample.text(Sample.bytes(root(), file("m03", "connections", "").get("source_file").asText()));
    assertEquals("Notes:", firstLine(y2021, 1));
    assertEquals("First Name,Last Name,Email Address,Company,Position,Connected On", firstLine(y2021, 4));
    String y2020 = Sample.text(Sample.bytes(root(), file("m04", "connections", "").get("source_file").asText()));
    assertEquals("First Name,Last Name,Email Address,Company,Position,Connected On", firstLine(y2020, 1));
  }

  @Test
  void excelResaveIsWindows1252WithCrlfAndShortDates() {
    String source = file("m05", "connections", "").get("source_file").asText();
    byte[] b = Sample.bytes(root(), source);
    assertFalse(Sample.validUtf8(b), "Windows-1252 bytes are not valid UTF-8");
    String text = new String(b, People.WINDOWS_1252);
    assertTrue(text.contains("\r\n"));
    for (String c : List.of("é", "ñ", "ü")) {
      assertTrue(text.contains(c), "has a name with " + c);
    }
    assertTrue(text.split("\r\n")[1].matches(".*,\\d{2}-[A-Z][a-z]{2}-\\d{2}"), text.split("\r\n")[1]);
  }

  @Test
  void bomOnlyWherePlanted() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] m02 = Sample.bytes(root(), file("m02", "messages", "").get("source_file").asText());
    byte[] head = new byte[] {m02[0], m02[1], m02[2]};
    assertArrayEquals(bom, head);
    byte[] m01 = Sample.bytes(root(), file("m01", "messages", "").get("source_file").asText());
    assertEquals('C', m01[0]);
  }

  @Test
  void messagesHeadersPerVintage() {
    String[][] expect = {
        {"m01", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT"},
        {"m02", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"},
        {"m03", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER"},
        {"m04", "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER"},
        {"m05", "From,To,Date,Content"}};
    for (String[] e : expect) {
      String text = Sample.text(Sample.bytes(root(), file(e[0], "messages", "").get("source_file").asText()));
      assertEquals(e[1], firstLine(text, 1), e[0]);
    }
    assertTrue(file("m05", "messages", "").get("source_file").asText().endsWith("!Inbox.csv"));
    String inv2023 = Sample.text(Sample.bytes(root(), file("m02", "invitations", "").get("source_file").asText()));
    assertEquals("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl", firstLine(inv2023, 1));
    String inv2021 = Sample.text(Sample.bytes(root(), file("m03", "invitations", "").get("source_file").asText()));
    assertEquals("From,To,Sent At,Message,Direction", firstLine(inv2021, 1));
  }

  @Test
  void multiLineQuotedContentWithQuotesAndCommasAndHtml() {
    String text = Sample.text(Sample.bytes(root(), file("m01", "messages", "").get("source_file").asText()));
    assertTrue(text.contains("\"\""), "embedded quotes are doubled");
    assertTrue(text.matches("(?s).*,\"[^\"]*\n\n[^\"]*\",.*"), "a quoted field spanning lines");
    assertTrue(text.contains("<p class=\"\"spinmail-quill-editor__spin-break\"\">"), "HTML sponsored InMail");
    assertTrue(text.contains("Sponsored Conversation"));
    assertTrue(text.contains("LinkedIn Member,,"), "anonymous sender without URL");
    assertTrue(text.contains(",\"\"\n") || text.contains(",,Yes\n"), "a draft");
    String conns = Sample.text(Sample.bytes(root(), file("m01", "connections", "").get("source_file").asText()));
    assertTrue(conns.contains("\n,,,,,,\n"), "a line of only commas");
    assertTrue(conns.codePoints().anyMatch(cp -> cp > 0x2000), "emoji in a name");
    assertTrue(conns.contains("%C3%"), "percent-encoded profile slug");
    assertTrue(conns.matches("(?s).*\n[^,\n]+,[^,\n]+,https://[^,\n]+,,,,\\d{2} [A-Z][a-z]{2} \\d{4}\n.*"), "empty company and position");
  }

  @Test
  void archivesAndFolders() throws IOException {
    Path m01 = root().resolve("exports/m01");
    List<String> zips = new ArrayList<>();
    try (var s = Files.list(m01)) {
      s.forEach(p -> zips.add(p.getFileName().toString()));
    }
    Collections.sort(zips);
    assertEquals(2, zips.size(), zips.toString());
    Path good = m01.resolve(zips.stream().filter(z -> z.startsWith("Complete_LinkedInDataExport_")).findFirst().orElseThrow());
    try (ZipFile z = new ZipFile(good.toFile())) {
      List<String> names = z.stream().map(java.util.zip.ZipEntry::getName).toList();
      assertTrue(names.containsAll(List.of("Connections.csv", "messages.csv", "Invitations.csv", "Profile.csv",
          "Skills.csv", "guide_messages.csv", "../escape.csv")), names.toString());
    }
    Path corrupt = m01.resolve(zips.stream().filter(z -> z.startsWith("Basic_")).findFirst().orElseThrow());
    assertThrows(IOException.class, () -> new ZipFile(corrupt.toFile()).close());
    assertThrows(IOException.class, () -> {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(corrupt))) {
        while (in.getNextEntry() != null) {
          in.readAllBytes();
        }
      }
    });
    // m06: older Basic zip + newer Complete export inside the doubled Windows folder
    Path m06 = root().resolve("exports/m06");
    assertTrue(Files.isRegularFile(m06.resolve("Basic_LinkedInDataExport_03-02-2025.zip")));
    assertTrue(Files.isRegularFile(m06.resolve(
        "Complete_LinkedInDataExport_11-10-2025/Complete_LinkedInDataExport_11-10-2025/messages.csv")));
    // m07: German file names, English headers
    JsonNode german = file("m07", "connections", "Verbindungen.csv");
    String text = Sample.text(Sample.bytes(root(), german.get("source_file").asText()));
    assertEquals("First Name,Last Name,URL,Email Address,Company,Position,Connected On", firstLine(text, 4));
    file("m07", "messages", "Nachrichten.csv");
    file("m07", "invitations", "Einladungen.csv");
    // m04: the empty Invitations.csv
    Path empty = root().resolve(Sample.truth().get("file_rejects").findValues("source_file").stream()
        .map(JsonNode::asText).filter(s -> s.endsWith("Invitations.csv")).findFirst().orElseThrow());
    assertEquals(0, Files.size(empty));
    assertFalse(Files.exists(root().resolve("exports/m09")), "m09 has no export");
    assertTrue(Files.exists(root().resolve("exports/m10")), "m10 (no consent) has an export that must not be read");
  }

  @Test
  void crmAndSideFiles() throws IOException {
    assertEquals("member_id,display_name,team,profile_url,timezone,consent",
        firstLine(Files.readString(root().resolve("roster.csv")), 1));
    assertEquals(String.join(",", Outcomes.CANONICAL), firstLine(Files.readString(root().resolve("outcomes.csv")), 1));
    String hub = Files.readString(root().resolve("outcomes/hubspot-deals.csv"));
    assertEquals("Record ID,Deal Name,Deal Stage,Pipeline,Amount,Deal Currency Code,Close Date,Create Date,Deal owner,"
        + "Associated Contact,Associated Company,LinkedIn URL,Introduced By", firstLine(hub, 1));
    assertTrue(hub.contains(",closedwon,") && hub.contains(",closedlost,"));
    assertTrue(hub.matches("(?s).*,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},.*"));
    assertEquals("currency,rate,quarter", firstLine(Files.readString(root().resolve("fx.csv")), 1));
    assertEquals("identifier", firstLine(Files.readString(root().resolve("erasures.csv")), 1));
    String inter = Files.readString(root().resolve("interactions/activities.csv"));
    assertEquals(String.join(",", Outcomes.INTERACTIONS), firstLine(inter, 1));
    assertTrue(inter.matches("(?s).*,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2}),.*"));
    try (InputStream in = Files.newInputStream(root().resolve("truth.json"))) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).endsWith("}\n"));
    }
  }

  @Test
  void sampleIsSmall() throws IOException {
    long[] size = {0};
    try (var walk = Files.walk(root())) {
      walk.filter(Files::isRegularFile).forEach(p -> size[0] += p.toFile().length());
    }
    assertTrue(size[0] < 5_000_000, size[0] + " bytes");
  }
}
