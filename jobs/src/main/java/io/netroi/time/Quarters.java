package io.netroi.time;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
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

  /**
   * A quarter's position on one integer line, {@code fiscalYear * 4 + (q - 1)} (the calendar year
   * for calendar quarters), so consecutive quarters differ by one and "k quarters later" is plain
   * arithmetic.
   */
  public static int index(LocalDate date, int fiscalStartMonth) {
    check(fiscalStartMonth);
    int shifted = Math.floorMod(date.getMonthValue() - fiscalStartMonth, 12);
    int fiscalYear = fiscalStartMonth > 1 && date.getMonthValue() >= fiscalStartMonth ? date.getYear() + 1 : date.getYear();
    return fiscalYear * 4 + shifted / 3;
  }

  /** First day of the quarter with this index. */
  public static LocalDate startOfIndex(int index, int fiscalStartMonth) {
    check(fiscalStartMonth);
    int fiscalYear = Math.floorDiv(index, 4);
    int q = Math.floorMod(index, 4);
    LocalDate yearStart = LocalDate.of(fiscalStartMonth == 1 ? fiscalYear : fiscalYear - 1, fiscalStartMonth, 1);
    return yearStart.plusMonths(3L * q);
  }

  /** Label of the quarter with this index. */
  public static String labelOfIndex(int index, int fiscalStartMonth) {
    return label(startOfIndex(index, fiscalStartMonth), fiscalStartMonth);
  }

  /** Spark: {@link #index(LocalDate, int)} from a date column, native expression. */
  public static Column index(Column date, int fiscalStartMonth) {
    check(fiscalStartMonth);
    Column shifted = pmod(month(date).minus(fiscalStartMonth), lit(12));
    Column fiscalYear = fiscalStartMonth == 1 ? year(date)
        : when(month(date).geq(fiscalStartMonth), year(date).plus(1)).otherwise(year(date));
    return fiscalYear.multiply(4).plus(shifted.divide(3).cast("int")).cast("int");
  }

  /** Spark: {@link #startOfIndex(int, int)} from an index column. */
  public static Column startOfIndex(Column index, int fiscalStartMonth) {
    check(fiscalStartMonth);
    Column fiscalYear = org.apache.spark.sql.functions.floor(index.divide(4)).cast("int");
    Column q = pmod(index, lit(4));
    Column startYear = fiscalStartMonth == 1 ? fiscalYear : fiscalYear.minus(1);
    return add_months(make_date(startYear, lit(fiscalStartMonth), lit(1)), q.multiply(3).cast("int"));
  }

  /** Spark: {@link #labelOfIndex(int, int)} from an index column. */
  public static Column labelOfIndex(Column index, int fiscalStartMonth) {
    return label(startOfIndex(index, fiscalStartMonth), fiscalStartMonth);
  }

  /** A quarter label of either calendar: {@code 2026-Q3} (calendar) or {@code FY2027-Q1} (fiscal). */
  static final String LABEL_REGEX = "(FY)?(\\d{4})-Q([1-4])";
  static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(LABEL_REGEX);

  /** The text is a quarter label of either calendar (surrounding blanks ignored). */
  public static boolean isLabel(String text) {
    return text != null && LABEL.matcher(text.trim()).matches();
  }

  /**
   * The index of a quarter label of this calendar ({@code year * 4 + q - 1} for both forms); fails
   * naming the label when it is malformed or of the other calendar.
   */
  public static int indexOfLabel(String label, int fiscalStartMonth) {
    check(fiscalStartMonth);
    java.util.regex.Matcher m = LABEL.matcher(label == null ? "" : label.trim());
    boolean fiscalLabel = m.matches() && m.group(1) != null;
    if (!m.matches() || fiscalLabel != (fiscalStartMonth > 1)) {
      throw new IllegalArgumentException("quarter '" + label + "' is not a quarter of this calendar (expected "
          + (fiscalStartMonth > 1 ? "FY2027-Q1" : "2026-Q3") + ")");
    }
    return Integer.parseInt(m.group(2)) * 4 + Integer.parseInt(m.group(3)) - 1;
  }

  /** Spark: the index of a label column ({@code 2026-Q3} or {@code FY2027-Q1}); null when malformed. */
  public static Column indexOfLabel(Column label) {
    String re = "^" + LABEL_REGEX + "$";
    Column year = org.apache.spark.sql.functions.regexp_extract(label, re, 2);
    Column q = org.apache.spark.sql.functions.regexp_extract(label, re, 3);
    return when(label.rlike(re), year.cast("int").multiply(4).plus(q.cast("int")).minus(1).cast("int"));
  }

  private static void check(int fiscalStartMonth) {
    if (fiscalStartMonth < 1 || fiscalStartMonth > 12) {
      throw new IllegalArgumentException("fiscal year start month must be 1-12, got " + fiscalStartMonth);
    }
  }
}
