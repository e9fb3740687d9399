package io.netroi.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Column expressions shared by the ingest steps; all native Spark functions. */
public final class Cols {
  private Cols() {}

  /** A canonical field of a raw record (null when the file had no such column or it was empty). */
  public static Column field(String name) {
    return col("fields").getField(name);
  }

  /** First format that parses, as a timestamp in the session zone (UTC). */
  public static Column timestampIn(Column raw, List<String> formats) {
    Column[] parsed = formats.stream().map(f -> to_timestamp(trim(raw), f)).toArray(Column[]::new);
    return parsed.length == 1 ? parsed[0] : coalesce(parsed);
  }

  /** First format that parses, as a local date. */
  public static Column dateIn(Column raw, List<String> formats) {
    Column[] parsed = formats.stream().map(f -> to_date(trim(raw), f)).toArray(Column[]::new);
    return parsed.length == 1 ? parsed[0] : coalesce(parsed);
  }

  /** A wall-clock time in the member's zone to the UTC instant. */
  public static Column localToUtc(Column localTs, Column zone) {
    return to_utc_timestamp(localTs, zone);
  }

  /**
   * The reason a date field cannot be used ({@code rejected:missing_date} /
   * {@code rejected:unparseable_date}), or null.
   */
  public static Column dateProblem(Column raw, Column parsed) {
    return when(raw.isNull(), lit("rejected:missing_date"))
        .when(parsed.isNull(), lit("rejected:unparseable_date"));
  }

  /** Fails with the names of the columns a step needs but did not get. */
  public static void require(Dataset<Row> df, String step, String... columns) {
    List<String> have = Arrays.asList(df.columns());
    List<String> missing = Arrays.stream(columns).filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(step + " needs columns " + missing + " but got " + have);
    }
  }
}
