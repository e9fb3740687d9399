package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.generate.Rows.Parsed;
import io.netroi.generate.Rows.Rec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads every written file back with Commons CSV and checks it against truth.json with simple,
 * independent rules: the record count, the line of every rejected row, and each excluded row
 * matching exactly one exclusion rule (so every count is exact).
 */
class ReadBackTest {
  private static final Pattern DATE_IN_NAME = Pattern.compile("_LinkedInDataExport_(\\d{2})-(\\d{2})-(\\d{4})");
  private static final Map<String, Pattern> DATE_FORMATS = Map.of(
      "utc", Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"),
      "iso", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"),
      "inbox", Pattern.compile("(January|February|March|April|May|June|July|August|September|October|November|December) "
          + "\\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} (AM|PM)"),
      "connected", Pattern.compile("\\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}"),
      "excel", Pattern.compile("\\d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{2}"),
      "invitation", Pattern.compile("(1[0-2]|[1-9])/([1-9]|[12]\\d|3[01])/\\d{2}, (1[0-2]|[1-9]):[0-5]\\d (AM|PM)"));

  private static String key(JsonNode f) {
    return f.get("member_id").asText() + "|" + f.get("kind").asText();
  }

  @Test
  void everyFileReadsBackAsTruthSays() {
    Path root = Sample.dir();
    JsonNode truth = Sample.truth();
    Set<String> erased = new HashSet<>();
    truth.get("identity").get("erased").get("identifiers").forEach(n -> erased.add(n.asText()));
    Map<String, List<Long>> rejectLines = new HashMap<>();
    Map<String, String> rejectReasons = new HashMap<>();
    for (JsonNode r : truth.get("rejects")) {
      rejectLines.computeIfAbsent(r.get("source_file").asText(), k -> new ArrayList<>()).add(r.get("row_number").asLong());
      rejectReasons.put(r.get("source_file").asText() + "#" + r.get("row_number").asLong(), r.get("reason").asText());
    }
    // newer exports of the same member and kind, for the duplicate rule
    Map<String, List<JsonNode>> byMemberKind = new HashMap<>();
    for (JsonNode f : truth.get("files")) {
      byMemberKind.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
    }
    int checked = 0;
    for (JsonNode f : truth.get("files")) {
      String source = f.get("source_file").asText();
      String kind = f.get("kind").asText();
      Parsed p = Rows.parse(Sample.text(Sample.bytes(root, source)), kind.equals("connections"));
      assertNotNull(p.header(), "header found in " + source);
      assertEquals(f.get("read").asLong(), p.rows().size(), "records in " + source);
      Map<Long, Rec> byLine = new HashMap<>();
      p.rows().forEach(r -> byLine.put(r.line(), r));
      for (long line : rejectLines.getOrDefault(source, List.of())) {
        Rec r = byLine.get(line);
        assertNotNull(r, "a record starts on line " + line + " of " + source);
        checkReject(p.header(), r, rejectReasons.get(source + "#" + line), source);
      }
      Set<List<String>> newer = newerRows(root, f, byMemberKind.get(key(f)));
      Map<String, Long> excluded = exclusions(kind, p, erased, newer, rejectLines.getOrDefault(source, List.of()), source);
      Map<String, Long> expected = new TreeMap<>();
      f.get("excluded").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
      assertEquals(expected, excluded, "exclusions in " + source);
      checkDates(kind, p, rejectLines.getOrDefault(source, List.of()), source);
      checked++;
    }
    assertTrue(checked > 30, "checked " + checked + " files");
  }

  private static Set<List<String>> newerRows(Path root, JsonNode f, List<JsonNode> sameKind) {
    Set<List<String>> out = new HashSet<>();
    String source = f.get("source_file").asText();
    Matcher mine = DATE_IN_NAME.matcher(source);
    if (sameKind == null || sameKind.size() < 2 || !mine.find()) {
      return out;
    }
    String myDate = mine.group(3) + mine.group(1) + mine.group(2);
    for (JsonNode g : sameKind) {
      Matcher other = DATE_IN_NAME.matcher(g.get("source_file").asText());
      if (other.find() && (other.group(3) + other.group(1) + other.group(2)).compareTo(myDate) > 0) {
        Parsed p = Rows.parse(Sample.text(Sample.bytes(root, g.get("source_file").asText())), f.get("kind").asText().equals("connections"));
        p.rows().forEach(r -> out.add(r.values()));
      }
    }
    return out;
  }

  private static void checkReject(List<String> header, Rec r, String reason, String source) {
    switch (reason) {
      case "malformed_row" -> assertTrue(r.values().size() != header.size(), "field count differs: " + source);
      case "unparseable_date" -> {
        String d = r.get(header, header.contains("DATE") ? "DATE" : "Sent At");
        assertTrue(d.startsWith("0000-00-00") || d.startsWith("00/00/00"), d);
      }
      case "unidentifiable_contact" -> {
        assertEquals("", r.get(header, "First Name") + r.get(header, "Last Name") + r.get(header, "Email Address")
            + (header.contains("URL") ? r.get(header, "URL") : ""));
        assertTrue(!r.get(header, "Connected On").isEmpty(), "still has a date");
      }
      case "unknown_currency" -> assertTrue(Set.of("CHF").contains(r.get(header, "currency")));
      case "unknown_member" -> assertEquals("not-on-roster", r.get(header, "member_id"), source);
      default -> throw new AssertionError("unexpected reject reason " + reason);
    }
  }

  private static Map<String, Long> exclusions(String kind, Parsed p, Set<String> erased, Set<List<String>> newer,
      List<Long> rejected, String source) {
    Map<String, Set<String>> participants = Rows.participants(kind, p);
    Map<String, Long> out = new TreeMap<>();
    for (Rec r : p.rows()) {
      if (rejected.contains(r.line())) {
        continue;
      }
      List<String> reasons = Rows.reasons(kind, p.header(), r, erased, participants, newer);
      assertTrue(reasons.size() <= 1, "one reason per row, got " + reasons + " at line " + r.line() + " of " + source);
      reasons.forEach(x -> out.merge(x, 1L, Long::sum));
    }
    return out;
  }

  private static void checkDates(String kind, Parsed p, List<Long> rejected, String source) {
    List<String> h = p.header();
    for (Rec r : p.rows()) {
      if (rejected.contains(r.line()) || r.empty()) {
        continue;
      }
      switch (kind) {
        case "messages" -> {
          String d = h.contains("DATE") ? r.get(h, "DATE") : r.get(h, "Date");
          String fmt = h.contains("DIRECTION") ? "iso" : h.contains("Date") ? "inbox" : "utc";
          assertTrue(DATE_FORMATS.get(fmt).matcher(d).matches(), d + " in " + source);
        }
        case "connections" -> {
          String d = r.get(h, "Connected On");
          assertTrue(DATE_FORMATS.get("connected").matcher(d).matches() || DATE_FORMATS.get("excel").matcher(d).matches(),
              d + " in " + source);
        }
        case "invitations" -> assertTrue(DATE_FORMATS.get("invitation").matcher(r.get(h, "Sent At")).matches(),
            r.get(h, "Sent At") + " in " + source);
        default -> { }
      }
    }
  }
}
