package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.posexplode;

import io.netroi.identity.Identifiers;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Identity occurrences for the resolver: one row per (record, person) with the identifiers that
 * row shows: {@code record_id, scope, url, email, name, company, records} (records: the source
 * records the row stands for). Only rows that count so far are
 * used, so a spam or malformed row can never link two people.
 */
public final class Occurrences {
  /** Every row here stands for one source record but those of {@link #ofMessageTuples}. */
  private static final Column ONE = lit(1L).as("records");

  private Occurrences() {}

  /** record id of a row of a file, optionally of one person in it. */
  public static Column recordId(Column sourceFile, Column rowNumber, Column part) {
    return concat_ws("#", sourceFile, rowNumber.cast("string"), part);
  }

  /** Connections, invitations, generic interactions: one person per row. */
  public static Dataset<Row> ofRows(Dataset<Row> df) {
    Cols.require(df, "Occurrences.ofRows", "member_id", "source_file", "row_number", "problem",
        "url", "email", "name", "company");
    return df.where(col("problem").isNull())
        .select(recordId(col("source_file"), col("row_number"), lit("0")).as("record_id"),
            col("member_id").as("scope"), col("url"), col("email"), col("name"), col("company"), ONE);
  }

  /**
   * Messages: one row per contact of each message row that counts so far (the member excluded),
   * narrow: msg_id, member_id, contact_pos, url, name.
   */
  public static Dataset<Row> explodeMessageContacts(Dataset<Row> messages) {
    return messages.where(col("problem").isNull())
        .select(col("msg_id"), col("member_id"), posexplode(col("contacts")).as(new String[] {"contact_pos", "contact"}))
        .select(col("msg_id"), col("member_id"), col("contact_pos"), col("contact.url").as("url"),
            col("contact.name").as("name"));
  }

  /**
   * The distinct (member_id, url, name) of {@link #explodeMessageContacts}, with {@code records} (how
   * many message contacts show it) and a long {@code tuple_id}. The same person recurs in many of a
   * member's messages, and all those occurrences are one hyperedge for the resolver, so it is given
   * each once ({@link #ofMessageTuples}); the caller materialises this so the ids are fixed.
   */
  public static Dataset<Row> messageTuples(Dataset<Row> exploded) {
    return exploded.groupBy("member_id", "url", "name").agg(count(lit(1)).as("records"))
        .withColumn("tuple_id", monotonically_increasing_id());
  }

  /** The resolver's record id of a {@link #messageTuples} row. */
  public static Column messageTupleId(Column tupleId) {
    return concat(lit("messages#"), tupleId.cast("string"));
  }

  /** Occurrences of {@link #messageTuples}: one per tuple, weighted by its records. */
  public static Dataset<Row> ofMessageTuples(Dataset<Row> tuples) {
    return tuples.select(messageTupleId(col("tuple_id")).as("record_id"), col("member_id").as("scope"), col("url"),
        lit(null).cast("string").as("email"), col("name"), lit(null).cast("string").as("company"),
        col("records"));
  }

  /**
   * Outcomes: the contact and the introducer, each scoped to the owner member so that a name the
   * CRM gives links to that member's contact of the same name when unambiguous.
   */
  public static Dataset<Row> ofOutcomes(Dataset<Row> outcomes) {
    Dataset<Row> kept = outcomes.where(col("problem").isNull());
    Dataset<Row> contacts = kept.select(
        recordId(col("source_file"), col("row_number"), lit("contact")).as("record_id"),
        col("owner_member_id").as("scope"),
        Identifiers.urlColumn(col("contact_profile_url")).as("url"),
        Identifiers.emailColumn(col("contact_email")).as("email"),
        Identifiers.nameColumn(col("contact_name")).as("name"),
        Identifiers.companyColumn(col("contact_company")).as("company"), ONE);
    Dataset<Row> introducers = kept.select(
        recordId(col("source_file"), col("row_number"), lit("introducer")).as("record_id"),
        col("owner_member_id").as("scope"),
        Identifiers.urlColumn(col("introduced_by_profile_url")).as("url"),
        Identifiers.emailColumn(col("introduced_by_email")).as("email"),
        Identifiers.nameColumn(col("introduced_by_name")).as("name"),
        lit(null).cast("string").as("company"), ONE);
    return contacts.unionByName(introducers)
        .where(col("url").isNotNull().or(col("email").isNotNull()).or(col("name").isNotNull()));
  }
}
