package io.netroi.ingest;

import static io.netroi.ingest.Cols.field;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.netroi.identity.Identifiers;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Who the member is inside their own export, so messages get a direction and the member is not
 * counted as a contact: URL from the roster, else inferred; name from Profile.csv, else inferred.
 * The inference takes the person present in the most message rows (the member is in every one) and
 * reports the share of rows that person appears in as {@code identity_coverage}.
 */
public final class MemberIdentity {
  private MemberIdentity() {}

  /**
   * @param members member_id, profile_url (raw, nullable) and the other roster columns
   * @param rawMessages raw message rows (fields map)
   * @param rawProfiles raw Profile.csv rows
   * @return members plus member_url, member_name, identity_source, identity_coverage
   */
  public static Dataset<Row> resolve(Dataset<Row> members, Dataset<Row> rawMessages, Dataset<Row> rawProfiles) {
    Dataset<Row> inferred = inferFromMessages(rawMessages);
    Dataset<Row> profileNames = rawProfiles
        .withColumn("profile_name",
            Identifiers.nameColumn(concat_ws(" ", field("first_name"), field("last_name"))))
        .where(col("profile_name").isNotNull())
        .groupBy("member_id").agg(first("profile_name", true).as("profile_name"));
    Column rosterUrl = Identifiers.urlColumn(col("profile_url"));
    return members.join(inferred, "member_id", "left").join(profileNames, "member_id", "left")
        .withColumn("member_url", coalesce(rosterUrl, col("inferred_url")))
        .withColumn("member_name", coalesce(col("profile_name"), col("inferred_name")))
        .withColumn("identity_source",
            when(rosterUrl.isNotNull(), lit("roster"))
                .when(col("inferred_url").isNotNull().or(col("inferred_name").isNotNull()), lit("inferred"))
                .otherwise(lit("unknown")))
        .drop("inferred_url", "inferred_name", "profile_name");
  }

  static Dataset<Row> inferFromMessages(Dataset<Row> rawMessages) {
    Dataset<Row> rows = rawMessages.where(col("problem").isNull())
        .select(col("member_id"), col("source_file"), col("row_number"),
            field("from").as("from"), field("sender_url").as("sender_url"), field("to").as("to"));
    // each person once per row: distinct within the row's array, so no shuffle of the rows
    Column people = org.apache.spark.sql.functions.concat(
        org.apache.spark.sql.functions.array(col("from")), split(coalesce(col("to"), lit("")), ","));
    Column normalised = array_distinct(filter(transform(people, p -> Identifiers.nameColumn(trim(p))),
        p -> p.isNotNull()));
    Dataset<Row> mentions = rows.select(col("member_id"), explode(normalised).as("person"));
    Dataset<Row> totals = rows.groupBy("member_id").agg(count(lit(1)).as("rows"));
    var best = Window.partitionBy("member_id").orderBy(col("n").desc(), col("person"));
    Dataset<Row> topName = mentions.groupBy("member_id", "person").agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(best)).where(col("rank").equalTo(1))
        .join(totals, "member_id")
        .select(col("member_id"), col("person").as("inferred_name"),
            col("n").divide(col("rows")).as("identity_coverage"));
    var bestUrl = Window.partitionBy("member_id").orderBy(col("n").desc(), col("inferred_url"));
    Dataset<Row> topUrl = rows.withColumn("sender_name", Identifiers.nameColumn(col("from")))
        .join(topName, "member_id")
        .where(col("sender_name").equalTo(col("inferred_name")))
        .withColumn("inferred_url", Identifiers.urlColumn(col("sender_url")))
        .where(col("inferred_url").isNotNull())
        .groupBy("member_id", "inferred_url").agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(bestUrl)).where(col("rank").equalTo(1))
        .select("member_id", "inferred_url");
    return topName.join(topUrl, "member_id", "left");
  }

}
