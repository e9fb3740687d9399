package io.netroi.relationships;

import static io.netroi.relationships.Names.CONTACT;
import static io.netroi.relationships.Names.CONVERSATION;
import static io.netroi.relationships.Names.DIRECTION;
import static io.netroi.relationships.Names.MEMBER;
import static io.netroi.relationships.Names.SOURCE;
import static io.netroi.relationships.Names.TS;
import static io.netroi.relationships.Names.isIn;
import static io.netroi.relationships.Names.isOut;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Sessions, openers, answers and runs of one-to-one LinkedIn conversations
 * (docs/relationships.md "Sessions, openers and replies").
 */
public final class Sessions {
  private Sessions() {}

  /** The message starts a session in a one-to-one conversation (a session opener). */
  static final String IS_OPENER = "is_opener";
  /** The message starts a run (the previous message came from the other side, or there is none). */
  static final String IS_RUN_START = "is_run_start";
  /** The first later message of the conversation from the other side. */
  static final String NEXT_OTHER_AT = "next_other_at";
  /** That message came at most the reply window after this one. */
  static final String ANSWERED = "answered";

  /** One-to-one LinkedIn messages: source messages, two participants. */
  static Dataset<Row> oneToOne(Dataset<Row> interactions) {
    return interactions.where(col(SOURCE).equalTo("messages").and(col("participants").equalTo(2)));
  }

  /** Sort key within equal timestamps: {@code out} before {@code in}. */
  static Column outFirst() {
    return when(isOut(), lit(0)).otherwise(lit(1));
  }

  /** A conversation's messages in order: ts, then out before in. */
  static WindowSpec conversationOrder() {
    return Window.partitionBy(MEMBER, CONTACT, CONVERSATION).orderBy(col(TS), outFirst());
  }

  /** {@link #conversationOrder} backwards. */
  static WindowSpec reversedConversationOrder() {
    return Window.partitionBy(MEMBER, CONTACT, CONVERSATION).orderBy(col(TS).desc(), outFirst().desc());
  }

  /**
   * One row per one-to-one message (other interactions dropped) with {@link #IS_OPENER},
   * {@link #IS_RUN_START}, {@link #NEXT_OTHER_AT} and {@link #ANSWERED}.
   */
  public static Dataset<Row> annotate(Dataset<Row> interactions, RelationshipParams p) {
    WindowSpec order = conversationOrder();
    // "every later message" as the running frame of the reversed order: Spark computes a frame
    // that ends at unbounded following anew for each row (quadratic in the conversation's length),
    // a frame that starts at unbounded preceding incrementally. Rows tied on (ts, direction) have
    // the same direction, so they cannot change the other side's next time.
    WindowSpec later = reversedConversationOrder().rowsBetween(Window.unboundedPreceding(), -1);
    Column previousAt = lag(col(TS), 1).over(order);
    Column previousDirection = lag(col(DIRECTION), 1).over(order);
    Column nextIn = min(when(isIn(), col(TS))).over(later);
    Column nextOut = min(when(isOut(), col(TS))).over(later);
    return oneToOne(interactions)
        .withColumn(IS_OPENER, previousAt.isNull()
            .or(Durations.moreThanDays(previousAt, col(TS), p.sessionGapDays())))
        .withColumn(IS_RUN_START, previousDirection.isNull().or(previousDirection.notEqual(col(DIRECTION))))
        .withColumn(NEXT_OTHER_AT, when(isOut(), nextIn).otherwise(nextOut))
        .withColumn(ANSWERED, coalesce(
            Durations.withinHours(col(TS), col(NEXT_OTHER_AT), p.replyWindowHours()), lit(false)));
  }

  /**
   * Per member x contact with one-to-one messages: outbound_openers, outbound_openers_replied,
   * median_response_hours_member and median_response_hours_contact (exact medians).
   */
  static Dataset<Row> summary(Dataset<Row> annotated) {
    Column outboundOpener = outboundOpener();
    Column responseHours = responseHours();
    return annotated.groupBy(MEMBER, CONTACT).agg(
        count(when(outboundOpener, lit(1))).as("outbound_openers"),
        count(when(outboundOpener.and(col(ANSWERED)), lit(1))).as("outbound_openers_replied"),
        // a run of the contact's messages is answered by the member, and the other way round
        percentile(when(isIn(), responseHours), lit(0.5)).as("median_response_hours_member"),
        percentile(when(isOut(), responseHours), lit(0.5)).as("median_response_hours_contact"));
  }

  /** On {@link #annotate}d rows: the member's message opens a session. */
  public static Column outboundOpener() {
    return col(IS_OPENER).and(isOut());
  }

  /** On {@link #annotate}d rows: the message was answered within the reply window. */
  public static Column answered() {
    return col(ANSWERED);
  }

  /** On {@link #annotate}d rows: hours until the other side answered a run it started; else null. */
  public static Column responseHours() {
    return when(col(IS_RUN_START).and(col(ANSWERED)), Durations.hours(col(TS), col(NEXT_OTHER_AT)));
  }

  /** The whole reply window after the message lies before its member's observed_end (a column). */
  public static Column replyObserved(RelationshipParams p) {
    return Durations.windowObserved(col(TS), p.replyWindowHours());
  }
}
