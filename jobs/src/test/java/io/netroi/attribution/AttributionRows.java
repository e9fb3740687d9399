package io.netroi.attribution;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Row builders for the attribution tests: ingest rows and journey rows. */
final class AttributionRows {
  static final StructType MEMBERS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("timezone", DataTypes.StringType)
      .add("consent", DataTypes.BooleanType).add("observed_until", DataTypes.DateType);
  static final StructType JOURNEYS = new StructType().add("outcome_id", DataTypes.StringType)
      .add("type", DataTypes.StringType).add("value_reporting", DataTypes.createDecimalType(18, 2))
      .add("closed_on", DataTypes.DateType).add("owner_member_id", DataTypes.StringType)
      .add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
      .add("timezone", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("ts", DataTypes.TimestampType).add("touch_type", DataTypes.StringType)
      .add("role", DataTypes.StringType).add("local_date", DataTypes.DateType);

  private AttributionRows() {}

  static Date d(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  static Timestamp t(String s) {
    return Timestamp.from(Instant.parse(s));
  }

  /** A LinkedIn message row of the interactions table. */
  static Object[] msg(String member, String contact, String ts, String dir, Boolean pitch, Boolean social) {
    return new Object[] {member, contact, t(ts), dir, "linkedin", "conv-" + member + contact, 2, false, 10, pitch,
        social, false, false, false, "messages"};
  }

  /** A LinkedIn message row in a named conversation. */
  static Object[] msgIn(String member, String contact, String ts, String conversation) {
    return new Object[] {member, contact, t(ts), "in", "linkedin", conversation, 3, true, 10, false, false, false,
        true, false, "messages"};
  }

  /** A row with a colleague. */
  static Object[] colleagueMsg(String member, String contact, String ts) {
    return new Object[] {member, contact, t(ts), "out", "linkedin", "conv", 2, false, 10, false, false, false,
        false, true, "messages"};
  }

  /** A generic interaction row (interactions/*.csv). */
  static Object[] generic(String member, String contact, String ts, String channel) {
    return new Object[] {member, contact, t(ts), "out", channel, null, 2, false, null, null, null, null, null, false,
        "interactions"};
  }

  /** An invitations row. */
  static Object[] invitation(String member, String contact, String ts, String dir, boolean personalised) {
    return new Object[] {member, contact, t(ts), dir, personalised, null, personalised ? 40 : 0, false, false, false};
  }

  /** An introductions row: introducer null means made by the member. */
  static Object[] intro(String member, String conversation, String at, String introducer, String introduced) {
    return new Object[] {member, conversation, t(at), introducer == null, introducer, introduced};
  }

  /** An outcomes row (USD, value_reporting = value). */
  static Object[] outcome(String id, String value, String closedOn, String owner, String contact, String introducer) {
    BigDecimal v = new BigDecimal(value);
    return new Object[] {id, "deal", v, "USD", v, d(closedOn), owner, contact, introducer,
        contact == null ? "none" : "url", "crm", "csv"};
  }

  /** A journey row of a UTC member. */
  static Object[] touch(String outcome, String value, String closedOn, String member, String contact, String ts,
      String type, String role) {
    return touchIn(outcome, value, closedOn, member, "UTC", contact, ts, type, role);
  }

  /** A journey row of a member in a time zone. */
  static Object[] touchIn(String outcome, String value, String closedOn, String member, String zone, String contact,
      String ts, String type, String role) {
    Instant at = Instant.parse(ts);
    return new Object[] {outcome, "deal", new BigDecimal(value), d(closedOn), "m1", member, "T-" + member, zone,
        contact, Timestamp.from(at), type, role, Date.valueOf(LocalDate.ofInstant(at, ZoneId.of(zone)))};
  }
}
