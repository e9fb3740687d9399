package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.generate.Rows.Parsed;
import io.netroi.generate.Rows.Rec;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Recomputes, from the written files alone, each member's relationship opener styles, 30-day
 * replies and outbound session openers by the rules of design.md, and checks them against the
 * counts truth.json recorded while generating. This proves the planted effect is in the data as
 * written (formats, time zones, exclusions and the two overlapping exports included).
 */
class OpenersReadBackTest {
  private static final long DAY = 86_400;
  private static final Pattern PITCH = Texts.cuePattern(Texts.PITCH_CUES);
  private static final Pattern INTRO = Texts.cuePattern(Texts.INTRO_CUES);
  private static final DateTimeFormatter INBOX = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.US);
  private static final DateTimeFormatter INVITATION = DateTimeFormatter.ofPattern("M/d/yy, h:mm a", Locale.US);

  /** A counted message. */
  record Msg(long ts, String conv, String from, Set<String> people, String text) {}

  static final class Contact {
    final List<Msg> direct = new ArrayList<>();
    long outNote = Long.MAX_VALUE;
    String outNoteText;
    long inNote = Long.MAX_VALUE;
    long introduced = Long.MAX_VALUE;
    long group = Long.MAX_VALUE;
    boolean known;
    String url;
  }

  private static long epoch(String date, ZoneId zone) {
    if (date.endsWith(" UTC")) {
      return LocalDateTime.parse(date.substring(0, 19).replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
    } else if (date.contains("T")) {
      return LocalDateTime.parse(date).toEpochSecond(ZoneOffset.UTC);
    }
    return LocalDateTime.parse(date, INBOX).atZone(zone).toEpochSecond();
  }

  @Test
  void openersRecomputedFromTheFilesMatchTruth() {
    Path root = Sample.dir();
    JsonNode truth = Sample.truth();
    Set<String> erased = new HashSet<>();
    truth.get("identity").get("erased").get("identifiers").forEach(n -> erased.add(n.asText()));
    Set<Long> noRejects = Set.of();
    Map<String, ZoneId> zones = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Set<String> colleagues = new HashSet<>();
    for (JsonNode m : truth.get("members").get("list")) {
      zones.put(m.get("member_id").asText(), ZoneId.of(m.get("timezone").asText()));
      colleagues.add(m.get("profile_url").asText());
    }
    Parsed roster = Rows.parse(Sample.text(Sample.bytes(root, "roster.csv")), false);
    for (Rec r : roster.rows()) {
      names.put(r.get(roster.header(), "member_id"), r.get(roster.header(), "display_name"));
      colleagues.add(r.get(roster.header(), "display_name"));
    }
    Map<String, Set<Long>> rejects = new HashMap<>();
    truth.get("rejects").forEach(r -> rejects.computeIfAbsent(r.get("source_file").asText(), k -> new HashSet<>())
        .add(r.get("row_number").asLong()));
    Map<String, List<JsonNode>> files = new TreeMap<>();
    for (JsonNode f : truth.get("files")) {
      if (!f.get("member_id").isNull()) {
        files.computeIfAbsent(f.get("member_id").asText(), k -> new ArrayList<>()).add(f);
      }
    }
    int members = 0;
    for (JsonNode expected : truth.get("by_member")) {
      String member = expected.get("member_id").asText();
      String me = names.get(member);
      ZoneId zone = zones.get(member);
      Map<String, Contact> contacts = new HashMap<>();
      Set<List<String>> seen = new HashSet<>();
      List<Msg> msgs = new ArrayList<>();
      for (JsonNode f : files.get(member)) {
        String source = f.get("source_file").asText();
        String kind = f.get("kind").asText();
        Parsed p = Rows.parse(Sample.text(Sample.bytes(root, source)), kind.equals("connections"));
        List<String> h = p.header();
        Set<Long> bad = rejects.getOrDefault(source, noRejects);
        Map<String, Set<String>> participants = Rows.participants(kind, p);
        for (Rec r : p.rows()) {
          if (bad.contains(r.line()) || !Rows.reasons(kind, h, r, erased, participants, Set.of()).isEmpty()
              || !seen.add(r.values())) {
            continue;
          }
          switch (kind) {
            case "messages" -> {
              String date = r.get(h, h.contains("DATE") ? "DATE" : "Date");
              Set<String> people = participants.get(Rows.conversation(h, r));
              msgs.add(new Msg(epoch(date, zone), Rows.conversation(h, r), Rows.from(h, r), people, Rows.content(h, r)));
            }
            case "connections" -> {
              String name = r.get(h, "First Name") + " " + r.get(h, "Last Name");
              contact(contacts, name, colleagues, r.get(h, "URL")).known = true;
            }
            case "invitations" -> {
              boolean out = r.get(h, "Direction").equals("OUTGOING");
              String other = out ? r.get(h, "To") : r.get(h, "From");
              String url = out ? r.get(h, "inviteeProfileUrl") : r.get(h, "inviterProfileUrl");
              Contact c = contact(contacts, other, colleagues, url);
              c.known = true;
              String note = r.get(h, "Message");
              long ts = LocalDateTime.parse(r.get(h, "Sent At"), INVITATION).atZone(zone).toEpochSecond();
              if (!note.isEmpty() && out) {
                c.outNote = Math.min(c.outNote, ts);
                c.outNoteText = note;
              } else if (!note.isEmpty()) {
                c.inNote = Math.min(c.inNote, ts);
              }
            }
            default -> { }
          }
        }
      }
      // conversations: one-to-one, 3-4 person groups, introductions
      Map<String, List<Msg>> byConv = new HashMap<>();
      msgs.sort((a, b) -> Long.compare(a.ts(), b.ts()));
      for (Msg q : msgs) {
        byConv.computeIfAbsent(q.conv(), k -> new ArrayList<>()).add(q);
      }
      long outbound = 0;
      long outboundReplied = 0;
      for (List<Msg> conv : byConv.values()) {
        Set<String> people = conv.get(0).people();
        List<String> others = people.stream().filter(x -> !x.equals(me)).toList();
        if (others.stream().anyMatch(colleagues::contains)) {
          continue;
        }
        if (people.size() == 2) {
          Contact c = contact(contacts, others.get(0), colleagues, null);
          c.direct.addAll(conv);
          // sessions: split after 90 days of silence; an opener is answered within 30 x 24 h
          for (int i = 0; i < conv.size(); i++) {
            if (i == 0 || conv.get(i).ts() - conv.get(i - 1).ts() > 90 * DAY) {
              Msg opener = conv.get(i);
              if (opener.from().equals(me)) {
                outbound++;
                if (answeredWithin(conv, i, me, 30 * DAY)) {
                  outboundReplied++;
                }
              }
            }
          }
        } else {
          Msg opening = conv.get(0);
          boolean intro = people.size() == 3 && INTRO.matcher(opening.text()).find();
          for (String o : others) {
            Contact c = contact(contacts, o, colleagues, null);
            if (intro && !opening.from().equals(me) && !opening.from().equals(o)) {
              c.introduced = Math.min(c.introduced, opening.ts());
            } else {
              c.group = Math.min(c.group, opening.ts());
            }
          }
        }
      }
      Map<String, Long> rels = new TreeMap<>();
      Map<String, Long> replied = new TreeMap<>();
      for (Contact c : contacts.values()) {
        long firstDirect = c.direct.isEmpty() ? Long.MAX_VALUE : c.direct.get(0).ts();
        long first = Math.min(Math.min(firstDirect, c.outNote), Math.min(c.inNote, Math.min(c.introduced, c.group)));
        String style;
        boolean answered = false;
        if (first == Long.MAX_VALUE) {
          style = "silent";
        } else if (first == c.introduced) {
          style = "introduced";
          answered = !c.direct.isEmpty() && c.direct.get(0).from().equals(me) && answeredWithin(c.direct, 0, me, 30 * DAY);
        } else if (first == c.group) {
          throw new AssertionError("a relationship must not start in a group thread: " + member);
        } else if (first == c.outNote) {
          style = PITCH.matcher(c.outNoteText).find() ? "pitch" : "relationship";
          answered = c.direct.stream().anyMatch(q -> !q.from().equals(me) && q.ts() >= c.outNote
              && q.ts() - c.outNote <= 30 * DAY);
        } else if (first == c.inNote) {
          style = "inbound";
        } else if (c.direct.get(0).from().equals(me)) {
          style = PITCH.matcher(c.direct.get(0).text()).find() ? "pitch" : "relationship";
          answered = answeredWithin(c.direct, 0, me, 30 * DAY);
        } else {
          style = "inbound";
        }
        rels.merge(style, 1L, Long::sum);
        if (answered) {
          replied.merge(style, 1L, Long::sum);
        }
      }
      JsonNode styles = expected.get("relationships_by_style");
      for (String style : List.of("relationship", "pitch", "inbound", "introduced", "silent")) {
        assertEquals(styles.get(style).get("relationships").asLong(), rels.getOrDefault(style, 0L),
            member + " relationships of style " + style);
        if (styles.get(style).has("replied_30d")) {
          assertEquals(styles.get(style).get("replied_30d").asLong(), replied.getOrDefault(style, 0L),
              member + " replied within 30 days, style " + style);
        }
      }
      assertEquals(expected.get("outbound_session_openers").asLong(), outbound, member + " outbound session openers");
      assertEquals(expected.get("outbound_session_openers_replied_30d").asLong(), outboundReplied,
          member + " outbound session openers answered within 30 days");
      members++;
    }
    assertTrue(members >= 7);
  }

  private static boolean answeredWithin(List<Msg> conv, int opener, String me, long window) {
    boolean mine = conv.get(opener).from().equals(me);
    for (int j = opener + 1; j < conv.size(); j++) {
      Msg q = conv.get(j);
      if (q.from().equals(me) != mine) {
        return q.ts() - conv.get(opener).ts() <= window;
      }
    }
    return false;
  }

  /**
   * Contacts keyed by name (unique within one export), except a second person with the same name
   * and another profile URL (the planted twins), who gets their own entry.
   */
  private static Contact contact(Map<String, Contact> contacts, String name, Set<String> colleagues, String url) {
    if (colleagues.contains(name) || (url != null && colleagues.contains(url))) {
      return new Contact();
    }
    Contact c = contacts.get(name);
    if (c == null) {
      c = new Contact();
      c.url = url;
      contacts.put(name, c);
      return c;
    }
    if (url != null && !url.isEmpty() && c.url != null && !c.url.isEmpty() && !c.url.equals(url)) {
      return contacts.computeIfAbsent(name + "#" + url, k -> new Contact());
    }
    if (c.url == null || c.url.isEmpty()) {
      c.url = url;
    }
    return c;
  }
}
