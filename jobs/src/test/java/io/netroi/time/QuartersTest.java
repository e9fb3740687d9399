package io.netroi.time;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netroi.testing.SparkTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class QuartersTest extends SparkTestBase {
  @Test
  void calendarQuarters() {
    assertEquals("2026-Q3", Quarters.label(LocalDate.of(2026, 9, 30), 1));
    assertEquals("2026-Q4", Quarters.label(LocalDate.of(2026, 10, 1), 1));
    assertEquals("2026-Q1", Quarters.label(LocalDate.of(2026, 1, 1), 1));
    assertEquals(LocalDate.of(2026, 7, 1), Quarters.start(LocalDate.of(2026, 9, 30), 1));
  }

  @Test
  void fiscalYearsAreNamedByTheYearTheyEnd() {
    // July start: July 2026 opens FY2027
    assertEquals("FY2027-Q1", Quarters.label(LocalDate.of(2026, 7, 1), 7));
    assertEquals("FY2026-Q4", Quarters.label(LocalDate.of(2026, 6, 30), 7));
    // April start (UK): March 2026 closes FY2026, April 2026 opens FY2027
    assertEquals("FY2026-Q4", Quarters.label(LocalDate.of(2026, 3, 31), 4));
    assertEquals("FY2027-Q1", Quarters.label(LocalDate.of(2026, 4, 1), 4));
    assertEquals("FY2027-Q3", Quarters.label(LocalDate.of(2026, 12, 15), 4));
    assertEquals(LocalDate.of(2026, 10, 1), Quarters.start(LocalDate.of(2026, 12, 15), 4));
    // February start: January belongs to the previous fiscal year's last quarter
    assertEquals("FY2026-Q4", Quarters.label(LocalDate.of(2026, 1, 20), 2));
    assertEquals(LocalDate.of(2025, 11, 1), Quarters.start(LocalDate.of(2026, 1, 20), 2));
    assertThrows(IllegalArgumentException.class, () -> Quarters.label(LocalDate.of(2026, 1, 1), 13));
  }

  @Test
  void sparkLabelsEqualJavaLabelsForEveryMonthAndStart() {
    StructType schema = new StructType().add("d", DataTypes.DateType);
    Object[][] rows = new Object[24][];
    for (int i = 0; i < 24; i++) {
      rows[i] = row(Date.valueOf(LocalDate.of(2025, 1, 15).plusMonths(i)));
    }
    for (int start = 1; start <= 12; start++) {
      List<Row> got = df(schema, rows).select(col("d"), Quarters.label(col("d"), start)).collectAsList();
      for (Row r : got) {
        assertEquals(Quarters.label(r.getDate(0).toLocalDate(), start), r.getString(1), "start " + start + " " + r);
      }
    }
  }

  @Test
  void indexesAreConsecutiveAndRoundTrip() {
    assertEquals(2026 * 4 + 2, Quarters.index(LocalDate.of(2026, 9, 30), 1));
    assertEquals(Quarters.index(LocalDate.of(2026, 9, 30), 1) + 1, Quarters.index(LocalDate.of(2026, 10, 1), 1));
    assertEquals(2027 * 4, Quarters.index(LocalDate.of(2026, 7, 1), 7)); // FY2027-Q1
    assertEquals(2026 * 4 + 3, Quarters.index(LocalDate.of(2026, 6, 30), 7)); // FY2026-Q4
    assertEquals(LocalDate.of(2026, 7, 1), Quarters.startOfIndex(2027 * 4, 7));
    assertEquals("FY2026-Q4", Quarters.labelOfIndex(2026 * 4 + 3, 2));
    assertEquals(LocalDate.of(2025, 11, 1), Quarters.startOfIndex(2026 * 4 + 3, 2));
    for (int start = 1; start <= 12; start++) {
      LocalDate d = LocalDate.of(2024, 1, 1);
      int previous = Quarters.index(d, start);
      for (int i = 0; i < 800; i++, d = d.plusDays(1)) {
        int idx = Quarters.index(d, start);
        org.junit.jupiter.api.Assertions.assertTrue(idx == previous || idx == previous + 1, "consecutive at " + d);
        previous = idx;
        assertEquals(Quarters.start(d, start), Quarters.startOfIndex(idx, start), "start " + start + " " + d);
        assertEquals(Quarters.label(d, start), Quarters.labelOfIndex(idx, start));
      }
    }
  }

  @Test
  void sparkIndexesEqualJavaIndexes() {
    StructType schema = new StructType().add("d", DataTypes.DateType);
    Object[][] rows = new Object[30][];
    for (int i = 0; i < 30; i++) {
      rows[i] = row(Date.valueOf(LocalDate.of(2024, 12, 31).plusDays(i * 23L)));
    }
    for (int start = 1; start <= 12; start++) {
      List<Row> got = df(schema, rows).select(col("d"), Quarters.index(col("d"), start),
          Quarters.startOfIndex(Quarters.index(col("d"), start), start),
          Quarters.labelOfIndex(Quarters.index(col("d"), start), start)).collectAsList();
      for (Row r : got) {
        LocalDate d = r.getDate(0).toLocalDate();
        assertEquals(Quarters.index(d, start), r.getInt(1), "start " + start + " " + d);
        assertEquals(Quarters.start(d, start), r.getDate(2).toLocalDate());
        assertEquals(Quarters.label(d, start), r.getString(3));
      }
    }
  }
}
