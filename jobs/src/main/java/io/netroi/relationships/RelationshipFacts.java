package io.netroi.relationships;

import static io.netroi.relationships.Names.CHANNELS;
import static io.netroi.relationships.Names.CONNECTED_ON;
import static io.netroi.relationships.Names.CONTACT;
import static io.netroi.relationships.Names.CONVERSATION;
import static io.netroi.relationships.Names.DIRECTION;
import static io.netroi.relationships.Names.FIRST_INTERACTION_AT;
import static io.netroi.relationships.Names.IS_COLLEAGUE;
import static io.netroi.relationships.Names.KEYS;
import static io.netroi.relationships.Names.LAST_INTERACTION_AT;
import static io.netroi.relationships.Names.MEMBER;
import static io.netroi.relationships.Names.SENT_AT;
import static io.netroi.relationships.Names.SOCIAL_SHARE;
import static io.netroi.relationships.Names.SOURCE;
import static io.netroi.relationships.Names.TIMEZONE;
import static io.netroi.relationships.Names.TS;
import static io.netroi.relationships.Names.isIn;
import static io.netroi.relationships.Names.isOut;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.netroi.time.Quarters;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a relationship is made of: the union of connections, messages, generic interactions and
 * invitations per member x contact (docs/relationships.md "relationships"), opener and tie
 * strength aside.
 */
final class RelationshipFacts {
  private RelationshipFacts() {}

  /** Row kinds in the union. */
  static final String KIND = "kind";
  static final String CONNECTION = "connection";
  static final String MESSAGE = "message";
  static final String INTERACTION = "interaction";
  static final String INVITATION = "invitation";

  static final String MSGS_OUT = "msgs_out";
  static final String MSGS_IN = "msgs_in";
  static final String OTHER_OUT = "other_out";
  static final String OTHER_IN = "other_in";

  /**
   * One row per member x contact of the observed inputs: is_colleague, is_connected, connected_on,
   * first/last_touch_at, first/last_interaction_at, msgs/other each way, conversations, is_two_way,
   * active_quarters, social_share, channels, introductions.
   */
  static Dataset<Row> build(RelationshipInputs observed, RelationshipParams p) {
    return aggregate(rows(observed), p)
        .join(introductionCounts(observed.introductions()), KEYS, "left")
        .withColumn("introductions", coalesce(col("introductions"), lit(0L)));
  }

  /** Connections, interactions and invitations as one frame, tagged with {@link #KIND}. */
  static Dataset<Row> rows(RelationshipInputs observed) {
    Dataset<Row> connections = observed.connections()
        .select(col(MEMBER), col(CONTACT), col(CONNECTED_ON), col(IS_COLLEAGUE), lit(CONNECTION).as(KIND));
    Dataset<Row> interactions = observed.interactions()
        .select(col(MEMBER), col(CONTACT), col(TS), col(DIRECTION), col("channel"), col(CONVERSATION),
            col("is_social"), col(IS_COLLEAGUE), col(TIMEZONE),
            when(col(SOURCE).equalTo("messages"), lit(MESSAGE)).otherwise(lit(INTERACTION)).as(KIND));
    Dataset<Row> invitations = observed.invitations()
        .select(col(MEMBER), col(CONTACT), col(SENT_AT).as(TS), col(DIRECTION), col(IS_COLLEAGUE),
            lit(INVITATION).as(KIND));
    return interactions.unionByName(connections, true).unionByName(invitations, true);
  }

  /** The per member x contact aggregates over {@link #rows}. */
  static Dataset<Row> aggregate(Dataset<Row> rows, RelationshipParams p) {
    Column message = col(KIND).equalTo(MESSAGE);
    Column other = col(KIND).equalTo(INTERACTION);
    Column touch = message.or(other);
    Column quarter = Quarters.index(LocalTime.date(col(TS), col(TIMEZONE)), p.fiscalStartMonth());
    Column messages = count(when(message, lit(1)));
    Column socialMessages = count(when(message.and(coalesce(col("is_social"), lit(false))), lit(1)));
    return rows.groupBy(MEMBER, CONTACT).agg(
            bool_or(coalesce(col(IS_COLLEAGUE), lit(false))).as(IS_COLLEAGUE),
            min(col(CONNECTED_ON)).as(CONNECTED_ON),
            min(col(TS)).as("first_touch_at"),
            max(col(TS)).as("last_touch_at"),
            min(when(touch, col(TS))).as(FIRST_INTERACTION_AT),
            max(when(touch, col(TS))).as(LAST_INTERACTION_AT),
            count(when(message.and(isOut()), lit(1))).as(MSGS_OUT),
            count(when(message.and(isIn()), lit(1))).as(MSGS_IN),
            count(when(other.and(isOut()), lit(1))).as(OTHER_OUT),
            count(when(other.and(isIn()), lit(1))).as(OTHER_IN),
            distinctCount(when(message, col(CONVERSATION))).as("conversations"),
            distinctCount(when(touch, quarter)).cast("int").as("active_quarters"),
            when(messages.gt(0), socialMessages.divide(messages)).as(SOCIAL_SHARE),
            array_sort(collect_set(when(touch, col("channel")))).as(CHANNELS))
        .withColumn("is_connected", col(CONNECTED_ON).isNotNull())
        .withColumn("is_two_way", col(MSGS_OUT).plus(col(OTHER_OUT)).gt(0)
            .and(col(MSGS_IN).plus(col(OTHER_IN)).gt(0)));
  }

  /**
   * Aggregate: the number of distinct non-null values (a long). As the size of a set rather than a
   * distinct count: two distinct counts in one aggregation make Spark expand every row three times.
   */
  static Column distinctCount(Column value) {
    return size(collect_set(value)).cast("long");
  }

  /**
   * Per member x contact: distinct introduction conversations of the member in which the contact
   * was the introducer or an introduced person.
   */
  static Dataset<Row> introductionCounts(Dataset<Row> introductions) {
    return introductions
        .select(col(MEMBER), col(CONVERSATION), explode(array(col("introducer_key"), col("introduced_key"))).as(CONTACT))
        .where(col(CONTACT).isNotNull())
        .groupBy(MEMBER, CONTACT)
        .agg(count_distinct(col(CONVERSATION)).as("introductions"));
  }
}
