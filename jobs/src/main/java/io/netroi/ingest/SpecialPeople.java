package io.netroi.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The few contact keys that need a flag: people on the erasure list (found through any of their
 * identifiers) and colleagues (other rostered members, by their profile URL).
 */
public final class SpecialPeople {
  private SpecialPeople() {}

  /**
   * @param identifierKeys identifier ({@code type:value}), contact_key — private, never written
   * @param erased identifiers from erasures.csv
   * @param identity member_id, member_url of consenting members
   */
  public static Dataset<Row> of(SparkSession spark, Dataset<Row> identifierKeys, Set<String> erased,
      Dataset<Row> identity) {
    Dataset<Row> erasedIds = spark.createDataset(List.copyOf(erased), Encoders.STRING()).toDF("identifier");
    Dataset<Row> erasedKeys = identifierKeys.join(erasedIds, "identifier").select("contact_key").distinct()
        .withColumn("is_erased", lit(true));
    Dataset<Row> colleagueKeys = identity.where(col("member_url").isNotNull())
        .select(concat(lit("url:"), col("member_url")).as("identifier"))
        .join(identifierKeys, "identifier").select("contact_key").distinct()
        .withColumn("is_colleague", lit(true));
    return erasedKeys.join(colleagueKeys, new String[] {"contact_key"}, "full_outer")
        .select(col("contact_key"), coalesce(col("is_erased"), lit(false)).as("is_erased"),
            coalesce(col("is_colleague"), lit(false)).as("is_colleague"));
  }
}
