package io.netroi.attribution;

import static io.netroi.attribution.AttributionRows.touch;
import static io.netroi.attribution.JourneyFixtures.strings;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** From per-touch credits to the attribution tables, and the conservation check. */
class AttributionTablesTest extends JourneyFixtures {
  private static final String D = Touchpoints.DIRECT;

  private Dataset<Row> journeys() {
    return Journeys.build(outcomes(), touchpoints(), introductions(), windows(), 365, Journeys.TEAM);
  }

  /** Heuristic and one data-driven model's credits over the fixture's team journeys. */
  private Dataset<Row> credits() {
    Dataset<Row> j = journeys();
    return HeuristicCredits.credit(j, 30, 0.4, 0.4)
        .unionByName(DataDrivenCredits.credit(j, Map.of("email", 1.0, "intro", 3.0), "markov"));
  }

  @Test
  void centsAreRoundedByLargestRemainderSoEachOutcomeSumsToItsValue() {
    Dataset<Row> j = df(AttributionRows.JOURNEYS,
        touch("o1", "100.00", "2026-03-31", "m2", "c", "2026-03-01T00:00:00Z", "email", D),
        touch("o1", "100.00", "2026-03-31", "m1", "c", "2026-03-02T00:00:00Z", "email", D),
        touch("o1", "100.00", "2026-03-31", "m3", "c", "2026-03-03T00:00:00Z", "email", D));
    Dataset<Row> a = AttributionTables.attribution(HeuristicCredits.credit(j, 30, 0.4, 0.4), 1)
        .where("model = 'linear'");
    Assertions.assertEquals(Set.of("m1|33.34|2026-Q1", "m2|33.33|2026-Q1", "m3|33.33|2026-Q1"),
        strings(a, "member_id", "credited_value", "quarter"));
  }

  /**
   * Credits are summed doubles whose last bits depend on the order of summation: a remainder one
   * ulp below another is the same remainder, and the tie-break (member_id ascending) decides.
   */
  @Test
  void remaindersWithinAMillionthOfACentAreTiedAndGoToTheTieBreak() {
    Dataset<Row> rows = spark().sql("SELECT * FROM VALUES "
        + "('o1', 'linear', 'm2', 'c', 'direct', 0.5D, CAST(0.01 AS DECIMAL(18, 2))), "
        + "('o1', 'linear', 'm1', 'c', 'direct', 0.49999999999999994D, CAST(0.01 AS DECIMAL(18, 2))) "
        + "AS t(outcome_id, model, member_id, contact_key, role, credit, value_reporting)");
    Dataset<Row> cents = AttributionTables.withCents(rows, "member_id", "contact_key", "role");
    Assertions.assertEquals(Set.of("m1|0.01", "m2|0.00"), strings(cents, "member_id", "credited_value"));
  }

  @Test
  void attributionGroupsTouchesPerMemberContactAndRoleAndConserves() {
    Dataset<Row> a = AttributionTables.attribution(credits(), 1);
    Assertions.assertEquals(Set.of("m1|c1|direct|2|0.5|50.00", "m2|c1|direct|2|0.5|50.00"),
        strings(a.where("outcome_id = 'o1' and model = 'linear'"), "member_id", "contact_key", "role", "touch_count",
            "credit", "credited_value"));
    // o4: the CRM introducer i2 one microsecond before m1's first touch, then that touch
    Assertions.assertEquals(Set.of("i2|introducer|1.0|400.00", "c4|direct|0.0|0.00"),
        strings(a.where("outcome_id = 'o4' and model = 'first_touch'"), "contact_key", "role", "credit",
            "credited_value"));
    Assertions.assertDoesNotThrow(() -> Conservation.check(a, outcomes()));
  }

