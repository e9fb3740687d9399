package io.netroi.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test-side reading of the written files: records with their start line, and the exclusion rules of docs/inputs.md. */
final class Rows {
  private Rows() {}

  record Rec(long line, List<String> values) {
    String get(List<String> header, String column) {
      int i = header.indexOf(column);
      return i < 0 || i >= values.size() ? null : values.get(i);
    }

    boolean empty() {
      return values.stream().allMatch(String::isEmpty);
    }
  }

  record Parsed(List<String> header, List<Rec> rows) {}

  static Parsed parse(String text, boolean connections) {
    List<Integer> lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
    List<String> header = null;
    List<Rec> rows = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT)) {
      for (CSVRecord r : p) {
        int pos = (int) r.getCharacterPosition();
        int idx = java.util.Collections.binarySearch(lineStarts, pos);
        long line = (idx >= 0 ? idx : -idx - 2) + 1;
        List<String> values = r.toList();
        if (header == null) {
          if (connections && !values.get(0).equals("First Name")) {
            continue;
          }
          header = values;
          continue;
        }
        rows.add(new Rec(line, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Parsed(header, rows);
  }


  static Map<String, Set<String>> participants(String kind, Parsed p) {
    Map<String, Set<String>> participants = new HashMap<>();
    if (kind.equals("messages")) {
      for (Rec r : p.rows()) {
        if (!r.empty()) {
          participants.computeIfAbsent(conversation(p.header(), r), k -> new TreeSet<>()).addAll(people(p.header(), r));
        }
      }
    }
    return participants;
  }

  /** Every exclusion rule a row matches (docs/inputs.md order); the generator plants at most one. */
  static List<String> reasons(String kind, List<String> h, Rec r, Set<String> erased,
      Map<String, Set<String>> participants, Set<List<String>> newer) {
    List<String> reasons = new ArrayList<>();
    if (r.empty()) {
      reasons.add("empty_row");
    }
    switch (kind) {
      case "messages" -> {
        String urls = nz(r.get(h, "SENDER PROFILE URL")) + ";" + nz(r.get(h, "RECIPIENT PROFILE URLS"));
        if (Arrays.stream(urls.split(";")).anyMatch(erased::contains)) {
          reasons.add("erased");
        }
        String folder = nz(r.get(h, "FOLDER"));
        String content = content(h, r);
        if (folder.equals("SPAM")) {
          reasons.add("spam");
        }
        if ("Yes".equals(r.get(h, "IS MESSAGE DRAFT")) || folder.equals("DRAFT")) {
          reasons.add("draft");
        }
        if (content.equals(Texts.REQUEST_ACCEPTED) || content.equals(Texts.LEFT_CONVERSATION)) {
          reasons.add("system");
        }
        if (nz(r.get(h, "CONVERSATION TITLE")).contains("Sponsored") || content.contains("spinmail-quill-editor")) {
          reasons.add("sponsored");
        }
        if (from(h, r).equals("LinkedIn Member")) {
          reasons.add("linkedin_member");
        }
        if (!r.empty() && participants.get(conversation(h, r)).size() >= 5) {
          reasons.add("large_group");
        }
      }
      case "connections" -> {
        if (erased.contains(nz(r.get(h, "URL"))) || erased.contains(nz(r.get(h, "Email Address")))) {
          reasons.add("erased");
        }
      }
      case "roster" -> {
        if (r.get(h, "consent").equals("no")) {
          reasons.add("no_consent");
        }
      }
      case "outcomes" -> {
        String stage = r.get(h, "Deal Stage");
        if (stage != null && !stage.equals("closedwon")) {
          reasons.add("not_won");
        }
      }
      default -> { }
    }
    if (newer.contains(r.values())) {
      reasons.add("duplicate");
    }
    return reasons;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  static String from(List<String> h, Rec r) {
    return nz(r.get(h, h.contains("FROM") ? "FROM" : "From"));
  }

  static String content(List<String> h, Rec r) {
    return nz(r.get(h, h.contains("CONTENT") ? "CONTENT" : "Content"));
  }

  static String conversation(List<String> h, Rec r) {
    String id = r.get(h, "CONVERSATION ID");
    return id != null ? id : String.join("|", people(h, r));
  }

  static Set<String> people(List<String> h, Rec r) {
    Set<String> s = new TreeSet<>();
    s.add(from(h, r));
    for (String to : nz(r.get(h, h.contains("TO") ? "TO" : "To")).split(",")) {
      if (!to.isEmpty()) {
        s.add(to);
      }
    }
    return s;
  }
}
