package io.netroi.ingest.messages;

import static io.netroi.ingest.Cols.field;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.Cols;
import io.netroi.spark.Joins;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * messages.csv / Inbox.csv rows of every vintage to one shape: UTC timestamp, sender and recipients
 * as (name, url) participants, direction, conversation, participant count, exclusion reason and
 * content-derived features. The content itself never leaves this step.
 */
public final class Messages {
  /** {@code 2021-06-11 15:33:58 UTC} (2021+) and {@code 2019-11-06T02:08:20} (2020): UTC. */
  static final List<String> UTC_FORMATS = List.of("yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd'T'HH:mm:ss",
      "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'");
  /** {@code November 6, 2017, 2:08 AM} (Inbox.csv, ~2017): the member's wall clock. */
  static final List<String> LOCAL_FORMATS = List.of("MMMM d, yyyy, h:mm a", "MMM d, yyyy, h:mm a");
  static final String LINKEDIN_MEMBER = "linkedin member";
  /** Participant id used for the member in participant sets. */
  static final String MEMBER = "@member";

  private Messages() {}

  /**
   * @param raw raw records of kind messages (problem null or a parse problem), the text already
   *     reduced to {@code message_text} ({@link MessageText})
   * @param members member_id, timezone, member_url (normalised, nullable), member_name (normalised, nullable)
   */
  public static Dataset<Row> parse(Dataset<Row> raw, Dataset<Row> members, int largeGroup) {
    return raw.join(broadcast(members), "member_id")
        .transform(Messages::withTimestamp)
        .transform(Messages::withParticipants)
        .transform(Messages::withDirection)
        .transform(Messages::withConversation)
        .transform(Messages::withContentExclusion)
        .transform(Messages::withTextFeatures)
        // row-level work materialised once in the input's partitions: the participant count
        // reads it twice (the conversations' counts, then the rows they are joined to)
        .localCheckpoint()
        .transform(Messages::withParticipantCount)
        .transform(df -> withExclusion(df, largeGroup));
  }

  static Dataset<Row> withTimestamp(Dataset<Row> df) {
    Column raw = field("date");
    Column ts = coalesce(Cols.timestampIn(raw, UTC_FORMATS),
        Cols.localToUtc(Cols.timestampIn(raw, LOCAL_FORMATS), col("timezone")));
    return df.withColumn("ts", ts)
        .withColumn("problem", coalesce(col("problem"), Cols.dateProblem(raw, col("ts"))));
  }

  /** sender: struct(name, url); recipients: array of struct(name, url), names and URLs zipped when they align. */
  static Dataset<Row> withParticipants(Dataset<Row> df) {
    Column names = filter(transform(split(coalesce(field("to"), lit("")), ","), x -> trim(x)), x -> x.notEqual(""));
    Column urls = filter(transform(split(coalesce(field("recipient_urls"), lit("")), ";"), x -> trim(x)),
        x -> x.notEqual(""));
    Column aligned = size(names).equalTo(size(urls));
    Column zipped = transform(arrays_zip(names, urls), z -> person(z.getField("0"), z.getField("1")));
    Column namesOnly = transform(names, n -> person(n, lit(null).cast("string")));
    Column urlsOnly = transform(urls, u -> person(lit(null).cast("string"), u));
    Column recipients = when(aligned, zipped).when(size(names).gt(0), namesOnly).otherwise(urlsOnly);
    return df.withColumn("sender", person(field("from"), field("sender_url")))
        .withColumn("recipients", recipients);
  }

  private static Column person(Column rawName, Column rawUrl) {
    Column name = Identifiers.nameColumn(rawName);
    Column url = Identifiers.urlColumn(rawUrl);
    return struct(name.as("name"), url.as("url"), lower(trim(rawName)).as("raw_name_lower"));
  }

  /** A participant is the member when their URL or (normalised) name is the member's. */
  static Column isMember(Column p) {
    return coalesce(p.getField("url").equalTo(col("member_url")), lit(false))
        .or(coalesce(p.getField("url").isNull().and(p.getField("name").equalTo(col("member_name"))), lit(false)));
  }

