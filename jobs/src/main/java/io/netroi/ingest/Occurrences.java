package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import io.netroi.identity.Identifiers;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Identity occurrences for the resolver: one row per (record, person) with the identifiers that
 * row shows: {@code record_id, scope, url, email, name, company}. Only rows that count so far are
 * used, so a spam or malformed row can never link two people.
 */
public final class Occurrences {
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
            col("member_id").as("scope"), col("url"), col("email"), col("name"), col("company"));
  }

  /**
   * Messages: one occurrence per contact in the row (the member excluded), narrow: source_file,
   * row_number, member_id, contact_pos, contact (name, url), record_id.
   */
  public static Dataset<Row> explodeMessageContacts(Dataset<Row> messages) {
    return messages.where(col("problem").isNull())
        .select(col("source_file"), col("row_number"), col("member_id"),
            posexplode(col("contacts")).as(new String[] {"contact_pos", "contact"}))
        .withColumn("record_id", recordId(col("source_file"), col("row_number"), col("contact_pos").cast("string")));
  }

  public static Dataset<Row> ofMessageContacts(Dataset<Row> exploded) {
    return exploded.select(col("record_id"), col("member_id").as("scope"), col("contact.url").as("url"),
        lit(null).cast("string").as("email"), col("contact.name").as("name"),
        lit(null).cast("string").as("company"));
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
        Identifiers.companyColumn(col("contact_company")).as("company"));
    Dataset<Row> introducers = kept.select(
        recordId(col("source_file"), col("row_number"), lit("introducer")).as("record_id"),
        col("owner_member_id").as("scope"),
        Identifiers.urlColumn(col("introduced_by_profile_url")).as("url"),
        Identifiers.emailColumn(col("introduced_by_email")).as("email"),
        Identifiers.nameColumn(col("introduced_by_name")).as("name"),
        lit(null).cast("string").as("company"));
    return contacts.unionByName(introducers)
        .where(col("url").isNotNull().or(col("email").isNotNull()).or(col("name").isNotNull()));
  }
}
