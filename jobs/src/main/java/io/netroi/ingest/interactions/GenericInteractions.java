package io.netroi.ingest.interactions;

import static io.netroi.ingest.Cols.field;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.Cols;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code interactions/*.csv}: email, meetings, calls or other networks, one row per touch:
 * {@code member_id,contact_profile_url,contact_email,contact_name,timestamp,direction,channel,conversation_id}.
 * Timestamps are ISO-8601 with an offset or {@code Z}; without one they are the member's wall clock.
 */
public final class GenericInteractions {
  static final List<String> ZONED_FORMATS = List.of("yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
      "yyyy-MM-dd HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mmXXX");
  static final List<String> LOCAL_FORMATS = List.of("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
      "yyyy-MM-dd HH:mm", "yyyy-MM-dd");

  private GenericInteractions() {}

  /**
   * @param raw raw interaction rows (member_id taken from the row's field)
   * @param members member_id and timezone of consenting members
   */
  public static Dataset<Row> parse(Dataset<Row> raw, Dataset<Row> members) {
    return raw.withColumn("member_id", trim(field("member_id")))
        .join(members.select("member_id", "timezone"), new String[] {"member_id"}, "left")
        .transform(GenericInteractions::withTimestamp)
        .transform(GenericInteractions::withContact);
  }

  static Dataset<Row> withTimestamp(Dataset<Row> df) {
    Column rawTs = field("timestamp");
    Column ts = coalesce(Cols.timestampIn(rawTs, ZONED_FORMATS),
        Cols.localToUtc(Cols.timestampIn(rawTs, LOCAL_FORMATS), col("timezone")));
    return df.withColumn("ts", ts)
        .withColumn("problem", coalesce(col("problem"),
            when(col("timezone").isNull(), lit("rejected:unknown_member")),
            Cols.dateProblem(rawTs, col("ts"))));
  }

  static Dataset<Row> withContact(Dataset<Row> df) {
    Column dir = lower(trim(field("direction")));
    return df.withColumn("direction", when(dir.isin("out", "outgoing", "outbound", "sent"), lit("out"))
            .when(dir.isin("in", "incoming", "inbound", "received"), lit("in")))
        .withColumn("channel", lower(trim(field("channel"))))
        .withColumn("conversation_ref", field("conversation_id"))
        .withColumn("url", Identifiers.urlColumn(field("contact_profile_url")))
        .withColumn("email", Identifiers.emailColumn(field("contact_email")))
        .withColumn("name", Identifiers.nameColumn(field("contact_name")))
        .withColumn("company", lit(null).cast("string"))
        .withColumn("problem", coalesce(col("problem"),
            when(col("direction").isNull().or(col("channel").isNull()), lit("rejected:invalid_value")),
            when(col("url").isNull().and(col("email").isNull()).and(col("name").isNull()),
                lit("rejected:unidentifiable_contact"))))
        .drop("fields");
  }
}