  static Dataset<Row> withDirection(Dataset<Row> df) {
    Column hinted = upper(trim(field("direction")));
    Column out = when(hinted.equalTo("OUTGOING"), lit(true))
        .when(hinted.equalTo("INCOMING"), lit(false))
        .otherwise(isMember(col("sender")));
    return df.withColumn("is_out", out)
        .withColumn("contacts", when(col("is_out"), filter(col("recipients"), p -> isMember(p).unary_$bang()))
            .otherwise(array(col("sender"))));
  }

  /** Participant ids (member marker, else name, else URL) and the conversation they belong to. */
  static Dataset<Row> withConversation(Dataset<Row> df) {
    Column ids = transform(concat(array(col("sender")), col("recipients")),
        p -> when(isMember(p), lit(MEMBER)).otherwise(coalesce(p.getField("name"), p.getField("url"))));
    Column set = array_sort(array_distinct(filter(ids, x -> x.isNotNull())));
    return df.withColumn("participant_ids", set)
        .withColumn("conversation_ref", coalesce(trim(field("conversation_id")), concat_ws("|", set)));
  }

  /**
   * Distinct people over the whole conversation, the member included (design.md): counted once per
   * conversation and joined back (a window would flatten the conversation's sets for every row).
   *
   * @param df materialised rows (read twice)
   */
  static Dataset<Row> withParticipantCount(Dataset<Row> df) {
    Column everyone = array_distinct(flatten(collect_set(col("participant_ids"))));
    Dataset<Row> counts = df.groupBy("member_id", "conversation_ref")
        .agg(size(array_distinct(concat(everyone, array(lit(MEMBER))))).as("participants"));
    return Joins.withSmallSide(df, counts, new String[] {"member_id", "conversation_ref"}, "inner");
  }

  /**
   * The exclusions read from the row itself, in design.md's order of precedence (spam, draft,
   * system, sponsored, linkedin_member), as {@code content_exclusion}: computed before the raw
   * fields are dropped, so the rows materialised before the participant count are narrow.
   */
  static Dataset<Row> withContentExclusion(Dataset<Row> df) {
    Column folder = upper(trim(field("folder")));
    Column reason = when(folder.equalTo("SPAM"), lit("excluded:spam"))
        .when(upper(trim(field("is_draft"))).isin("YES", "TRUE").or(folder.isin("DRAFT", "DRAFTS")),
            lit("excluded:draft"))
        .when(text("is_system"), lit("excluded:system"))
        .when(lower(coalesce(field("conversation_title"), lit(""))).contains("sponsored")
            .or(text("is_sponsored_markup")), lit("excluded:sponsored"))
        .when(col("sender.raw_name_lower").equalTo(LINKEDIN_MEMBER), lit("excluded:linkedin_member"));
    return df.withColumn("content_exclusion", reason);
  }

  /** The first exclusion that applies: the row's own, then large_group, then unidentifiable. */
  static Dataset<Row> withExclusion(Dataset<Row> df, int largeGroup) {
    Column reason = when(col("content_exclusion").isNotNull(), col("content_exclusion"))
        .when(col("participants").geq(largeGroup), lit("excluded:large_group"))
        .when(size(col("contacts")).equalTo(0)
            .or(exists(col("contacts"), p -> p.getField("name").isNull().and(p.getField("url").isNull()))),
            lit("rejected:unidentifiable_contact"));
    return df.withColumn("problem", coalesce(col("problem"), reason)).drop("content_exclusion");
  }

  /**
   * Features kept in place of the text (computed when the file was read, {@link MessageText}):
   * length, pitch / social / introduction cues, a question, the text's hash.
   */
  static Dataset<Row> withTextFeatures(Dataset<Row> df) {
    Dataset<Row> out = df;
    for (String f : List.of("content_length", "is_pitch", "is_social", "is_intro_cue", "has_question", "content_hash")) {
      out = out.withColumn(f, text(f));
    }
    return out.drop("fields", "message_text");
  }

  private static Column text(String feature) {
    return col("message_text").getField(feature);
  }
}
