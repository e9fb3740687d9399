package io.netroi.cohorts;

import static io.netroi.cohorts.CohortInputs.date;
import static io.netroi.cohorts.CohortInputs.ts;

import io.netroi.relationships.RelationshipParams;
import io.netroi.testing.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class OutcomeWindowsTest extends SparkTestBase {
  private static final RelationshipParams P = RelationshipParams.defaults();

  @Test
  void cutIsTheLocalMidnightOneOutcomeWindowBeforeObservedEnd() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31",
        row("m1", "Sales", "UTC", true, date("2025-12-31")),
        row("m2", "Ops", "Europe/Berlin", true, date("2025-06-30")),
        row("m3", "Ops", "Europe/Berlin", true, date("2025-03-30")));
    Dataset<Row> cut = OutcomeWindows.cutWindows(windows, P);
    Assertions.assertEquals(Arrays.asList(windows.columns()), Arrays.asList(cut.columns()), "same columns, same order");
    Assertions.assertEquals(windows.schema(), cut.schema());
    List<Row> rows = cut.orderBy("member_id").collectAsList();
    Assertions.assertEquals(3, rows.size(), "every member, whether or not they have data before the cut");
    assertCut(rows.get(0), "Sales", "2024-12-31", "2025-01-01T00:00:00Z");
    assertCut(rows.get(1), "Ops", "2024-06-30", "2024-06-30T22:00:00Z");
    // observed_end 2025-03-30T22:00Z (CEST); the cut is local midnight 2024-03-31 in CET, 23:00Z
    assertCut(rows.get(2), "Ops", "2024-03-30", "2024-03-30T23:00:00Z");
  }

  @Test
  void cutDateIsTheFirstLocalDayOfTheOutcomeWindow() {
    Dataset<Row> windows = CohortInputs.windows(spark(), "2025-12-31", row("m1", "Sales", "UTC", true, date("2025-12-31")));
    Row r = windows.select(OutcomeWindows.cutOn(windows.col("observed_until"), P)).first();
    Assertions.assertEquals(date("2025-01-01"), r.getDate(0), "365 local dates: 2025-01-01 .. 2025-12-31");
  }

  private static void assertCut(Row r, String team, String until, String end) {
    Assertions.assertEquals(team, r.getAs("team"));
    Assertions.assertEquals(date(until), r.getAs("observed_until"), r.toString());
    Assertions.assertEquals(ts(end), r.getAs("observed_end"), r.toString());
  }
}
