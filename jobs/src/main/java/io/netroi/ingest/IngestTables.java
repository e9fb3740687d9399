package io.netroi.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.netroi.config.NetroiConfig;
import io.netroi.identity.Pseudonyms;
import io.netroi.ingest.introductions.Introductions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** From parsed rows and resolved keys to the output tables and the ledger. Pure transformations. */
final class IngestTables {
  Dataset<Row> connections;
  Dataset<Row> interactions;
  Dataset<Row> invitations;
  Dataset<Row> introductions;
  Dataset<Row> outcomes;
  Dataset<Row> contacts;
  Dataset<Row> ledger;
  Dataset<Row> observedUntil;

  private IngestTables() {}

  static IngestTables build(IngestJob.Parsed p, Dataset<Row> outcomes, Dataset<Row> keys, Dataset<Row> special,
      byte[] key, NetroiConfig config) {
    IngestTables t = new IngestTables();
    int largeGroup = config.getInt("netroi.messages.large.group.participants");

    Dataset<Row> connections = Keyed.withContactKey(p.connections, keys, special)
        .transform(d -> Dedup.markDuplicates(d, "member_id", "contact_key"));
    Dataset<Row> rowKeys = Keyed.messageContacts(p.messageContacts, Keyed.messageTupleKeys(p.messageTuples, keys),
        special);
    Dataset<Row> messages = keyMessages(p.messages, rowKeys);
    Dataset<Row> contactRows = keptMessageContacts(messages, key).localCheckpoint();
    Dataset<Row> invitations = Keyed.withContactKey(p.invitations, keys, special)
        .transform(d -> Dedup.markDuplicates(d, "member_id", "direction", "contact_key", "sent_at"));
    Dataset<Row> generic = Keyed.withContactKey(p.generic, keys, special)
        .transform(d -> Dedup.markDuplicates(d, "member_id", "contact_key", "ts", "channel", "direction"));

    t.connections = kept(connections).select("member_id", "contact_key", "connected_on", "is_colleague");
    t.interactions = messageInteractions(contactRows, largeGroup).unionByName(genericInteractions(kept(generic), key))
        .localCheckpoint();
    t.invitations = withAcceptance(kept(invitations), t.connections, config)
        .select("member_id", "contact_key", "sent_at", "direction", "is_personalised", "is_accepted",
            "note_length", "note_is_pitch", "note_is_social", "is_colleague").localCheckpoint();
    t.introductions = Introductions.detect(introductionInput(contactRows));
    Dataset<Row> relationshipKeys = t.connections.select("contact_key")
        .union(t.interactions.select("contact_key")).union(t.invitations.select("contact_key")).distinct().localCheckpoint();
    t.outcomes = keyOutcomes(outcomes, keys, special, relationshipKeys);
    t.contacts = contacts(keys, relationshipKeys, kept(connections), t.interactions, t.invitations);
    t.ledger = Ledger.of(connections).unionByName(Ledger.of(messages)).unionByName(Ledger.of(invitations))
        .unionByName(Ledger.of(generic)).unionByName(Ledger.of(outcomes.withColumn("member_id", col("owner_member_id"))))
        .unionByName(Ledger.of(p.profiles));
    t.observedUntil = observedUntil(p.messages);
    return t;
  }

  static Dataset<Row> kept(Dataset<Row> df) {
    return df.where(col("problem").isNull());
  }

  /**
   * Message rows with their contacts' keys ({@code contacts_keyed}, {@code contact_keys}) and their
   * final verdict: parse/exclusion problem, then erased, then duplicate.
   *
   * @param rowKeys {@link Keyed#messageContacts} of the parsed messages (one row per message row with
   *     contacts, by msg_id)
   */
  static Dataset<Row> keyMessages(Dataset<Row> parsedMessages, Dataset<Row> rowKeys) {
    Column erased = coalesce(col("any_erased"), lit(false));
    return parsedMessages.drop("contacts")
        .join(rowKeys, new String[] {"msg_id"}, "left")
        .drop("msg_id")
        .withColumn("problem", when(col("problem").isNull().and(erased), lit(Keyed.ERASED)).otherwise(col("problem")))
        .withColumn("contact_keys", filter(transform(col("contacts_keyed"), c -> c.getField("contact_key")),
            k -> k.isNotNull()))
        .drop("any_erased", "sender")
        .transform(Dedup::markRankedCopies); // copies ranked in the reader (MemberMessages)
  }

