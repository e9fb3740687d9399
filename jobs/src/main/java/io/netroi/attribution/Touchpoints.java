package io.netroi.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.netroi.relationships.LocalTime;
import io.netroi.relationships.Observation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Direct touchpoints (docs/attribution.md "Journeys"): one row per interaction or invitation of a
 * consenting member with an external contact, typed per the contract's touch-type table.
 */
public final class Touchpoints {
  public static final String DIRECT = "direct";
  public static final String INTRODUCER = "introducer";
  public static final String INTRO = "intro";

  private Touchpoints() {}

  /**
   * member_id, team, timezone, contact_key, ts, touch_type, role ('direct'), local_date: touches of
   * members in {@code windows} before their observed_end, colleagues excluded. The message of a
   * detected introduction to the member is not a direct touch (it is the journey's intro touch).
   */
  public static Dataset<Row> of(Dataset<Row> interactions, Dataset<Row> invitations, Dataset<Row> introductions,
      Dataset<Row> windows) {
    Dataset<Row> touches = interactionTouches(withoutIntroductionMessages(interactions, introductions))
        .unionByName(invitationTouches(invitations));
    return Observation.before(touches, windows.select("member_id", "team", "timezone", "observed_end"), "ts")
        .select(col("member_id"), col("team"), col("timezone"), col("contact_key"), col("ts"), col("touch_type"),
            lit(DIRECT).as("role"), LocalTime.date(col("ts"), col("timezone")).as("local_date"));
  }

  /** Interaction rows minus the introducer's opening message of introductions made to the member. */
  static Dataset<Row> withoutIntroductionMessages(Dataset<Row> interactions, Dataset<Row> introductions) {
    Dataset<Row> messages = introductions.where(not(col("made_by_member")))
        .select(col("member_id"), col("conversation_key"), col("introduced_at").as("ts")).distinct();
    return interactions.join(messages, new String[] {"member_id", "conversation_key", "ts"}, "left_anti");
  }

  /** External interactions as (member_id, contact_key, ts, touch_type). */
  static Dataset<Row> interactionTouches(Dataset<Row> interactions) {
    return interactions.where(not(col("is_colleague")).and(col("contact_key").isNotNull()).and(col("ts").isNotNull()))
        .select(col("member_id"), col("contact_key"), col("ts"), interactionType().as("touch_type"))
        .where(col("touch_type").isNotNull());
  }

  /** LinkedIn messages by direction and cue (a pitch cue wins), generic interactions by channel. */
  static Column interactionType() {
    Column out = col("direction").equalTo("out");
    Column message = when(out.and(coalesce(col("is_pitch"), lit(false))), lit("msg_out_pitch"))
        .when(out.and(coalesce(col("is_social"), lit(false))), lit("msg_out_social"))
        .when(out, lit("msg_out_relationship"))
        .otherwise(lit("msg_in"));
    return when(col("source").equalTo("messages"), message)
        .when(col("source").equalTo("interactions"), col("channel"));
  }

  /** External invitations either way as (member_id, contact_key, ts, touch_type). */
  static Dataset<Row> invitationTouches(Dataset<Row> invitations) {
    Column type = when(col("is_personalised"), lit("invite_personalised")).otherwise(lit("invite_vanilla"));
    return invitations.where(not(col("is_colleague")).and(col("contact_key").isNotNull()).and(col("sent_at").isNotNull()))
        .select(col("member_id"), col("contact_key"), col("sent_at").as("ts"), type.as("touch_type"));
  }
}
