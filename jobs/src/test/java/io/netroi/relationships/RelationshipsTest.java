package io.netroi.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.spark.Tables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RelationshipsTest extends RelationshipTestBase {
  private Map<String, Row> build(Inputs in, String timezone, String until) {
    return byContact(Relationships.build(in.build(), windows(timezone, until), P));
  }

  private static List<Double> ties(Row r) {
    return TieStrengthTest.COMPONENTS.stream().map(c -> (Double) r.getAs(c)).toList();
  }

  @Test
  void aConnectionWithoutMessagesIsSilentWithTieZeroAndTheSchemaMatches() {
    Dataset<Row> result = Relationships.build(new Inputs().connection("conn", "2025-01-15").build(),
        windows("UTC", "2025-12-31"), P);
    Dataset<Row> conformed = Tables.conform(result, "relationships");
    assertEquals(Arrays.asList(Tables.schema("relationships").fieldNames()), Arrays.asList(conformed.columns()));
    List<Row> rows = conformed.collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals(List.of(M, "Sales", "conn", false, true), List.of(r.getAs("member_id"), r.getAs("team"),
        r.getAs("contact_key"), r.getAs("is_colleague"), r.getAs("is_connected")));
    assertEquals(day("2025-01-15"), r.getAs("connected_on"));
    assertNull(r.getAs("first_touch_at"));
    assertNull(r.getAs("last_touch_at"));
    assertEquals(day("2025-01-15"), r.getAs("started_on"));
    assertEquals("2025-Q1", r.getAs("first_quarter"));
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), List.of(r.getAs("msgs_out"), r.getAs("msgs_in"),
        r.getAs("other_out"), r.getAs("other_in"), r.getAs("conversations"), r.getAs("outbound_openers"),
        r.getAs("outbound_openers_replied")));
    assertEquals(false, r.getAs("is_two_way"));
    assertEquals("silent", r.getAs("opener_style"));
    for (String c : List.of("opener_at", "opener_source", "opener_replied", "opener_reply_observed",
        "median_response_hours_member", "median_response_hours_contact", "social_share")) {
      assertNull(r.getAs(c), c);
    }
    assertEquals(0, (int) r.getAs("active_quarters"));
    assertEquals(List.of(), r.getList(r.fieldIndex("channels")));
    assertEquals(0L, (long) r.getAs("introductions"));
    assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), ties(r));
    assertEquals(0.0, (double) r.getAs("tie_strength"), 0.0);
    assertEquals("weak", r.getAs("tie_band"));
    assertEquals(day("2025-12-31"), r.getAs("observed_until"));
  }

  @Test
  void aConnectionDatedAfterTheFirstMessageStartsAtTheMessage() {
    Row r = build(new Inputs().message("c", "2025-02-10T12:00:00Z", "out", "k1").connection("c", "2025-04-01"),
        "UTC", "2025-12-31").get("c");
    assertEquals(day("2025-02-10"), r.getAs("started_on"));
    assertEquals(day("2025-04-01"), r.getAs("connected_on"));
    assertEquals("2025-Q1", r.getAs("first_quarter"));
    assertEquals("relationship", r.getAs("opener_style"));
    assertEquals(1L, (long) r.getAs("outbound_openers"));
  }

  @Test
  void localDatesAndQuartersFollowTheMembersTimeZone() {
    Inputs in = new Inputs().message("c", "2026-03-31T23:30:00Z", "out", "k1");
    Row tokyo = build(in, "Asia/Tokyo", "2026-06-30").get("c");
    assertEquals(day("2026-04-01"), tokyo.getAs("started_on"));
    assertEquals("2026-Q2", tokyo.getAs("first_quarter"));
    assertEquals(1, (int) tokyo.getAs("active_quarters"));
    Row utc = build(in, "UTC", "2026-06-30").get("c");
    assertEquals(day("2026-03-31"), utc.getAs("started_on"));
    assertEquals("2026-Q1", utc.getAs("first_quarter"));
  }

  @Test
  void rowsAtOrAfterTheObservationEndAndOtherMembersAreIgnored() {
    // observed until 2025-06-30 (UTC): observed_end 2025-07-01T00:00Z
    Map<String, Row> r = build(new Inputs()
        .message("c", "2025-06-30T23:59:59Z", "out", "k1")
        .message("c", "2025-07-01T00:00:00Z", "in", "k1")
        .connection("edge", "2025-06-30")
        .connection("after", "2025-07-01")
        .invitation("after", "2025-07-01T00:00:00Z", "out", true, false)
        .message("m2", "noConsent", "2025-01-01T00:00:00Z", "out", "k2", 2, false, false)
        .message("m9", "unknown", "2025-01-01T00:00:00Z", "out", "k3", 2, false, false), "UTC", "2025-06-30");
    assertEquals(List.of("c", "edge"), r.keySet().stream().sorted().toList());
    Row c = r.get("c");
    assertEquals(List.of(1L, 0L), List.of(c.getAs("msgs_out"), c.getAs("msgs_in")));
    assertEquals(false, c.getAs("is_two_way"));
    assertEquals(at("2025-06-30T23:59:59Z"), c.getAs("last_touch_at"));
    assertEquals(false, c.getAs("opener_replied"));
    assertEquals(false, c.getAs("opener_reply_observed"));
    assertEquals(true, r.get("edge").getAs("is_connected"));
    assertEquals(day("2025-06-30"), r.get("edge").getAs("observed_until"));
  }

  @Test
  void anEarlierCutDateChangesRecencyAndDropsLaterRows() {
    Inputs in = new Inputs()
        .message("c", "2025-01-01T00:00:00Z", "out", "k1")
        .message("c", "2025-01-02T00:00:00Z", "in", "k1")
        .message("c", "2025-03-01T00:00:00Z", "out", "k1")
        .message("later", "2025-03-01T00:00:00Z", "in", "k2");
    // full window: end 2025-08-28T00:00Z, 180 days after the last touch
    Map<String, Row> full = build(in, "UTC", "2025-08-27");
    assertEquals(0.5, (double) full.get("c").getAs(TieStrength.RECENCY), 1e-12);
    assertEquals(2L, (long) full.get("c").getAs("msgs_out"));
    // cut: end 2025-02-01T00:00Z, 30 days after the last touch before it
    Map<String, Row> cut = build(in, "UTC", "2025-01-31");
    Row c = cut.get("c");
    assertEquals(Math.pow(0.5, 30.0 / 180), (double) c.getAs(TieStrength.RECENCY), 1e-12);
    assertEquals(List.of(1L, 1L), List.of(c.getAs("msgs_out"), c.getAs("msgs_in")));
    assertEquals(at("2025-01-02T00:00:00Z"), c.getAs("last_touch_at"));
    assertEquals(day("2025-01-31"), c.getAs("observed_until"));
    assertFalse(cut.containsKey("later"));
  }

  @Test
  void tieStrengthOnAHandComputedRelationship() {
    Row r = build(new Inputs()
        .message(M, "c", "2025-01-01T00:00:00Z", "out", "k1", 2, false, true)
        .message("c", "2025-01-02T00:00:00Z", "in", "k1")
        .generic("c", "2025-02-01T00:00:00Z", "in", "email")
        .message(M, "c", "2025-03-01T00:00:00Z", "out", "k1", 2, false, true), "UTC", "2025-08-27").get("c");
    List<Double> expected = List.of(Math.log(5) / Math.log(101), 1.0, 0.5, 59.0 / 730, 2.0 / 3, 2.0 / 3);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), ties(r).get(i), 1e-9, TieStrengthTest.COMPONENTS.get(i));
    }
    assertEquals(57.1, (double) r.getAs("tie_strength"), 1e-9);
    assertEquals("strong", r.getAs("tie_band"));
    assertEquals(List.of("email", "linkedin"), r.getList(r.fieldIndex("channels")));
  }

  @Test
  void aGroupThreadCountsForMessagesAndTwoWayButOpensNothing() {
    Map<String, Row> r = build(new Inputs()
        .message(M, "a", "2025-02-01T00:00:00Z", "out", "g", 3, false, false)
        .message(M, "b", "2025-02-01T00:00:00Z", "out", "g", 3, false, false)
        .message(M, "a", "2025-02-02T00:00:00Z", "in", "g", 3, false, false)
        .message(M, "b", "2025-02-02T00:00:00Z", "in", "g", 3, false, false), "UTC", "2025-12-31");
    for (String contact : List.of("a", "b")) {
      Row g = r.get(contact);
      assertEquals(List.of(1L, 1L, 1L, 0L), List.of(g.getAs("msgs_out"), g.getAs("msgs_in"),
          g.getAs("conversations"), g.getAs("outbound_openers")));
      assertEquals(true, g.getAs("is_two_way"));
      assertEquals("silent", g.getAs("opener_style"));
      Assertions.assertTrue((double) g.getAs("tie_strength") > 0);
    }
  }
}
