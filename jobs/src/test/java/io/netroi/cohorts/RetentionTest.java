package io.netroi.cohorts;

import static io.netroi.cohorts.QuarterRows.rq;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import io.netroi.stats.Wilson;
import io.netroi.testing.SparkTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RetentionTest extends SparkTestBase {
  private static final StructType RELATIONSHIPS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("is_colleague", DataTypes.BooleanType).add("connected_on", DataTypes.DateType);
  private static final RelationshipParams P = RelationshipParams.defaults();

  private static Date d(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  /**
   * m1 observed to 2026-09-30 (2026-Q3 complete), m2 to 2026-08-15 (2026-Q3 partial), both in Sales.
   * m1: a, b (cohort Q1), e (messaged in Q1, connected in Q2), a colleague and an unconnected
   * contact (both always engaged, both excluded). m2: f (Q1), g (Q2), h (Q3, only a partial quarter).
   */
  private Dataset<Row> quarters() {
    return df(Tables.schema("relationship_quarters"),
        rq("m1", "Sales", "a", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "a", false, "2026-Q2", "2026-Q1", "core", false),
        rq("m1", "Sales", "a", false, "2026-Q3", "2026-Q1", "dormant", false),
        rq("m1", "Sales", "b", false, "2026-Q1", "2026-Q1", "one_way", false),
        rq("m1", "Sales", "b", false, "2026-Q2", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "b", false, "2026-Q3", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "e", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "e", false, "2026-Q2", "2026-Q1", "one_way", false),
        rq("m1", "Sales", "e", false, "2026-Q3", "2026-Q1", "core", false),
        rq("m1", "Sales", "col", true, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "col", true, "2026-Q2", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "col", true, "2026-Q3", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "u", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "u", false, "2026-Q2", "2026-Q1", "engaged", false),
        rq("m1", "Sales", "u", false, "2026-Q3", "2026-Q1", "engaged", false),
        rq("m2", "Sales", "f", false, "2026-Q1", "2026-Q1", "engaged", false),
        rq("m2", "Sales", "f", false, "2026-Q2", "2026-Q1", "dormant", false),
        rq("m2", "Sales", "f", false, "2026-Q3", "2026-Q1", "engaged", true),
        rq("m2", "Sales", "g", false, "2026-Q2", "2026-Q2", "core", false),
        rq("m2", "Sales", "g", false, "2026-Q3", "2026-Q2", "one_way", true),
        rq("m2", "Sales", "h", false, "2026-Q3", "2026-Q3", "engaged", true));
  }

  private Dataset<Row> relationships() {
    return df(RELATIONSHIPS,
        row("m1", "Sales", "a", false, d("2026-01-10")),
        row("m1", "Sales", "b", false, d("2026-02-01")),
        row("m1", "Sales", "e", false, d("2026-04-15")),
        row("m1", "Sales", "col", true, d("2026-01-05")),
        row("m1", "Sales", "u", false, null),
        row("m2", "Sales", "f", false, d("2026-03-01")),
        row("m2", "Sales", "g", false, d("2026-05-01")),
        row("m2", "Sales", "h", false, d("2026-08-01")));
  }

  /** scope|scope_id|cohort_quarter|quarters_since|quarter|cohort_size|relationships|engaged */
  private static List<String> lines(Dataset<Row> retention) {
    return retention.orderBy("scope", "scope_id", "cohort_index", "quarters_since").collectAsList().stream()
        .map(r -> r.getAs("scope") + "|" + r.getAs("scope_id") + "|" + r.getAs("cohort_quarter") + "|"
            + r.getAs("quarters_since") + "|" + r.getAs("quarter") + "|" + r.getAs("cohort_size") + "|"
            + r.getAs("relationships") + "|" + r.getAs("engaged"))
        .toList();
  }

  @Test
  void cellsPerScopeAreCensoredPerMemberAndLeaveColleaguesAndUnconnectedOut() {
    Dataset<Row> got = Retention.build(quarters(), relationships(), P);
    assertEquals(List.of(
        "member|m1|2026-Q1|0|2026-Q1|2|2|1",
        "member|m1|2026-Q1|1|2026-Q2|2|2|2",
        "member|m1|2026-Q1|2|2026-Q3|2|2|1",
        "member|m1|2026-Q2|0|2026-Q2|1|1|0", // e's Q1 row comes before its cohort
        "member|m1|2026-Q2|1|2026-Q3|1|1|1",
        "member|m2|2026-Q1|0|2026-Q1|1|1|1",
        "member|m2|2026-Q1|1|2026-Q2|1|1|0", // m2's 2026-Q3 is partial: no k=2, no Q3 cohort
        "member|m2|2026-Q2|0|2026-Q2|1|1|1",
        "org|org|2026-Q1|0|2026-Q1|3|3|2",
        "org|org|2026-Q1|1|2026-Q2|3|3|2",
        "org|org|2026-Q1|2|2026-Q3|3|2|1", // f censored in Q3; the cohort size stays 3
        "org|org|2026-Q2|0|2026-Q2|2|2|1",
        "org|org|2026-Q2|1|2026-Q3|2|1|1",
        "team|Sales|2026-Q1|0|2026-Q1|3|3|2",
        "team|Sales|2026-Q1|1|2026-Q2|3|3|2",
        "team|Sales|2026-Q1|2|2026-Q3|3|2|1",
        "team|Sales|2026-Q2|0|2026-Q2|2|2|1",
        "team|Sales|2026-Q2|1|2026-Q3|2|1|1"), lines(got));

    Row cell = got.where(col("scope").equalTo("org").and(col("quarters_since").equalTo(0))
        .and(col("cohort_quarter").equalTo("2026-Q1"))).first();
    double[] wilson = Wilson.interval(2, 3, Wilson.Z95);
    assertEquals(2.0 / 3, cell.<Double>getAs("engaged_share"), 1e-12);
    assertEquals(wilson[0], cell.<Double>getAs("engaged_share_low"), 1e-12);
    assertEquals(wilson[1], cell.<Double>getAs("engaged_share_high"), 1e-12);
    assertEquals(2026 * 4, (int) cell.<Integer>getAs("cohort_index"));
    assertDoesNotThrow(() -> Tables.conform(got, "cohort_retention"));
  }

  @Test
  void fiscalCohortsAreLabelledByTheFiscalYear() {
    // April start: January-March 2026 is FY2026-Q4 (index 2026*4+3), April-June FY2027-Q1 (2027*4):
    // the same quarters as the calendar ones, each index 3 higher in relationship_quarters
    Dataset<Row> fiscalQuarters = quarters().withColumn("quarter_index", col("quarter_index").plus(3));
    List<String> got = Retention.build(fiscalQuarters, relationships(), P.withFiscalStartMonth(4))
        .where(col("scope").equalTo("member").and(col("scope_id").equalTo("m1")))
        .orderBy("cohort_index", "quarters_since").collectAsList().stream()
        .map(r -> r.getAs("cohort_quarter") + ">" + r.getAs("quarter")).toList();
    assertEquals(List.of("FY2026-Q4>FY2026-Q4", "FY2026-Q4>FY2027-Q1", "FY2026-Q4>FY2027-Q2",
        "FY2027-Q1>FY2027-Q1", "FY2027-Q1>FY2027-Q2"), got);
  }
}
