package io.netroi.relationships;

import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.to_date;

import org.apache.spark.sql.Column;

/** Days, months and quarters are those of the member's roster time zone (design.md "Time"). */
public final class LocalTime {
  private LocalTime() {}

  /** The local date of a UTC timestamp in a time zone column. */
  public static Column date(Column ts, Column timezone) {
    return to_date(from_utc_timestamp(ts, timezone));
  }
}
