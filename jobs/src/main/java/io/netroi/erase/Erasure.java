package io.netroi.erase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The ingest tables without the erased people and members (docs/erasure.md), as an ingest with the
 * same erasure list would have left them: a message row is dropped with every other row of that
 * message when any of its people is erased; outcomes keep their row but lose the erased contact
 * ({@code contact_match} = {@code erased}) or introducer; an erased member's rows, costs and owned
 * outcomes go. Pure transformations; {@link EraseJob} does the I/O.
 */
public final class Erasure {
  /** The columns that name a member or a contact in a table. */
  record Subject(List<String> memberColumns, List<String> keyColumns) {}

  static final Map<String, Subject> SUBJECTS = Map.of(
      "members", new Subject(List.of("member_id"), List.of()),
      "connections", new Subject(List.of("member_id"), List.of("contact_key")),
      "invitations", new Subject(List.of("member_id"), List.of("contact_key")),
      "costs", new Subject(List.of("member_id"), List.of()),
      "rejects", new Subject(List.of("member_id"), List.of()),
      "data_quality", new Subject(List.of("member_id"), List.of()));

  /** The erased: contact keys (column contact_key) and member ids. */
  public record Erased(Dataset<Row> keys, Set<String> members) {}

  private Erasure() {}

  /** The rows of a table that name no erased member and no erased contact. */
  static Dataset<Row> without(Dataset<Row> df, Subject s, Erased e) {
    Dataset<Row> out = df;
    for (String m : s.memberColumns()) {
      out = out.where(notErasedMember(col(m), e.members()));
    }
    for (String k : s.keyColumns()) {
      out = out.join(e.keys().withColumnRenamed("contact_key", "__erased"), col(k).equalTo(col("__erased")),
          "left_anti");
    }
    return out;
  }

  static Column notErasedMember(Column member, Set<String> members) {
    return members.isEmpty() ? lit(true) : member.isNull().or(not(member.isin(members.toArray())));
  }

  /** The messages (member, conversation, time) that had an erased person among their rows. */
  static Dataset<Row> erasedMessages(Dataset<Row> interactions, Erased e) {
    return interactions.where(col("conversation_key").isNotNull())
        .join(e.keys(), "contact_key")
        .select("member_id", "conversation_key", "ts").distinct();
  }

  /** Interactions without the erased: whole messages that involved them, and every row of theirs. */
  static Dataset<Row> interactions(Dataset<Row> interactions, Dataset<Row> erasedMessages, Erased e) {
    Dataset<Row> kept = interactions.join(erasedMessages,
        interactions.col("member_id").equalTo(erasedMessages.col("member_id"))
            .and(interactions.col("conversation_key").equalTo(erasedMessages.col("conversation_key")))
            .and(interactions.col("ts").equalTo(erasedMessages.col("ts"))), "left_anti");
    return without(kept, new Subject(List.of("member_id"), List.of("contact_key")), e);
  }

  /** Introductions without the erased: none made in an erased message, none by or of an erased person. */
  static Dataset<Row> introductions(Dataset<Row> introductions, Dataset<Row> erasedMessages, Erased e) {
    Dataset<Row> kept = introductions.join(erasedMessages,
        introductions.col("member_id").equalTo(erasedMessages.col("member_id"))
            .and(introductions.col("conversation_key").equalTo(erasedMessages.col("conversation_key")))
            .and(introductions.col("introduced_at").equalTo(erasedMessages.col("ts"))), "left_anti");
    return without(kept, new Subject(List.of("member_id"), List.of("introducer_key", "introduced_key")), e);
  }

  /** Outcomes: an erased member's go; an erased contact or introducer is dropped from the row. */
  static Dataset<Row> outcomes(Dataset<Row> outcomes, Erased e) {
    Dataset<Row> erasedContact = e.keys().select(col("contact_key").as("__erased_contact"));
    Dataset<Row> erasedIntroducer = e.keys().select(col("contact_key").as("__erased_introducer"));
    Dataset<Row> joined = outcomes.where(notErasedMember(col("owner_member_id"), e.members()))
        .join(erasedContact, col("contact_key").equalTo(col("__erased_contact")), "left")
        .join(erasedIntroducer, col("introducer_key").equalTo(col("__erased_introducer")), "left");
    return joined
        .withColumn("contact_match", when(col("__erased_contact").isNotNull(), lit("erased"))
            .otherwise(col("contact_match")))
        .withColumn("contact_key", when(col("__erased_contact").isNull(), col("contact_key")))
        .withColumn("introducer_key", when(col("__erased_introducer").isNull(), col("introducer_key")))
        .select(java.util.Arrays.stream(outcomes.columns()).map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * Contacts that still have a connection, interaction or invitation, with member_count recounted
   * over what is left (as ingest counts it).
   */
  static Dataset<Row> contacts(Dataset<Row> contacts, Dataset<Row> connections, Dataset<Row> interactions,
      Dataset<Row> invitations, Erased e) {
    Dataset<Row> members = connections.select("contact_key", "member_id")
        .union(interactions.select("contact_key", "member_id"))
        .union(invitations.select("contact_key", "member_id"))
        .groupBy("contact_key").agg(count_distinct(col("member_id")).as("member_count"));
    return without(contacts.drop("member_count"), new Subject(List.of(), List.of("contact_key")), e)
        .join(members, "contact_key");
  }

  /**
   * What erase removed, as data-quality rows: per member and table, metric
   * {@code erased_after_ingest:<table>} with source_file {@code erase}. The next ingest counts the
   * same rows as {@code excluded:erased} in their files. {@code before} must already be without the
   * erased members, whom no row may name.
   */
  static Dataset<Row> removals(String table, Dataset<Row> before, Dataset<Row> after, String memberColumn) {
    Dataset<Row> b = before.groupBy(col(memberColumn).as("member_id")).agg(count(lit(1)).as("before"));
    Dataset<Row> a = after.groupBy(col(memberColumn).as("member_id")).agg(count(lit(1)).as("after"));
    return b.join(a, b.col("member_id").eqNullSafe(a.col("member_id")), "left")
        .select(b.col("member_id"), lit("erase").as("source_file"), lit("erased_after_ingest:" + table).as("metric"),
            col("before").minus(org.apache.spark.sql.functions.coalesce(col("after"), lit(0L))).as("count"))
        .where(col("count").gt(0));
  }
}
