package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** truth.json is internally consistent and carries the planted effects. */
class TruthTest {
  private static long sum(JsonNode counts) {
    long n = 0;
    for (Iterator<JsonNode> it = counts.elements(); it.hasNext(); ) {
      n += it.next().asLong();
    }
    return n;
  }

  @Test
  void everyFileAccountsForEveryRow() {
    for (JsonNode f : Sample.truth().get("files")) {
      long read = f.get("read").asLong();
      long rest = f.get("kept").asLong() + sum(f.get("rejected")) + sum(f.get("excluded"));
      assertEquals(read, rest, "read = kept + rejected + excluded for " + f.get("source_file").asText());
    }
  }

  @Test
  void totalsAreTheSumOfTheFiles() {
    JsonNode t = Sample.truth();
    long read = 0;
    long kept = 0;
    Map<String, Long> keptByKind = new TreeMap<>();
    Map<String, Long> excluded = new TreeMap<>();
    Map<String, Long> rejected = new TreeMap<>();
    for (JsonNode f : t.get("files")) {
      read += f.get("read").asLong();
      kept += f.get("kept").asLong();
      keptByKind.merge(f.get("kind").asText(), f.get("kept").asLong(), Long::sum);
      f.get("excluded").fields().forEachRemaining(e -> excluded.merge(e.getKey(), e.getValue().asLong(), Long::sum));
      f.get("rejected").fields().forEachRemaining(e -> rejected.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    JsonNode totals = t.get("totals");
    assertEquals(read, totals.get("read").asLong());
    assertEquals(kept, totals.get("kept").asLong());
    assertEquals(keptByKind.get("connections"), totals.get("connections_kept").asLong());
    assertEquals(keptByKind.get("messages"), totals.get("messages_kept").asLong());
    assertEquals(keptByKind.get("invitations"), totals.get("invitations_kept").asLong());
    Map<String, Long> ex = new TreeMap<>();
    totals.get("excluded").fields().forEachRemaining(e -> ex.put(e.getKey(), e.getValue().asLong()));
    assertEquals(excluded, ex);
    Map<String, Long> rj = new TreeMap<>();
    totals.get("rejected").fields().forEachRemaining(e -> rj.put(e.getKey(), e.getValue().asLong()));
    assertEquals(rejected, rj);
    assertEquals(sum(totals.get("rejected")), t.get("rejects").size(), "one reject entry per rejected row");
    assertEquals(sum(totals.get("file_rejected")), t.get("file_rejects").size());
    long perMember = 0;
    for (JsonNode m : t.get("by_member")) {
      perMember += m.get("messages_kept").asLong();
    }
    assertEquals(totals.get("messages_kept").asLong(), perMember, "by_member adds up");
  }

  @Test
  void relationshipFirstOpenersAreAnsweredFarMoreOftenThanPitches() {
    JsonNode s = Sample.truth().get("openers").get("by_style");
    double rel = s.get("relationship").get("reply_rate").asDouble();
    double pitch = s.get("pitch").get("reply_rate").asDouble();
    assertTrue(s.get("relationship").get("relationships").asLong() >= 30, "enough relationship-first openers");
    assertTrue(s.get("pitch").get("relationships").asLong() >= 30, "enough pitch-first openers");
    assertTrue(rel > pitch + 0.2, "relationship-first " + rel + " vs pitch-first " + pitch);
    assertTrue(s.get("introduced").get("relationships").asLong() > 0);
    assertTrue(s.get("silent").get("relationships").asLong() > 0);
    assertTrue(s.get("inbound").get("relationships").asLong() > 0);
  }

  @Test
  void personalisedInvitationsAreAcceptedMoreOften() {
    JsonNode i = Sample.truth().get("invitations");
    assertTrue(i.get("personalised").get("acceptance_rate").asDouble()
        > i.get("vanilla").get("acceptance_rate").asDouble());
    assertEquals("m02", i.get("not_measurable_members").get(0).asText(), "the pending-only member");
  }

  @Test
  void everyPlantedCaseIsRecorded() {
    JsonNode t = Sample.truth();
    JsonNode totals = t.get("totals");
    for (String reason : new String[] {"spam", "draft", "system", "sponsored", "linkedin_member", "large_group",
        "duplicate", "erased", "empty_row", "no_consent", "not_won"}) {
      assertTrue(totals.get("excluded").path(reason).asLong() > 0, "excluded:" + reason);
    }
    for (String reason : new String[] {"unidentifiable_contact", "unparseable_date", "malformed_row", "unknown_currency"}) {
      assertTrue(totals.get("rejected").path(reason).asLong() > 0, "rejected:" + reason);
    }
    for (String reason : new String[] {"empty_file", "corrupt_zip", "unsafe_zip_entry", "missing_export"}) {
      assertEquals(1, totals.get("file_rejected").path(reason).asLong(), "file-level " + reason);
    }
    JsonNode members = t.get("members");
    assertEquals("m10", members.get("no_consent").get(0).asText());
    assertEquals("m09", members.get("missing_export").get(0).asText());
    assertEquals("m02", members.get("inferred_identity").get(0).asText());
    JsonNode id = t.get("identity");
    assertEquals(2, id.get("same_name_same_company_pairs").size());
    for (JsonNode pair : id.get("same_name_same_company_pairs")) {
      assertEquals(2, pair.get("profile_urls").size());
      assertFalse(pair.get("profile_urls").get(0).equals(pair.get("profile_urls").get(1)));
    }
    assertEquals(2, id.get("erased").get("people").asInt());
    assertTrue(id.get("external_people_in_several_members_exports").asLong() > 0, "shared contacts");
    assertTrue(id.get("distinct_colleagues").asLong() > 0, "colleague messages");
    JsonNode o = t.get("outcomes");
    for (String how : new String[] {"url", "email", "name_company", "none"}) {
      assertTrue(o.get("matched_by").get(how).asLong() > 0, "outcome matched by " + how);
    }
    assertTrue(o.get("with_introducer").asLong() > 0);
    assertTrue(o.get("matched_without_touches").asLong() > 0);
    assertTrue(o.get("files").has("outcomes/hubspot-deals.csv"));
    assertTrue(t.get("introductions").get("received").asLong() > 0);
    assertTrue(t.get("introductions").get("made").asLong() > 0);
    assertTrue(t.get("conversations").get("groups_3_4").asLong() > 0);
    assertTrue(t.get("interactions").get("rows").asLong() > 0);
    Map<String, Integer> vintages = new HashMap<>();
    for (JsonNode m : members.get("list")) {
      if (m.has("vintage") && m.get("consent").asBoolean()) {
        vintages.merge(m.get("vintage").asText(), 1, Integer::sum);
      }
    }
    assertTrue(vintages.keySet().containsAll(java.util.List.of("2025", "2023", "2021", "2020", "2017",
        "2025-two-exports", "2025-german")), vintages.toString());
  }

  @Test
  void introductionsDriveOutcomes() {
    JsonNode t = Sample.truth();
    long introduced = t.get("openers").get("by_style").get("introduced").get("relationships").asLong();
    long all = 0;
    for (JsonNode s : t.get("openers").get("by_style")) {
      all += s.get("relationships").asLong();
    }
    double shareOfRelationships = (double) introduced / all;
    JsonNode o = t.get("outcomes");
    double shareOfOutcomes = o.get("with_detected_introduction").asDouble() / o.get("kept").asDouble();
    assertTrue(shareOfOutcomes > shareOfRelationships, shareOfOutcomes + " vs " + shareOfRelationships);
  }
}
