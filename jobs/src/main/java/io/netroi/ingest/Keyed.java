package io.netroi.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies the resolver's keys to parsed rows: contact_key, colleague flag, erasure. A kept row whose
 * person is erased becomes {@code excluded:erased}. Pure transformations.
 */
public final class Keyed {
  public static final String ERASED = "excluded:erased";

  private Keyed() {}

  /**
   * @param df rows with source_file, row_number, problem
   * @param keys record_id, contact_key
   * @param special contact_key, is_erased, is_colleague (small: erased people and members)
   */
  public static Dataset<Row> withContactKey(Dataset<Row> df, Dataset<Row> keys, Dataset<Row> special) {
    Dataset<Row> withId = df.withColumn("record_id",
        Occurrences.recordId(col("source_file"), col("row_number"), lit("0")));
    return withId.join(keys.select("record_id", "contact_key"), new String[] {"record_id"}, "left")
        .transform(d -> withFlags(d, special))
        .withColumn("problem", when(col("problem").isNull().and(col("is_erased")), lit(ERASED))
            .otherwise(col("problem")))
        .drop("record_id");
  }

  /** is_erased and is_colleague for the row's contact_key. */
  public static Dataset<Row> withFlags(Dataset<Row> df, Dataset<Row> special) {
    return df.join(broadcast(special), new String[] {"contact_key"}, "left")
        .withColumn("is_erased", coalesce(col("is_erased"), lit(false)))
        .withColumn("is_colleague", coalesce(col("is_colleague"), lit(false)));
  }

  /**
   * Messages: the keys of each row's contacts, one row per message row: msg_id, {@code contacts_keyed}
   * (array of contact_pos, contact_key, is_colleague in contact order) and {@code any_erased} (the
   * row involves an erased person).
   *
   * @param exploded {@link Occurrences#explodeMessageContacts}
   * @param tupleKeys {@link #messageTupleKeys}
   */
  public static Dataset<Row> messageContacts(Dataset<Row> exploded, Dataset<Row> tupleKeys, Dataset<Row> special) {
    Dataset<Row> keys = tupleKeys.select(col("member_id").as("t_member"), col("url").as("t_url"),
        col("name").as("t_name"), col("contact_key"));
    Column sameTuple = col("member_id").equalTo(col("t_member")).and(col("url").eqNullSafe(col("t_url")))
        .and(col("name").eqNullSafe(col("t_name")));
    return exploded.join(keys, sameTuple, "left")
        .transform(d -> withFlags(d, special))
        .groupBy("msg_id")
        .agg(array_sort(collect_list(struct(col("contact_pos"), col("contact_key"), col("is_colleague"))))
                .as("contacts_keyed"),
            max(col("is_erased")).as("any_erased"));
  }

  /**
   * The key of each message contact tuple: member_id, url, name, contact_key; tuples the resolver
   * gave no key (no identifier) are left out.
   *
   * @param tuples {@link Occurrences#messageTuples}
   * @param keys the resolver's record keys (record_id, contact_key)
   */
  public static Dataset<Row> messageTupleKeys(Dataset<Row> tuples, Dataset<Row> keys) {
    return tuples.withColumn("record_id", Occurrences.messageTupleId(col("tuple_id")))
        .join(keys.select("record_id", "contact_key"), "record_id")
        .select("member_id", "url", "name", "contact_key");
  }
}
