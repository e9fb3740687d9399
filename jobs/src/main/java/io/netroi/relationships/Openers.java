package io.netroi.relationships;

import static io.netroi.relationships.Names.CONTACT;
import static io.netroi.relationships.Names.CONVERSATION;
import static io.netroi.relationships.Names.INTRODUCED_AT;
import static io.netroi.relationships.Names.IS_PITCH;
import static io.netroi.relationships.Names.KEYS;
import static io.netroi.relationships.Names.MEMBER;
import static io.netroi.relationships.Names.OBSERVED_END;
import static io.netroi.relationships.Names.SENT_AT;
import static io.netroi.relationships.Names.TS;
import static io.netroi.relationships.Names.isIn;
import static io.netroi.relationships.Names.isOut;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The relationship opener (docs/relationships.md "Sessions, openers and replies"): the earliest
 * candidate, ties in rank order introduction > outgoing note > incoming note > first message
 * opener; no candidate is {@code silent}.
 */
final class Openers {
  private Openers() {}

  static final String AT = "opener_at";
  static final String SOURCE = "opener_source";
  static final String STYLE = "opener_style";
  static final String REPLIED = "opener_replied";
  static final String REPLY_OBSERVED = "opener_reply_observed";
  /** Candidate priority among equal timestamps (1 wins). */
  static final String RANK = "candidate_rank";

  static final int RANK_INTRODUCTION = 1;
  static final int RANK_OUTGOING_NOTE = 2;
  static final int RANK_INCOMING_NOTE = 3;
  static final int RANK_MESSAGE = 4;
  static final String SILENT = "silent";

  /**
   * Per member x contact: opener_at, opener_source, opener_style, opener_replied and
   * opener_reply_observed, for relationships with a candidate only (the caller fills silent).
   *
   * @param observed the inputs restricted by {@link Observed#within}
   * @param annotated {@link Sessions#annotate} of the observed interactions
   */
  static Dataset<Row> build(RelationshipInputs observed, Dataset<Row> annotated, RelationshipParams p) {
    Dataset<Row> first = firstMessageOpener(annotated);
    Dataset<Row> candidates = introductionCandidates(observed.introductions(), first)
        .unionByName(noteCandidates(observed.invitations()))
        .unionByName(messageCandidates(first));
    return withNoteReplies(earliest(candidates), observed.interactions(), p)
        .withColumn(REPLY_OBSERVED, replyObserved(p))
        .select(col(MEMBER), col(CONTACT), col(AT), col(SOURCE), col(STYLE), col(REPLIED), col(REPLY_OBSERVED));
  }

  /** Each relationship's first one-to-one session opener: ts, direction, is_pitch, answered, observed_end. */
  static Dataset<Row> firstMessageOpener(Dataset<Row> annotated) {
    var order = Window.partitionBy(MEMBER, CONTACT).orderBy(col(TS), Sessions.outFirst(), col(CONVERSATION));
    return annotated.where(col(Sessions.IS_OPENER))
        .withColumn("position", row_number().over(order))
        .where(col("position").equalTo(1))
        .select(MEMBER, CONTACT, TS, Names.DIRECTION, IS_PITCH, Sessions.ANSWERED, OBSERVED_END);
  }

  /**
   * Rank 1: an introduction of the contact to the member; replied when the member's first
   * one-to-one opener with the contact was outbound and answered within the window.
   */
  static Dataset<Row> introductionCandidates(Dataset<Row> introductions, Dataset<Row> firstOpener) {
    Dataset<Row> firstAnswered = firstOpener
        .select(col(MEMBER), col(CONTACT), isOut().and(col(Sessions.ANSWERED)).as("first_opener_answered"));
    return introductions.where(col("made_by_member").equalTo(false))
        .select(col(MEMBER), col("introduced_key").as(CONTACT), col(INTRODUCED_AT).as(AT), col(OBSERVED_END))
        .join(firstAnswered, KEYS, "left")
        .select(col(MEMBER), col(CONTACT), col(AT), col(OBSERVED_END), lit(RANK_INTRODUCTION).as(RANK),
            lit("introduction").as(SOURCE), lit("introduced").as(STYLE),
            coalesce(col("first_opener_answered"), lit(false)).as(REPLIED));
  }

  /**
   * Ranks 2 and 3: personalised invitation notes, outgoing ({@code pitch}/{@code relationship}) and
   * incoming ({@code inbound}); an outgoing note's reply is decided by {@link #withNoteReplies}.
   */
  static Dataset<Row> noteCandidates(Dataset<Row> invitations) {
    Column style = when(isOut(), when(col("note_is_pitch"), lit("pitch")).otherwise(lit("relationship")))
        .otherwise(lit("inbound"));
    return invitations.where(col("is_personalised").and(isOut().or(isIn())))
        .select(col(MEMBER), col(CONTACT), col(SENT_AT).as(AT), col(OBSERVED_END),
            when(isOut(), lit(RANK_OUTGOING_NOTE)).otherwise(lit(RANK_INCOMING_NOTE)).as(RANK),
            lit("invitation_note").as(SOURCE), style.as(STYLE), lit(null).cast("boolean").as(REPLIED));
  }

  /** Rank 4: the first one-to-one session opener ({@code pitch}, {@code relationship} or {@code inbound}). */
  static Dataset<Row> messageCandidates(Dataset<Row> firstOpener) {
    Column style = when(isOut().and(coalesce(col(IS_PITCH), lit(false))), lit("pitch"))
        .when(isOut(), lit("relationship"))
        .otherwise(lit("inbound"));
    return firstOpener.select(col(MEMBER), col(CONTACT), col(TS).as(AT), col(OBSERVED_END),
        lit(RANK_MESSAGE).as(RANK), lit("message").as(SOURCE), style.as(STYLE),
        when(isOut(), col(Sessions.ANSWERED)).as(REPLIED));
  }

  /** The earliest candidate per relationship, ties broken by rank. */
  static Dataset<Row> earliest(Dataset<Row> candidates) {
    var order = Window.partitionBy(MEMBER, CONTACT).orderBy(col(AT), col(RANK));
    return candidates.withColumn("position", row_number().over(order))
        .where(col("position").equalTo(1)).drop("position");
  }

  /**
   * Fills opener_replied of a chosen outgoing note: the contact sent the member a one-to-one
   * LinkedIn message at or after the note and within the reply window (accepting is not answering).
   */
  static Dataset<Row> withNoteReplies(Dataset<Row> chosen, Dataset<Row> interactions, RelationshipParams p) {
    Column outgoingNote = col(RANK).equalTo(RANK_OUTGOING_NOTE);
    Dataset<Row> contactMessages = Sessions.oneToOne(interactions).where(isIn())
        .select(col(MEMBER), col(CONTACT), col(TS).as("reply_at"));
    Dataset<Row> answered = chosen.where(outgoingNote).select(MEMBER, CONTACT, AT)
        .join(contactMessages, KEYS)
        .where(Durations.withinHours(col(AT), col("reply_at"), p.replyWindowHours()))
        .select(MEMBER, CONTACT).distinct()
        .withColumn("note_answered", lit(true));
    return chosen.join(answered, KEYS, "left")
        .withColumn(REPLIED, when(outgoingNote, coalesce(col("note_answered"), lit(false))).otherwise(col(REPLIED)))
        .drop("note_answered");
  }

  /** The whole reply window after the opener lies before observed_end; null when opener_replied is null. */
  static Column replyObserved(RelationshipParams p) {
    return when(col(REPLIED).isNotNull(), Durations.windowObserved(col(AT), p.replyWindowHours()));
  }
}
