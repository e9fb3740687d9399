package io.netroi.relationships;

import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Inline ingest tables for one member (m1, team Sales) and the relationship pieces run on them. */
abstract class RelationshipTestBase extends SparkTestBase {
  static final RelationshipParams P = RelationshipParams.defaults();
  static final String M = "m1";

  /** A UTC instant, e.g. {@code 2025-01-01T00:00:00Z}. */
  static Timestamp at(String iso) {
    return Timestamp.from(Instant.parse(iso));
  }

  static Date day(String iso) {
    return Date.valueOf(iso);
  }

  /** Observation.windows for m1 in a time zone, observed until a date (as-of far later). */
  Dataset<Row> windows(String timezone, String until) {
    Dataset<Row> members = df(Tables.schema("members"),
        row(M, "Sales", true, "Member One", timezone, "url", 1.0, 1L, day(until), true),
        row("m2", "Sales", false, "No Consent", timezone, "url", 1.0, 1L, day(until), true));
    return Observation.windows(members, LocalDate.of(2030, 1, 1));
  }

  /** Rows keyed by contact_key. */
  static Map<String, Row> byContact(Dataset<Row> df) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      out.put(r.getAs("contact_key"), r);
    }
    return out;
  }

  /** Accumulates ingest rows (schemas/ column order) for one test. */
  final class Inputs {
    private final List<Object[]> interactions = new ArrayList<>();
    private final List<Object[]> connections = new ArrayList<>();
    private final List<Object[]> invitations = new ArrayList<>();
    private final List<Object[]> introductions = new ArrayList<>();

    /** A counted LinkedIn message of any member, group size, pitch and social cue. */
    Inputs message(String member, String contact, String ts, String direction, String conversation,
        int participants, boolean pitch, boolean social) {
      interactions.add(row(member, contact, at(ts), direction, "linkedin", conversation, participants,
          participants > 2, 100, pitch, social, false, false, false, "messages"));
      return this;
    }

    /** A one-to-one LinkedIn message of m1 without cues. */
    Inputs message(String contact, String ts, String direction, String conversation) {
      return message(M, contact, ts, direction, conversation, 2, false, false);
    }

    /** A generic interaction (email, meeting, ...) of m1. */
    Inputs generic(String contact, String ts, String direction, String channel) {
      interactions.add(row(M, contact, at(ts), direction, channel, null, 2, false, null, null, null, null,
          null, false, "interactions"));
      return this;
    }

    Inputs connection(String contact, String date) {
      return connection(M, contact, date, false);
    }

    Inputs connection(String member, String contact, String date, boolean colleague) {
      connections.add(row(member, contact, day(date), colleague));
      return this;
    }

    Inputs invitation(String contact, String ts, String direction, boolean personalised, boolean pitch) {
      invitations.add(row(M, contact, at(ts), direction, personalised, null, personalised ? 80 : 0, pitch,
          false, false));
      return this;
    }

    Inputs introduction(String conversation, String ts, boolean madeByMember, String introducer, String introduced) {
      introductions.add(row(M, conversation, at(ts), madeByMember, introducer, introduced));
      return this;
    }

    RelationshipInputs build() {
      return new RelationshipInputs(table("interactions", interactions), table("connections", connections),
          table("invitations", invitations), table("introductions", introductions));
    }

    private Dataset<Row> table(String name, List<Object[]> rows) {
      return df(Tables.schema(name), rows.toArray(new Object[0][]));
    }
  }
}
