package io.netroi.relationships;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;

/** Column names and values the relationship pieces share (schemas/ and docs/relationships.md). */
final class Names {
  private Names() {}

  static final String MEMBER = "member_id";
  static final String CONTACT = "contact_key";
  static final String[] KEYS = {MEMBER, CONTACT};
  static final String TS = "ts";
  static final String DIRECTION = "direction";
  static final String CONVERSATION = "conversation_key";
  static final String SOURCE = "source";
  static final String IS_PITCH = "is_pitch";
  static final String IS_COLLEAGUE = "is_colleague";
  static final String TIMEZONE = "timezone";
  static final String OBSERVED_UNTIL = "observed_until";
  static final String OBSERVED_END = "observed_end";
  static final String CONNECTED_ON = "connected_on";
  static final String SENT_AT = "sent_at";
  static final String INTRODUCED_AT = "introduced_at";
  static final String CHANNELS = "channels";
  static final String SOCIAL_SHARE = "social_share";
  /** Earliest / latest message or generic interaction (invitations excluded), for tie strength. */
  static final String FIRST_INTERACTION_AT = "first_interaction_at";
  static final String LAST_INTERACTION_AT = "last_interaction_at";

  /** The row is outgoing (member to contact). */
  static Column isOut() {
    return col(DIRECTION).equalTo("out");
  }

  /** The row is incoming (contact to member). */
  static Column isIn() {
    return col(DIRECTION).equalTo("in");
  }
}
