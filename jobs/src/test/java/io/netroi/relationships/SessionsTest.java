package io.netroi.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SessionsTest extends RelationshipTestBase {
  private Map<String, Row> summary(Inputs in) {
    return byContact(Sessions.summary(Sessions.annotate(in.build().interactions(), P)));
  }

  private static long openers(Row r) {
    return r.getAs("outbound_openers");
  }

  private static long replied(Row r) {
    return r.getAs("outbound_openers_replied");
  }

  @Test
  void anAnswerAtExactlyThirtyDaysCountsOneSecondLaterDoesNot() {
    Map<String, Row> s = summary(new Inputs()
        .message("exact", "2025-01-01T00:00:00Z", "out", "k1").message("exact", "2025-01-31T00:00:00Z", "in", "k1")
        .message("late", "2025-01-01T00:00:00Z", "out", "k2").message("late", "2025-01-31T00:00:01Z", "in", "k2")
        .message("day31", "2025-01-01T00:00:00Z", "out", "k3").message("day31", "2025-02-01T00:00:00Z", "in", "k3"));
    assertEquals(1L, openers(s.get("exact")));
    assertEquals(1L, replied(s.get("exact")));
    assertEquals(720.0, (double) s.get("exact").getAs("median_response_hours_contact"), 1e-9);
    assertEquals(1L, openers(s.get("late")));
    assertEquals(0L, replied(s.get("late")));
    assertNull(s.get("late").getAs("median_response_hours_contact"));
    assertEquals(0L, replied(s.get("day31")));
  }

  @Test
  void aFollowUpBeforeTheAnswerIsNotANewOpener() {
    Row r = summary(new Inputs()
        .message("c", "2025-01-01T00:00:00Z", "out", "k1")
        .message("c", "2025-01-03T00:00:00Z", "out", "k1")
        .message("c", "2025-01-04T00:00:00Z", "in", "k1")).get("c");
    assertEquals(1L, openers(r));
    assertEquals(1L, replied(r));
    // the run starts with the first message: 3 days to the answer
    assertEquals(72.0, (double) r.getAs("median_response_hours_contact"), 1e-9);
  }

  @Test
  void moreThanNinetyDaysOfSilenceStartsASessionExactlyNinetyDoesNot() {
    Map<String, Row> s = summary(new Inputs()
        .message("gap", "2025-01-01T00:00:00Z", "out", "k1").message("gap", "2025-01-02T00:00:00Z", "in", "k1")
        .message("gap", "2025-04-02T00:00:01Z", "out", "k1").message("gap", "2025-04-03T00:00:00Z", "in", "k1")
        .message("same", "2025-01-01T00:00:00Z", "out", "k2").message("same", "2025-01-02T00:00:00Z", "in", "k2")
        .message("same", "2025-04-02T00:00:00Z", "out", "k2").message("same", "2025-04-03T00:00:00Z", "in", "k2")
        // the second session is opened by the contact: one outbound opener only
        .message("back", "2025-01-01T00:00:00Z", "out", "k3").message("back", "2025-01-02T00:00:00Z", "in", "k3")
        .message("back", "2025-06-01T00:00:00Z", "in", "k3").message("back", "2025-06-02T00:00:00Z", "out", "k3"));
    assertEquals(2L, openers(s.get("gap")));
    assertEquals(2L, replied(s.get("gap")));
    assertEquals(1L, openers(s.get("same")));
    assertEquals(1L, replied(s.get("same")));
    assertEquals(1L, openers(s.get("back")));
  }

  @Test
  void atTheSameInstantOutComesBeforeIn() {
    Row r = summary(new Inputs()
        .message("c", "2025-01-05T10:00:00Z", "in", "k1")
        .message("c", "2025-01-05T10:00:00Z", "out", "k1")).get("c");
    assertEquals(1L, openers(r));
    assertEquals(1L, replied(r));
    assertEquals(0.0, (double) r.getAs("median_response_hours_contact"), 1e-9);
    assertNull(r.getAs("median_response_hours_member"));
  }

  @Test
  void medianResponseHoursPerSideFromTheFirstMessageOfEachRun() {
    Row r = summary(new Inputs()
        .message("c", "2025-01-01T00:00:00Z", "out", "k1")
        .message("c", "2025-01-01T02:00:00Z", "in", "k1")   // contact: 2 h
        .message("c", "2025-01-01T02:30:00Z", "in", "k1")
        .message("c", "2025-01-01T03:30:00Z", "out", "k1")  // member: 1.5 h from 02:00
        .message("c", "2025-01-01T13:30:00Z", "in", "k1")   // contact: 10 h
        .message("c", "2025-01-01T14:30:00Z", "out", "k1")  // member: 1 h
        .message("c", "2025-01-01T15:30:00Z", "out", "k1")
        .message("c", "2025-02-03T23:30:00Z", "in", "k1")   // contact: 801 h from 14:30, outside the window
        .message("c", "2025-02-04T03:30:00Z", "out", "k1")) // member: 4 h
        .get("c");
    assertEquals(6.0, (double) r.getAs("median_response_hours_contact"), 1e-9);
    assertEquals(1.5, (double) r.getAs("median_response_hours_member"), 1e-9);
    assertEquals(1L, openers(r));
  }

  @Test
  void groupThreadsAndGenericInteractionsHaveNoSessions() {
    Map<String, Row> s = summary(new Inputs()
        .message(M, "group", "2025-01-01T00:00:00Z", "out", "g", 3, false, false)
        .message(M, "group", "2025-01-02T00:00:00Z", "in", "g", 3, false, false)
        .generic("mail", "2025-01-01T00:00:00Z", "out", "email")
        .generic("mail", "2025-01-02T00:00:00Z", "in", "email"));
    assertFalse(s.containsKey("group"));
    assertFalse(s.containsKey("mail"));
  }
}