  @Test
  void introducerValueAndTouchTypesSumCreditedValue() {
    Dataset<Row> a = AttributionTables.attribution(credits(), 1);
    Assertions.assertEquals(Set.of("i9|m1|1|1.0|200.00", "i1|m2|1|0.5|150.00", "i2|m1|1|0.5|200.00"),
        strings(AttributionTables.introducerValue(a).where("model = 'linear'"), "introducer_key", "member_id",
            "outcomes", "credit", "credited_value"));
    // markov weights intro 3, email 1, others 0: o3 (intro, msg_out_relationship) all to intro;
    // o1 all to its email touch; o4 to intro
    Assertions.assertEquals(Set.of("intro|3|3|3.0|900.00", "email|1|1|1.0|100.00",
            "msg_out_pitch|1|1|0.0|0.00", "msg_in|1|1|0.0|0.00", "invite_personalised|1|1|0.0|0.00",
            "msg_out_relationship|2|2|0.0|0.00"),
        strings(AttributionTables.touchTypes(credits()).where("model = 'markov'"), "touch_type", "touches",
            "outcomes", "credit", "credited_value"));
  }

  @Test
  void summaryCountsOwnedOutcomesAndCreditedValuePerScopeQuarterAndModel() {
    Dataset<Row> j = journeys();
    Dataset<Row> a = AttributionTables.attribution(credits(), 1);
    Dataset<Row> u = Journeys.unattributed(outcomes(), j, touchpoints(), windows(), Journeys.TEAM, 1);
    Dataset<Row> s = AttributionTables.summary(a, outcomes(), u, windows(), "Acme", 1)
        .where("model = 'linear' and quarter = '2026-Q1'");
    // Q1: o1 (m1, 100), o3 (m2, 300) attributed; o5 (m1, 50), o6 (m9, 60), o7 (m1, 70) not
    Assertions.assertEquals(Set.of(
            "org|Acme|5|580.00|400.00|400.00|180.00",
            "team|Sales|3|220.00|100.00|50.00|120.00",
            "team|Ops|1|300.00|300.00|350.00|0.00",
            "member|m1|3|220.00|100.00|50.00|120.00",
            "member|m2|1|300.00|300.00|350.00|0.00"),
        strings(s, "scope", "scope_id", "outcomes", "value", "attributed_value", "credited_value",
            "unattributed_value"));
    Row org = s.where("scope = 'org'").first();
    Assertions.assertEquals(400.0 / 580.0, org.<Double>getAs("network_sourced_share"), 1e-12);
  }

  @Test
  void conservationFailsNamingTheOutcomeAndModel() {
    Dataset<Row> a = AttributionTables.attribution(credits(), 1);
    Dataset<Row> badCredit = a.withColumn("credit", when(col("outcome_id").equalTo("o3")
        .and(col("model").equalTo("linear")), col("credit").multiply(0.9)).otherwise(col("credit")));
    IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
        () -> Conservation.check(badCredit, outcomes()));
    Assertions.assertTrue(e.getMessage().contains("o3") && e.getMessage().contains("linear"), e.getMessage());
    Dataset<Row> badValue = a.withColumn("credited_value", when(col("outcome_id").equalTo("o1")
        .and(col("model").equalTo("time_decay")).and(col("member_id").equalTo("m1")),
        col("credited_value").plus(lit(new BigDecimal("0.01")))).otherwise(col("credited_value"))
        .cast("decimal(18,2)"));
    IllegalStateException v = Assertions.assertThrows(IllegalStateException.class,
        () -> Conservation.check(badValue, outcomes()));
    Assertions.assertTrue(v.getMessage().contains("o1") && v.getMessage().contains("time_decay"), v.getMessage());
  }

  @Test
  void conservationFailsWhenAnOutcomeLacksAModel() {
    Dataset<Row> a = AttributionTables.attribution(credits(), 1)
        .where("not (outcome_id = 'o2' and model = 'markov')");
    IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
        () -> Conservation.check(a, outcomes()));
    Assertions.assertTrue(e.getMessage().contains("o2"), e.getMessage());
  }
}
