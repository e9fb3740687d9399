package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-item facts the outcome comparisons share (docs/relationships.md "Outcome comparisons"): who
 * is observed until when, two-way within a window, an outcome within a window.
 */
final class CohortFacts {
  private CohortFacts() {}

  /** Rows of consenting members only, with the member's team, timezone, observed_until and observed_end from windows. */
  static Dataset<Row> withWindow(Dataset<Row> rows, Dataset<Row> windows) {
    Dataset<Row> w = windows.select("member_id", "team", "timezone", "observed_until", "observed_end");
    return rows.drop("team", "timezone", "observed_until", "observed_end").join(w, new String[] {"member_id"});
  }

  /** A timestamp plus whole days (24-hour days, UTC instants). */
  static Column plusDays(Column ts, int days) {
    return ts.plus(lit(Duration.ofDays(days)));
  }

  /** The whole window [start, start + days) lies within the member's observation: start + days <= observed_end. */
  static Column observedFor(Column start, int days) {
    return plusDays(start, days).leq(col("observed_end"));
  }

  /**
   * Adds boolean {@code out}: the member and the contact exchanged at least one counted message or
   * interaction each way (any source, any participants) with start <= ts < start + days; false
   * without a start. Needs member_id, contact_key and the start timestamp column.
   */
  static Dataset<Row> withTwoWay(Dataset<Row> rows, Dataset<Row> interactions, String start, int days, String out) {
    Dataset<Row> keys = rows.select("member_id", "contact_key", start).where(col(start).isNotNull()).distinct();
    Dataset<Row> touches = interactions.select(col("member_id").as("_i_member"), col("contact_key").as("_i_contact"),
        col("ts").as("_i_ts"), col("direction").as("_i_direction"));
    Dataset<Row> twoWay = keys.join(touches, keys.col("member_id").equalTo(touches.col("_i_member"))
            .and(keys.col("contact_key").equalTo(touches.col("_i_contact")))
            .and(touches.col("_i_ts").geq(keys.col(start)))
            .and(touches.col("_i_ts").lt(plusDays(keys.col(start), days))))
        .groupBy("member_id", "contact_key", start)
        .agg(max(when(col("_i_direction").equalTo("out"), true)).and(max(when(col("_i_direction").equalTo("in"), true)))
            .as(out));
    return rows.join(twoWay, new String[] {"member_id", "contact_key", start}, "left")
        .withColumn(out, coalesce(col(out), lit(false)));
  }

  /**
   * Adds boolean {@code out}: an outcome of any owner whose contact_key is the row's contact closed
   * on a local date in [from, to] (both date columns, inclusive); false when either is null.
   */
  static Dataset<Row> withOutcomeBetween(Dataset<Row> rows, Dataset<Row> outcomes, String from, String to, String out) {
    Dataset<Row> keys = rows.select("contact_key", from, to).where(col(from).isNotNull().and(col(to).isNotNull())).distinct();
    Dataset<Row> closed = outcomes.where(col("contact_key").isNotNull().and(col("closed_on").isNotNull()))
        .select(col("contact_key").as("_o_contact"), col("closed_on").as("_o_closed"));
    Dataset<Row> hits = keys.join(closed, keys.col("contact_key").equalTo(closed.col("_o_contact"))
            .and(closed.col("_o_closed").between(keys.col(from), keys.col(to))))
        .select("contact_key", from, to).distinct().withColumn(out, lit(true));
    return rows.join(hits, new String[] {"contact_key", from, to}, "left")
        .withColumn(out, coalesce(col(out), lit(false)));
  }
}