  /**
   * One row per (kept message, contact) with the row's keys and the conversation key: only what
   * {@link #messageInteractions} and {@link #introductionInput} read, since the caller
   * materialises it (the de-duplication's columns, the sender and the raw contacts stay behind).
   */
  static Dataset<Row> keptMessageContacts(Dataset<Row> messages, byte[] key) {
    Dataset<Row> rows = kept(messages)
        .select(col("member_id"), col("conversation_ref"), col("ts"), col("is_out"), col("participants"),
            col("content_length"), col("is_pitch"), col("is_social"), col("has_question"), col("is_intro_cue"),
            col("contact_keys"), col("source_file"), col("row_number"), explode(col("contacts_keyed")).as("c"))
        .withColumn("contact_pos", col("c.contact_pos"))
        .withColumn("contact_key", col("c.contact_key"))
        .withColumn("is_colleague", col("c.is_colleague"))
        .drop("c");
    return Pseudonyms.withHmac(rows, key, concat_ws("|", col("member_id"), col("conversation_ref")), "conversation_key")
        .drop("conversation_ref")
        .withColumn("sender_key", when(col("is_out"), lit(null).cast("string"))
            .otherwise(element_at(col("contact_keys"), 1)));
  }

  static Dataset<Row> messageInteractions(Dataset<Row> contactRows, int largeGroup) {
    return contactRows.select(col("member_id"), col("contact_key"), col("ts"),
        when(col("is_out"), lit("out")).otherwise(lit("in")).as("direction"),
        lit("linkedin").as("channel"), col("conversation_key"), col("participants"),
        col("participants").between(3, largeGroup - 1).as("is_group"),
        col("content_length"), col("is_pitch"), col("is_social"), col("has_question"), col("is_intro_cue"),
        col("is_colleague"), lit("messages").as("source"));
  }

  static Dataset<Row> genericInteractions(Dataset<Row> generic, byte[] key) {
    Column conversation = when(col("conversation_ref").isNotNull(), col("hashed_conversation"));
    return Pseudonyms.withHmac(generic, key,
            concat_ws("|", col("member_id"), col("channel"), col("conversation_ref")), "hashed_conversation")
        .select(col("member_id"), col("contact_key"), col("ts"), col("direction"), col("channel"),
        conversation.as("conversation_key"), lit(2).as("participants"), lit(false).as("is_group"),
        lit(null).cast("int").as("content_length"), lit(null).cast("boolean").as("is_pitch"),
        lit(null).cast("boolean").as("is_social"), lit(null).cast("boolean").as("has_question"),
        lit(null).cast("boolean").as("is_intro_cue"), col("is_colleague"), lit("interactions").as("source"));
  }

  /** Each kept message once (its first contact row) with everything Introductions needs. */
  static Dataset<Row> introductionInput(Dataset<Row> contactRows) {
    return contactRows.where(col("contact_pos").equalTo(0))
        .select("member_id", "conversation_key", "ts", "is_out", "participants", "is_intro_cue", "sender_key",
            "contact_keys", "source_file", "row_number");
  }

  /**
   * design.md: accepted = a connection with that contact dated on or within 180 days after the
   * latest invitation to them (local dates). Not measurable (null) for a member none of whose
   * outgoing invitees is a connection, and for incoming invitations.
   */
  static Dataset<Row> withAcceptance(Dataset<Row> invitations, Dataset<Row> connections, NetroiConfig config) {
    int window = config.getInt("netroi.invitations.accept.window.days");
    var pair = Window.partitionBy("member_id", "contact_key");
    Dataset<Row> withLocal = invitations
        .withColumn("sent_on", to_date(from_utc_timestamp(col("sent_at"), col("timezone"))))
        .withColumn("latest_sent", max(when(col("direction").equalTo("out"), col("sent_at"))).over(pair));
    Dataset<Row> joined = withLocal.join(connections.select(col("member_id"), col("contact_key"),
        col("connected_on")), new String[] {"member_id", "contact_key"}, "left");
    Column isLatestOut = col("direction").equalTo("out").and(col("sent_at").equalTo(col("latest_sent")));
    Column accepted = isLatestOut.and(coalesce(col("connected_on").between(col("sent_on"),
        date_add(col("sent_on"), window)), lit(false)));
    var member = Window.partitionBy("member_id");
    Column measurable = max(when(col("direction").equalTo("out").and(col("connected_on").isNotNull()), lit(1))
        .otherwise(lit(0))).over(member).equalTo(1);
    return joined.withColumn("is_accepted", when(col("direction").equalTo("out").and(measurable), accepted));
  }

