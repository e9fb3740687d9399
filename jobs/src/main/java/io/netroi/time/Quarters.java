package io.netroi.time;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * Quarter labels (design.md "Time"): calendar {@code 2026-Q3}, or fiscal {@code FY2027-Q1} when the
 * fiscal year starts in another month, named by the calendar year in which the fiscal year ends.
 * Dates given here are already local dates (bucketed in the member's zone by the caller).
 */
public final class Quarters {
  private Quarters() {}

  /** @param fiscalStartMonth 1 for calendar quarters, else the month (2-12) the fiscal year starts */
  public static String label(LocalDate date, int fiscalStartMonth) {
    check(fiscalStartMonth);
    int shifted = Math.floorMod(date.getMonthValue() - fiscalStartMonth, 12);
    int quarter = shifted / 3 + 1;
    if (fiscalStartMonth == 1) {
      return date.getYear() + "-Q" + quarter;
    }
    int fiscalYear = date.getMonthValue() >= fiscalStartMonth ? date.getYear() + 1 : date.getYear();
    return "FY" + fiscalYear + "-Q" + quarter;
  }

  /** First day of the quarter a date falls in. */
  public static LocalDate start(LocalDate date, int fiscalStartMonth) {
    check(fiscalStartMonth);
    int shifted = Math.floorMod(date.getMonthValue() - fiscalStartMonth, 12);
    return date.withDayOfMonth(1).minusMonths(shifted % 3);
  }

  /** Spark: the same label from a date column, native expression. */
  public static Column label(Column date, int fiscalStartMonth) {
    check(fiscalStartMonth);
    Column shifted = pmod(month(date).minus(fiscalStartMonth), lit(12));
    Column quarter = shifted.divide(3).cast("int").plus(1).cast("string");
    if (fiscalStartMonth == 1) {
      return concat(year(date).cast("string"), lit("-Q"), quarter);
    }
    Column fiscalYear = when(month(date).geq(fiscalStartMonth), year(date).plus(1)).otherwise(year(date));
    return concat(lit("FY"), fiscalYear.cast("string"), lit("-Q"), quarter);
  }

  private static void check(int fiscalStartMonth) {
    if (fiscalStartMonth < 1 || fiscalStartMonth > 12) {
      throw new IllegalArgumentException("fiscal year start month must be 1-12, got " + fiscalStartMonth);
    }
  }
}
