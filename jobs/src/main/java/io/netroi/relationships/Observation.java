package io.netroi.relationships;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_utc_timestamp;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who is observed until when (docs/relationships.md "Time, observation and quarters"): the run's
 * as-of date and each member's observation end, at which tiers, cohorts and rates are censored.
 */
public final class Observation {
  private Observation() {}

  /** The configured as-of date, else the latest observation date of any consenting member. */
  public static LocalDate asOf(Dataset<Row> members, Optional<LocalDate> configured) {
    if (configured.isPresent()) {
      return configured.get();
    }
    Row latest = members.where(col("consent")).agg(max("observed_until")).first();
    if (latest.isNullAt(0)) {
      throw new IllegalStateException("no consenting member has any data to observe (members.observed_until is empty)");
    }
    return latest.getDate(0).toLocalDate();
  }

  /**
   * Consenting members with data: member_id, team, timezone, observed_until (their own date capped
   * at the as-of date) and observed_end (the first instant after that local day, UTC).
   */
  public static Dataset<Row> windows(Dataset<Row> members, LocalDate asOf) {
    Column until = least(col("observed_until"), lit(Date.valueOf(asOf)));
    return members.where(col("consent").and(col("observed_until").isNotNull()))
        .select(col("member_id"), col("team"), col("timezone"), until.as("observed_until"))
        .withColumn("observed_end", localMidnight(date_add(col("observed_until"), 1), col("timezone")));
  }

  /**
   * Rows of the windows' members whose timestamp column is before the member's observed_end, joined
   * with the given window columns (member_id and observed_end at least).
   */
  public static Dataset<Row> before(Dataset<Row> rows, Dataset<Row> windows, String tsColumn) {
    return rows.join(windows, "member_id").where(col(tsColumn).lt(col("observed_end")));
  }

  /** The UTC instant at which a local date begins in a time zone. */
  public static Column localMidnight(Column localDate, Column timezone) {
    return to_utc_timestamp(localDate.cast("timestamp"), timezone);
  }
}