  static Dataset<Row> keyOutcomes(Dataset<Row> outcomes, Dataset<Row> keys, Dataset<Row> special,
      Dataset<Row> relationshipKeys) {
    Dataset<Row> withRecords = kept(outcomes)
        .withColumn("contact_record", Occurrences.recordId(col("source_file"), col("row_number"), lit("contact")))
        .withColumn("intro_record", Occurrences.recordId(col("source_file"), col("row_number"), lit("introducer")));
    // outcomes are few: only their keys are taken from the (large) key table, without shuffling it
    Dataset<Row> outcomeRecords = withRecords.select(col("contact_record").as("record_id"))
        .union(withRecords.select(col("intro_record").as("record_id")));
    Dataset<Row> outcomeKeys = keys.select("record_id", "contact_key")
        .join(broadcast(outcomeRecords), new String[] {"record_id"}, "left_semi");
    Dataset<Row> contactKey = outcomeKeys.select(col("record_id").as("contact_record"), col("contact_key").as("ck"));
    Dataset<Row> introKey = outcomeKeys.select(col("record_id").as("intro_record"), col("contact_key").as("ik"));
    Dataset<Row> erased = special.where(col("is_erased")).select(col("contact_key").as("erased_key"));
    Dataset<Row> known = relationshipKeys.withColumnRenamed("contact_key", "known_key");
    return withRecords
        .join(contactKey, new String[] {"contact_record"}, "left")
        .join(introKey, new String[] {"intro_record"}, "left")
        .join(erased, col("ck").equalTo(col("erased_key")), "left")
        .join(known, col("ck").equalTo(col("known_key")), "left")
        .withColumn("contact_match", when(col("erased_key").isNotNull(), lit("erased"))
            .when(col("known_key").isNotNull(), lit("matched"))
            .when(col("ck").isNotNull(), lit("unmatched"))
            .otherwise(lit("no_identifier")))
        .withColumn("contact_key", when(col("contact_match").equalTo("matched"), col("ck")))
        .withColumn("introducer_key", col("ik"))
        .select(col("outcome_id"), col("type"), col("value"), col("currency"), col("value_reporting"),
            col("closed_on"), col("owner_member_id"), col("contact_key"), col("introducer_key"),
            col("contact_match"), col("source"), col("format").as("source_format"));
  }

  static Dataset<Row> contacts(Dataset<Row> keys, Dataset<Row> relationshipKeys, Dataset<Row> connections,
      Dataset<Row> interactions, Dataset<Row> invitations) {
    Dataset<Row> basis = keys.groupBy("contact_key")
        .agg(first("key_basis").as("key_basis"), max("component_size").as("component_size"));
    Dataset<Row> company = connections.where(col("company_display").isNotNull())
        .groupBy("contact_key").agg(max_by(col("company_display"), col("connected_on")).as("company"));
    Dataset<Row> members = connections.select("contact_key", "member_id")
        .union(interactions.select("contact_key", "member_id"))
        .union(invitations.select("contact_key", "member_id"))
        .groupBy("contact_key").agg(count_distinct(col("member_id")).as("member_count"));
    return relationshipKeys.join(basis, "contact_key").join(company, new String[] {"contact_key"}, "left")
        .join(members, "contact_key");
  }

  /** Each member's observation end: the newest export date, else the latest message. */
  static Dataset<Row> observedUntil(Dataset<Row> messages) {
    return messages.groupBy("member_id").agg(
        coalesce(max(to_date(col("export_date"))), max(to_date(col("ts")))).as("observed_until"));
  }
}
