package io.netroi.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OpenersTest extends RelationshipTestBase {
  /** Openers of m1 observed until 2025-12-31 (UTC): observed_end 2026-01-01T00:00Z. */
  private Map<String, Row> openers(Inputs in) {
    RelationshipInputs observed = Observed.within(in.build(), windows("UTC", "2025-12-31"));
    return byContact(Openers.build(observed, Sessions.annotate(observed.interactions(), P), P));
  }

  /** at, source, style, replied, reply observed. */
  private static List<Object> opener(Row r) {
    return Arrays.asList(r.getAs(Openers.AT), r.getAs(Openers.SOURCE), r.getAs(Openers.STYLE),
        r.getAs(Openers.REPLIED), r.getAs(Openers.REPLY_OBSERVED));
  }

  private static List<Object> expected(String at, String source, String style, Boolean replied, Boolean observed) {
    return Arrays.asList(at(at), source, style, replied, observed);
  }

  @Test
  void messageOpeners() {
    Map<String, Row> o = openers(new Inputs()
        .connection("connOnly", "2025-01-15")
        .message("contactOpened", "2025-02-01T09:00:00Z", "in", "k1")
        .message("contactOpened", "2025-02-02T09:00:00Z", "out", "k1")
        // a vanilla invitation is no candidate; the pitch message opens
        .invitation("vanilla", "2025-05-01T00:00:00Z", "out", false, false)
        .message(M, "vanilla", "2025-05-10T00:00:00Z", "out", "k2", 2, true, false)
        // 17 days before the end of observation: not answered, and the window is not observed
        .message("late", "2025-12-15T00:00:00Z", "out", "k3")
        // a group-only contact has no opener
        .message(M, "group", "2025-03-01T00:00:00Z", "out", "g", 3, false, false));
    assertFalse(o.containsKey("connOnly"));
    assertFalse(o.containsKey("group"));
    assertEquals(expected("2025-02-01T09:00:00Z", "message", "inbound", null, null), opener(o.get("contactOpened")));
    assertEquals(expected("2025-05-10T00:00:00Z", "message", "pitch", false, true), opener(o.get("vanilla")));
    assertEquals(expected("2025-12-15T00:00:00Z", "message", "relationship", false, false), opener(o.get("late")));
  }

  @Test
  void invitationNotes() {
    String note = "2025-03-01T10:00:00Z";
    Map<String, Row> o = openers(new Inputs()
        // answered by a one-to-one message within 30 days
        .invitation("answered", note, "out", true, false).connection("answered", "2025-03-02")
        .message("answered", "2025-03-20T10:00:00Z", "in", "k1")
        // accepting is not answering
        .invitation("accepted", note, "out", true, false).connection("accepted", "2025-03-02")
        // a reply in a group thread is not a one-to-one answer
        .invitation("groupReply", note, "out", true, false)
        .message(M, "groupReply", "2025-03-05T00:00:00Z", "in", "g", 3, false, false)
        // exactly 720 h later vs one second more
        .invitation("exact", note, "out", true, false).message("exact", "2025-03-31T10:00:00Z", "in", "k2")
        .invitation("tooLate", note, "out", true, false).message("tooLate", "2025-03-31T10:00:01Z", "in", "k3")
        .invitation("pitch", "2025-04-01T00:00:00Z", "out", true, true)
        .message("pitch", "2025-04-05T00:00:00Z", "in", "k4")
        .invitation("incoming", "2025-05-01T00:00:00Z", "in", true, false)
        .message("incoming", "2025-05-02T00:00:00Z", "out", "k5")
        // a note and the contact's message at the same instant: the note wins, and is answered
        .invitation("tie", "2025-06-01T00:00:00Z", "out", true, false)
        .message("tie", "2025-06-01T00:00:00Z", "in", "k6"));
    assertEquals(expected(note, "invitation_note", "relationship", true, true), opener(o.get("answered")));
    assertEquals(expected(note, "invitation_note", "relationship", false, true), opener(o.get("accepted")));
    assertEquals(expected(note, "invitation_note", "relationship", false, true), opener(o.get("groupReply")));
    assertEquals(true, o.get("exact").getAs(Openers.REPLIED));
    assertEquals(false, o.get("tooLate").getAs(Openers.REPLIED));
    assertEquals(expected("2025-04-01T00:00:00Z", "invitation_note", "pitch", true, true), opener(o.get("pitch")));
    assertEquals(expected("2025-05-01T00:00:00Z", "invitation_note", "inbound", null, null), opener(o.get("incoming")));
    assertEquals(expected("2025-06-01T00:00:00Z", "invitation_note", "relationship", true, true), opener(o.get("tie")));
  }

  @Test
  void introductions() {
    String intro = "2025-02-10T12:00:00Z";
    Map<String, Row> o = openers(new Inputs()
        // ben introduces ana (the member's first opener to ana is answered) and cy (cy writes first)
        .introduction("i1", intro, false, "ben", "ana")
        .message(M, "ben", intro, "in", "i1", 3, false, false).message(M, "ana", intro, "in", "i1", 3, false, false)
        .message("ana", "2025-02-11T00:00:00Z", "out", "k1").message("ana", "2025-02-12T00:00:00Z", "in", "k1")
        .introduction("i2", intro, false, "ben", "cy")
        .message("cy", "2025-02-11T00:00:00Z", "in", "k2").message("cy", "2025-02-12T00:00:00Z", "out", "k2")
        // an introduction made by the member is no candidate for the introduced contact
        .introduction("i3", "2025-06-01T00:00:00Z", true, null, "dee")
        .message("dee", "2025-07-01T00:00:00Z", "out", "k3")
        // an earlier personalised note beats a later introduction
        .invitation("eve", "2025-01-01T00:00:00Z", "out", true, false)
        .introduction("i4", intro, false, "ben", "eve"));
    assertEquals(expected(intro, "introduction", "introduced", true, true), opener(o.get("ana")));
    assertEquals(expected(intro, "introduction", "introduced", false, true), opener(o.get("cy")));
    assertEquals(expected("2025-07-01T00:00:00Z", "message", "relationship", false, true), opener(o.get("dee")));
    assertEquals(expected("2025-01-01T00:00:00Z", "invitation_note", "relationship", false, true), opener(o.get("eve")));
    assertFalse(o.containsKey("ben"));
  }
}
