package io.netroi.cohorts;

import static io.netroi.cohorts.QuarterRows.rq;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TierTransitionsTest extends SparkTestBase {
  /**
   * m1 (Sales, 2026-Q3 complete): a engaged -> core -> dormant, b new in Q2, a colleague (excluded).
   * m2 (Ops, 2026-Q3 partial): f one_way -> one_way, h engaged -> core, g new only in the partial quarter.
   */
  private Dataset<Row> quarters() {
    return df(Tables.schema("relationship_quarters"),
        rq("m1", "Sales", "a", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "a", false, "2026-Q2", "2026-Q1", "core", false),
        rq("m1", "Sales", "a", false, "2026-Q3", "2026-Q1", "dormant", false),
        rq("m1", "Sales", "b", false, "2026-Q2", "2026-Q2", "one_way", false),
        rq("m1", "Sales", "b", false, "2026-Q3", "2026-Q2", "engaged", false),
        rq("m1", "Sales", "col", true, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "col", true, "2026-Q2", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "col", true, "2026-Q3", "2026-Q1", "engaged", false),
        rq("m2", "Ops", "f", false, "2026-Q1", "2026-Q1", "one_way", false),
        rq("m2", "Ops", "f", false, "2026-Q2", "2026-Q1", "one_way", false),
        rq("m2", "Ops", "f", false, "2026-Q3", "2026-Q1", "engaged", true),
        rq("m2", "Ops", "h", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m2", "Ops", "h", false, "2026-Q2", "2026-Q1", "core", false),
        rq("m2", "Ops", "h", false, "2026-Q3", "2026-Q1", "one_way", true),
        rq("m2", "Ops", "g", false, "2026-Q3", "2026-Q3", "engaged", true));
  }

  /** scope|scope_id|quarter|from>to|relationships */
  private static List<String> lines(Dataset<Row> transitions) {
    return transitions.orderBy("scope", "scope_id", "quarter_index", "from_tier", "to_tier").collectAsList().stream()
        .map(r -> r.getAs("scope") + "|" + r.getAs("scope_id") + "|" + r.getAs("quarter") + "|"
            + r.getAs("from_tier") + ">" + r.getAs("to_tier") + "|" + r.getAs("relationships"))
        .toList();
  }

  @Test
  void transitionsPerScopeFromNewOrThePreviousTierInCompleteQuartersOnly() {
    Dataset<Row> got = TierTransitions.build(quarters(), RelationshipParams.defaults());
    assertEquals(List.of(
        "member|m1|2026-Q1|new>engaged|1",
        "member|m1|2026-Q2|engaged>core|1",
        "member|m1|2026-Q2|new>one_way|1",
        "member|m1|2026-Q3|core>dormant|1",
        "member|m1|2026-Q3|one_way>engaged|1",
        "member|m2|2026-Q1|new>engaged|1",
        "member|m2|2026-Q1|new>one_way|1",
        "member|m2|2026-Q2|engaged>core|1",
        "member|m2|2026-Q2|one_way>one_way|1", // m2's 2026-Q3 is partial: nothing after Q2
        "org|org|2026-Q1|new>engaged|2",
        "org|org|2026-Q1|new>one_way|1",
        "org|org|2026-Q2|engaged>core|2",
        "org|org|2026-Q2|new>one_way|1",
        "org|org|2026-Q2|one_way>one_way|1",
        "org|org|2026-Q3|core>dormant|1",
        "org|org|2026-Q3|one_way>engaged|1",
        "team|Ops|2026-Q1|new>engaged|1",
        "team|Ops|2026-Q1|new>one_way|1",
        "team|Ops|2026-Q2|engaged>core|1",
        "team|Ops|2026-Q2|one_way>one_way|1",
        "team|Sales|2026-Q1|new>engaged|1",
        "team|Sales|2026-Q2|engaged>core|1",
        "team|Sales|2026-Q2|new>one_way|1",
        "team|Sales|2026-Q3|core>dormant|1",
        "team|Sales|2026-Q3|one_way>engaged|1"), lines(got));
    assertDoesNotThrow(() -> Tables.conform(got, "tier_transitions"));
  }
}
