package io.netroi.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TieStrengthTest extends RelationshipTestBase {
  static final StructType FACTS = new StructType()
      .add("contact_key", DataTypes.StringType)
      .add("msgs_out", DataTypes.LongType).add("msgs_in", DataTypes.LongType)
      .add("other_out", DataTypes.LongType).add("other_in", DataTypes.LongType)
      .add("first_interaction_at", DataTypes.TimestampType).add("last_interaction_at", DataTypes.TimestampType)
      .add("channels", DataTypes.createArrayType(DataTypes.StringType))
      .add("social_share", DataTypes.DoubleType)
      .add("observed_end", DataTypes.TimestampType);
  static final List<String> COMPONENTS = List.of(TieStrength.INTENSITY, TieStrength.RECIPROCITY,
      TieStrength.RECENCY, TieStrength.DURATION, TieStrength.MULTIPLEXITY, TieStrength.SOCIAL);

  static void assertComponents(List<Double> expected, Row r) {
    for (int i = 0; i < COMPONENTS.size(); i++) {
      assertEquals(expected.get(i), (double) r.getAs(COMPONENTS.get(i)), 1e-9, COMPONENTS.get(i));
    }
  }

  @Test
  void componentsScoreAndBandOnHandComputedExamples() {
    Map<String, Row> t = byContact(TieStrength.score(df(FACTS,
        // 4 touches, 2 each way, last touch 180 days before the end, 59 days long, 2 channels, 2/3 social
        row("rich", 2L, 1L, 0L, 1L, at("2025-01-01T00:00:00Z"), at("2025-03-01T00:00:00Z"),
            List.of("email", "linkedin"), 2.0 / 3, at("2025-08-28T00:00:00Z")),
        // one outgoing message 360 days before the end
        row("oneWay", 1L, 0L, 0L, 0L, at("2024-09-02T00:00:00Z"), at("2024-09-02T00:00:00Z"),
            List.of("linkedin"), 0.0, at("2025-08-28T00:00:00Z")),
        // a connection without any message or interaction
        row("none", 0L, 0L, 0L, 0L, null, null, List.of(), null, at("2025-08-28T00:00:00Z"))), P.tie()));

    Row rich = t.get("rich");
    assertComponents(List.of(Math.log(5) / Math.log(101), 1.0, 0.5, 59.0 / 730, 2.0 / 3, 2.0 / 3), rich);
    // 100 * (0.3 * 0.34873 + 0.25 + 0.15 * 0.5 + 0.1 * 0.08082 + 0.1 * 0.66667 + 0.1 * 0.66667) = 57.10
    assertEquals(57.1, (double) rich.getAs(TieStrength.STRENGTH), 1e-9);
    assertEquals("strong", rich.getAs("tie_band"));

    Row oneWay = t.get("oneWay");
    assertComponents(List.of(Math.log(2) / Math.log(101), 0.0, 0.25, 0.0, 1.0 / 3, 0.0), oneWay);
    // 100 * (0.3 * 0.15019 + 0.15 * 0.25 + 0.1 * 0.33333) = 11.59
    assertEquals(11.6, (double) oneWay.getAs(TieStrength.STRENGTH), 1e-9);
    assertEquals("weak", oneWay.getAs("tie_band"));

    Row none = t.get("none");
    assertComponents(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), none);
    assertEquals(0.0, (double) none.getAs(TieStrength.STRENGTH), 0.0);
    assertEquals("weak", none.getAs("tie_band"));
  }

  @Test
  void bandCutOffsFromParams() {
    StructType scores = new StructType().add("score", DataTypes.DoubleType);
    List<String> bands = df(scores, row(19.9), row(20.0), row(49.9), row(50.0))
        .select(TieStrength.band(org.apache.spark.sql.functions.col("score"), P.tie()))
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertEquals(List.of("weak", "medium", "medium", "strong"), bands);
  }
}
