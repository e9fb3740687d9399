package io.netroi.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RelationshipFactsTest extends RelationshipTestBase {
  private Map<String, Row> facts(Inputs in) {
    return byContact(RelationshipFacts.build(Observed.within(in.build(), windows("UTC", "2025-12-31")), P));
  }

  @Test
  void unionOfConnectionsMessagesInteractionsAndInvitations() {
    Row r = facts(new Inputs()
        .invitation("c", "2024-12-01T00:00:00Z", "out", false, false)
        .connection("c", "2025-01-20").connection("c", "2024-12-05")
        .message(M, "c", "2025-01-10T00:00:00Z", "out", "k1", 2, false, true)
        .message("c", "2025-01-11T00:00:00Z", "in", "k1")
        .message("c", "2025-04-01T00:00:00Z", "out", "k2")
        .generic("c", "2025-07-01T00:00:00Z", "in", "email")
        .generic("c", "2025-07-02T00:00:00Z", "out", "meeting")).get("c");
    assertEquals(true, r.getAs("is_connected"));
    assertEquals(day("2024-12-05"), r.getAs("connected_on"));
    assertEquals(at("2024-12-01T00:00:00Z"), r.getAs("first_touch_at"));
    assertEquals(at("2025-07-02T00:00:00Z"), r.getAs("last_touch_at"));
    assertEquals(at("2025-01-10T00:00:00Z"), r.getAs(Names.FIRST_INTERACTION_AT));
    assertEquals(List.of(2L, 1L, 1L, 1L), List.of(r.getAs("msgs_out"), r.getAs("msgs_in"), r.getAs("other_out"),
        r.getAs("other_in")));
    assertEquals(2L, (long) r.getAs("conversations"));
    assertEquals(true, r.getAs("is_two_way"));
    assertEquals(3, (int) r.getAs("active_quarters"));
    assertEquals(1.0 / 3, (double) r.getAs("social_share"), 1e-12);
    assertEquals(List.of("email", "linkedin", "meeting"), r.getList(r.fieldIndex("channels")));
    assertEquals(false, r.getAs("is_colleague"));
  }

  @Test
  void groupThreadsCountForMessagesAndTwoWay() {
    Row r = facts(new Inputs()
        .message(M, "g", "2025-02-01T00:00:00Z", "out", "g1", 3, false, false)
        .message(M, "g", "2025-02-02T00:00:00Z", "in", "g1", 4, false, false)).get("g");
    assertEquals(List.of(1L, 1L, 1L), List.of(r.getAs("msgs_out"), r.getAs("msgs_in"), r.getAs("conversations")));
    assertEquals(true, r.getAs("is_two_way"));
    assertEquals(false, r.getAs("is_connected"));
    assertNull(r.getAs("connected_on"));
  }

  @Test
  void oneWayInvitationOnlyAndColleagues() {
    Map<String, Row> f = facts(new Inputs()
        .generic("oneWay", "2025-03-01T00:00:00Z", "out", "email")
        .invitation("invited", "2025-03-01T00:00:00Z", "in", false, false)
        .connection(M, "colleague", "2025-01-01", true)
        .message("colleague", "2025-01-02T00:00:00Z", "out", "k1"));
    Row oneWay = f.get("oneWay");
    assertEquals(false, oneWay.getAs("is_two_way"));
    assertNull(oneWay.getAs("social_share"));
    assertEquals(0L, (long) oneWay.getAs("conversations"));
    Row invited = f.get("invited");
    assertEquals(at("2025-03-01T00:00:00Z"), invited.getAs("first_touch_at"));
    assertEquals(at("2025-03-01T00:00:00Z"), invited.getAs("last_touch_at"));
    assertNull(invited.getAs(Names.LAST_INTERACTION_AT));
    assertEquals(List.of(), invited.getList(invited.fieldIndex("channels")));
    assertEquals(0, (int) invited.getAs("active_quarters"));
    assertEquals(true, f.get("colleague").getAs("is_colleague"));
  }

  @Test
  void introductionsCountDistinctConversationsAsIntroducerOrIntroduced() {
    Map<String, Row> f = facts(new Inputs()
        .connection("ana", "2025-01-01").connection("ben", "2025-01-01").connection("cy", "2025-01-01")
        .connection("dee", "2025-01-01")
        .introduction("i1", "2025-02-01T00:00:00Z", false, "ben", "ana")
        .introduction("i2", "2025-03-01T00:00:00Z", true, null, "ana")
        .introduction("i2", "2025-03-01T00:00:00Z", true, null, "cy"));
    assertEquals(2L, (long) f.get("ana").getAs("introductions"));
    assertEquals(1L, (long) f.get("ben").getAs("introductions"));
    assertEquals(1L, (long) f.get("cy").getAs("introductions"));
    assertEquals(0L, (long) f.get("dee").getAs("introductions"));
    assertFalse(f.containsKey(null));
  }
}
