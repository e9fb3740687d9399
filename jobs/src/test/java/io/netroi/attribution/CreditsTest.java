package io.netroi.attribution;

import static io.netroi.attribution.AttributionRows.touch;
import static io.netroi.attribution.AttributionRows.touchIn;

import io.netroi.testing.SparkTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Heuristic and data-driven per-touch credits, hand-computed. */
class CreditsTest extends SparkTestBase {
  private static final double EPS = 1e-12;
  private static final String D = Touchpoints.DIRECT;

  /** Per model and touch_type (unique within each test journey) the credit. */
  private static Map<String, Double> credits(Dataset<Row> credited, String outcome) {
    Map<String, Double> out = new HashMap<>();
    for (Row r : credited.where(org.apache.spark.sql.functions.col("outcome_id").equalTo(outcome)).collectAsList()) {
      out.merge(r.<String>getAs("model") + ":" + r.getAs("touch_type"), r.<Double>getAs("credit"), Double::sum);
    }
    return out;
  }

  private static void expect(Map<String, Double> got, String model, String type, double credit) {
    Assertions.assertEquals(credit, got.get(model + ":" + type), EPS, model + " " + type);
  }

  private Dataset<Row> heuristic(Object[]... touches) {
    return HeuristicCredits.credit(df(AttributionRows.JOURNEYS, touches), 10, 0.4, 0.4);
  }

  @Test
  void aOneTouchJourneyGetsEverythingUnderEveryModel() {
    Map<String, Double> got = credits(heuristic(touch("o1", "10.00", "2026-03-31", "m1", "c", "2026-03-01T00:00:00Z",
        "email", D)), "o1");
    for (String model : List.of("first_touch", "last_touch", "linear", "time_decay", "position_based")) {
      expect(got, model, "email", 1);
    }
  }

  @Test
  void aTwoTouchJourneySplitsPositionBased5050AndTimeDecayByHalfLife() {
    // half-life 10 days; ages to the end of 31 March: 1 day and 6 days -> weights 0.5^0.1, 0.5^0.6,
    // so the later touch gets 1 / (1 + 0.5^0.5) = 2 - sqrt(2)
    Map<String, Double> got = credits(heuristic(
        touch("o2", "10.00", "2026-03-31", "m1", "c", "2026-03-26T00:00:00Z", "email", D),
        touch("o2", "10.00", "2026-03-31", "m1", "c", "2026-03-31T00:00:00Z", "msg_in", D)), "o2");
    expect(got, "first_touch", "email", 1);
    expect(got, "first_touch", "msg_in", 0);
    expect(got, "last_touch", "msg_in", 1);
    expect(got, "linear", "email", 0.5);
    expect(got, "position_based", "email", 0.5);
    expect(got, "position_based", "msg_in", 0.5);
    expect(got, "time_decay", "msg_in", 2 - Math.sqrt(2));
    expect(got, "time_decay", "email", Math.sqrt(2) - 1);
  }

  @Test
  void touchesAtTheSameInstantShareTheirStep() {
    // steps: {a, b} tied, c, d, e: position 40% to {a, b}, 20% over c and d, 40% to e
    Map<String, Double> got = credits(heuristic(
        touch("o3", "10.00", "2026-03-31", "m1", "c", "2026-03-01T00:00:00Z", "a", D),
        touch("o3", "10.00", "2026-03-31", "m2", "c", "2026-03-01T00:00:00Z", "b", D),
        touch("o3", "10.00", "2026-03-31", "m1", "c", "2026-03-02T00:00:00Z", "c", D),
        touch("o3", "10.00", "2026-03-31", "m1", "c", "2026-03-03T00:00:00Z", "d", D),
        touch("o3", "10.00", "2026-03-31", "m1", "c", "2026-03-04T00:00:00Z", "e", D)), "o3");
    expect(got, "first_touch", "a", 0.5);
    expect(got, "first_touch", "b", 0.5);
    expect(got, "last_touch", "e", 1);
    expect(got, "linear", "c", 0.2);
    expect(got, "position_based", "a", 0.2);
    expect(got, "position_based", "b", 0.2);
    expect(got, "position_based", "c", 0.1);
    expect(got, "position_based", "d", 0.1);
    expect(got, "position_based", "e", 0.4);
    expect(got, "time_decay", "a", got.get("time_decay:b"));
  }

  @Test
  void timeDecayAgesRunToTheEndOfClosedOnInEachMembersZone() {
    // both touches are 2 days before the end of 31 January in their member's zone: equal weights
    Map<String, Double> got = credits(heuristic(
        touchIn("o4", "10.00", "2026-01-31", "m1", "UTC", "c", "2026-01-30T00:00:00Z", "a", D),
        touchIn("o4", "10.00", "2026-01-31", "m2", "Asia/Tokyo", "c", "2026-01-29T15:00:00Z", "b", D)), "o4");
    expect(got, "time_decay", "a", 0.5);
    expect(got, "time_decay", "b", 0.5);
    expect(got, "first_touch", "b", 1);
  }

