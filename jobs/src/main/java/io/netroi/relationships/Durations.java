package io.netroi.relationships;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_micros;

import org.apache.spark.sql.Column;

/** Exact elapsed time between two UTC timestamps (microseconds, so window edges compare exactly). */
final class Durations {
  private Durations() {}

  static final long MICROS_PER_HOUR = 3_600_000_000L;
  static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  /** Microseconds from one timestamp to another (negative when {@code to} is earlier). */
  static Column micros(Column from, Column to) {
    return unix_micros(to).minus(unix_micros(from));
  }

  /** Elapsed hours as a double. */
  static Column hours(Column from, Column to) {
    return micros(from, to).divide(MICROS_PER_HOUR);
  }

  /** Elapsed days (24 h each) as a double. */
  static Column days(Column from, Column to) {
    return micros(from, to).divide(MICROS_PER_DAY);
  }

  /** {@code to} comes at most {@code hours} hours after {@code from} (not before it). */
  static Column withinHours(Column from, Column to, int hours) {
    Column elapsed = micros(from, to);
    return elapsed.geq(0).and(elapsed.leq(hours * MICROS_PER_HOUR));
  }

  /** The whole window of {@code hours} after {@code from} lies before the row's observed_end. */
  static Column windowObserved(Column from, int hours) {
    return micros(from, col(Names.OBSERVED_END)).geq(hours * MICROS_PER_HOUR);
  }

  /** {@code to} comes strictly more than {@code days} x 24 h after {@code from}. */
  static Column moreThanDays(Column from, Column to, int days) {
    return micros(from, to).gt(days * MICROS_PER_DAY);
  }
}
