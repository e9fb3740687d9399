package io.netroi.ingest.introductions;

import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.array;

import io.netroi.ingest.Cols;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * design.md: an introduction is a 3-person conversation whose opening message carries an
 * introduction cue; its sender introduced the other two. One row per person introduced:
 * when the member introduced two contacts, two rows (introducer_key null, made_by_member true);
 * when a contact introduced the member to someone, one row naming that someone.
 */
public final class Introductions {
  private Introductions() {}

  /**
   * @param messages counted message rows: member_id, conversation_key, ts, row_number, is_out,
   *     participants, is_intro_cue, sender_key (null when the member sent it), contact_keys (array)
   */
  public static Dataset<Row> detect(Dataset<Row> messages) {
    Cols.require(messages, "Introductions.detect", "member_id", "conversation_key", "ts", "is_out",
        "participants", "is_intro_cue", "sender_key", "contact_keys", "source_file", "row_number");
    var conversation = Window.partitionBy("member_id", "conversation_key");
    var byTime = conversation.orderBy(col("ts"), col("source_file"), col("row_number"));
    Dataset<Row> openers = messages.where(col("participants").equalTo(3))
        .withColumn("everyone", array_distinct(flatten(collect_set(col("contact_keys")).over(conversation))))
        .withColumn("position", row_number().over(byTime))
        .where(col("position").equalTo(1).and(col("is_intro_cue")));
    return openers
        .withColumn("made_by_member", col("is_out"))
        .withColumn("introducer_key", when(col("is_out"), lit(null).cast("string")).otherwise(col("sender_key")))
        .withColumn("introduced_key", explode(when(col("is_out"), col("everyone"))
            .otherwise(array_except(col("everyone"), array(col("sender_key"))))))
        .select(col("member_id"), col("conversation_key"), col("ts").as("introduced_at"),
            col("made_by_member"), col("introducer_key"), col("introduced_key"));
  }
}