  @Test
  void anIntroducerOnlyJourneyCreditsTheIntroducer() {
    Map<String, Double> got = credits(heuristic(touch("o5", "10.00", "2026-03-31", "m1", "i9", "2026-03-31T00:00:00Z",
        "intro", Touchpoints.INTRODUCER)), "o5");
    expect(got, "linear", "intro", 1);
    expect(got, "position_based", "intro", 1);
  }

  private Dataset<Row> repeatedTypes() {
    return df(AttributionRows.JOURNEYS,
        touch("o1", "10.00", "2026-03-31", "m1", "c", "2026-03-01T00:00:00Z", "email", D),
        touch("o1", "10.00", "2026-03-31", "m2", "c", "2026-03-02T00:00:00Z", "email", D),
        touch("o1", "10.00", "2026-03-31", "m1", "c", "2026-03-03T00:00:00Z", "msg_in", D),
        touch("o1", "10.00", "2026-03-31", "m1", "i", "2026-03-04T00:00:00Z", "intro", Touchpoints.INTRODUCER),
        touch("o2", "20.00", "2026-03-31", "m1", "c2", "2026-03-01T00:00:00Z", "intro", Touchpoints.INTRODUCER),
        touch("o2", "20.00", "2026-03-31", "m1", "c2", "2026-03-02T00:00:00Z", "unknown", D));
  }

  @Test
  void dataDrivenCreditSplitsByTypeWeightThenEquallyPerTouch() {
    // present weights email 0.6, msg_in 0.2, intro 0 (phone is absent): email 0.75 over two touches
    Map<String, Double> weights = Map.of("email", 0.6, "msg_in", 0.2, "intro", 0.0, "phone", 5.0);
    Dataset<Row> credited = DataDrivenCredits.credit(repeatedTypes(), weights, "markov");
    List<Row> emails = credited.where("outcome_id = 'o1' and touch_type = 'email'").collectAsList();
    Assertions.assertEquals(2, emails.size());
    emails.forEach(r -> Assertions.assertEquals(0.375, r.<Double>getAs("credit"), EPS));
    Map<String, Double> got = credits(credited, "o1");
    expect(got, "markov", "msg_in", 0.25);
    expect(got, "markov", "intro", 0);
  }

  @Test
  void dataDrivenCreditFallsBackToLinearWhenEveryPresentWeightIsZero() {
    Map<String, Double> got = credits(DataDrivenCredits.credit(repeatedTypes(), Map.of("intro", 0.0), "shapley"),
        "o2");
    expect(got, "shapley", "intro", 0.5);
    expect(got, "shapley", "unknown", 0.5);
  }

  @Test
  void negativeWeightsAreRefused() {
    Assertions.assertThrows(IllegalArgumentException.class,
        () -> DataDrivenCredits.credit(repeatedTypes(), Map.of("email", -0.1), "markov"));
  }

  @Test
  void transitionsCountStepsFromStartToConversionOrNull() {
    Dataset<Row> journeys = df(AttributionRows.JOURNEYS,
        touch("o1", "100.00", "2026-03-31", "m1", "c", "2026-03-01T00:00:00Z", "email", D),
        touch("o1", "100.00", "2026-03-31", "m1", "c", "2026-03-02T00:00:00Z", "msg_in", D),
        touch("o1", "100.00", "2026-03-31", "m1", "c", "2026-03-03T00:00:00Z", "email", D),
        touch("o2", "10.00", "2026-03-31", "m1", "i", "2026-03-03T00:00:00Z", "intro", Touchpoints.INTRODUCER),
        touch("o3", "50.00", "2026-03-31", "m2", "c3", "2026-03-01T00:00:00Z", "msg_in", D),
        touch("o3", "50.00", "2026-03-31", "m2", "c3", "2026-03-01T00:00:00Z", "email", D));
    Dataset<Row> nonConverting = journeys.where("outcome_id = 'o1' and touch_type = 'email'")
        .selectExpr("'x' as contact_key", "member_id", "ts", "touch_type");
    // o3's tie is ordered by type: email before msg_in
    Assertions.assertEquals(Set.of("(start)|email|3", "email|msg_in|2", "msg_in|email|1", "email|(conversion)|1",
            "msg_in|(conversion)|1", "(start)|intro|1", "intro|(conversion)|1", "email|email|1", "email|(null)|1"),
        JourneyFixtures.strings(Journeys.transitions(journeys, nonConverting), "from", "to", "count"));
    Assertions.assertEquals(Set.of("email,msg_in|2|150.0", "intro|1|10.0"), JourneyFixtures.strings(
        Journeys.typeSets(journeys).selectExpr("array_join(types, ',') as types", "conversions", "value"),
        "types", "conversions", "value"));
  }
}
