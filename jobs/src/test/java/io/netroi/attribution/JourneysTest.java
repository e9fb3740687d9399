package io.netroi.attribution;

import static io.netroi.attribution.AttributionRows.outcome;

import io.netroi.spark.Tables;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class JourneysTest extends JourneyFixtures {
  @Test
  void touchpointsAreTypedPerContractAndLimitedToConsentingObservedExternalRows() {
    Assertions.assertEquals(Set.of(
            "m1|c1|msg_out_pitch|2026-03-01", "m2|c1|email|2026-03-05", "m1|c1|msg_in|2026-03-10",
            "m1|c1|msg_out_social|2025-01-01", "m2|c3|msg_out_relationship|2026-02-02",
            "m1|c4|msg_out_relationship|2026-05-01", "m1|c7|msg_out_relationship|2024-05-01",
            "m2|x|msg_out_relationship|2026-06-10", "m2|c1|invite_personalised|2026-02-01",
            "m1|c8|invite_vanilla|2026-02-01"),
        strings(touchpoints(), "member_id", "contact_key", "touch_type", "local_date"));
    Assertions.assertEquals(Set.of("direct"), strings(touchpoints(), "role"));
  }

  @Test
  void teamJourneysHoldTouchesInWindowAndIntroductionTouches() {
    Dataset<Row> j = Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 365, Journeys.TEAM);
    Assertions.assertEquals(Set.of(
            "o1|m1|c1|msg_out_pitch|direct|2026-03-01 10:00:00.0",
            "o1|m2|c1|email|direct|2026-03-05 10:00:00.0",
            "o1|m1|c1|msg_in|direct|2026-03-10 10:00:00.0",
            "o1|m2|c1|invite_personalised|direct|2026-02-01 08:00:00.0",
            "o2|m1|i9|intro|introducer|2026-04-01 00:00:00.0",
            "o3|m2|i1|intro|introducer|2026-02-01 09:00:00.0",
            "o3|m2|c3|msg_out_relationship|direct|2026-02-02 09:00:00.0",
            "o4|m1|i2|intro|introducer|2026-05-01 11:59:59.999999",
            "o4|m1|c4|msg_out_relationship|direct|2026-05-01 12:00:00.0"),
        strings(j, "outcome_id", "member_id", "contact_key", "touch_type", "role", "ts"));
  }

  @Test
  void aDetectedIntroductionCountsEvenWhenOlderThanTheLookback() {
    // o3 closes 2026-03-01; with a 20-day lookback its direct touch of 2026-02-02 is out, the
    // introduction of 2026-02-01 (where the relationship came from) stays
    Dataset<Row> j = Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 20, Journeys.TEAM);
    Assertions.assertEquals(Set.of("o3|m2|i1|intro|introducer"),
        strings(j.where("outcome_id = 'o3'"), "outcome_id", "member_id", "contact_key", "touch_type", "role"));
  }

  @Test
  void ownerScopeKeepsOnlyTheOwnersTouches() {
    Dataset<Row> j = Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 365, Journeys.OWNER);
    Assertions.assertEquals(Set.of("o1|m1|msg_out_pitch", "o1|m1|msg_in"),
        strings(j.where("outcome_id = 'o1'"), "outcome_id", "member_id", "touch_type"));
  }

  @Test
  void unattributedOutcomesCarryTheirReasonAndTogetherWithJourneysCoverAllOutcomes() {
    Dataset<Row> j = Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 365, Journeys.TEAM);
    Dataset<Row> u = Journeys.unattributed(outcomes(), j, touchpoints(), windows(), Journeys.TEAM, 1);
    Assertions.assertEquals(Set.of("o5|no_contact_match|50.00|2026-Q1", "o6|no_consenting_member|60.00|2026-Q1",
        "o7|no_touch_in_window|70.00|2026-Q1"), strings(u, "outcome_id", "reason", "value", "quarter"));
    Assertions.assertEquals(outcomes().count(), j.select("outcome_id").distinct().count() + u.count());
  }

  @Test
  void ownerScopeWithANonConsentingOwnerHasNoConsentingMember() {
    Dataset<Row> o = df(Tables.schema("outcomes"), outcome("o8", "10.00", "2026-03-10", "m3", "c1", null));
    Dataset<Row> j = Journeys.build(o, touchpoints(), introductions(), windows(), 365, Journeys.OWNER);
    Dataset<Row> u = Journeys.unattributed(o, j, touchpoints(), windows(), Journeys.OWNER, 1);
    Assertions.assertEquals(Set.of("o8|no_consenting_member"), strings(u, "outcome_id", "reason"));
  }

  @Test
  void scopeMustBeTeamOrOwner() {
    Assertions.assertThrows(IllegalArgumentException.class,
        () -> Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 365, "org"));
  }

  @Test
  void nonConvertingJourneysAreContactsWithoutOutcomesInTheLookbackAndTheirIntroductions() {
    Dataset<Row> nc = Journeys.nonConverting(touchpoints(), introductions(), windows(), outcomes(), AS_OF, 30);
    // x: a direct touch in the 30 days; y: introduced to m1 long before (counts, as for outcomes);
    // c3's introduction belongs to an outcome; z is after m1's observation end; w's member does not consent
    Assertions.assertEquals(Set.of("x|m2|msg_out_relationship", "y|m1|intro"),
        strings(nc, "contact_key", "member_id", "touch_type"));
  }
}
