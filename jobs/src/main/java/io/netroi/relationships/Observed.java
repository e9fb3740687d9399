package io.netroi.relationships;

import static io.netroi.relationships.Names.CONNECTED_ON;
import static io.netroi.relationships.Names.INTRODUCED_AT;
import static io.netroi.relationships.Names.MEMBER;
import static io.netroi.relationships.Names.OBSERVED_END;
import static io.netroi.relationships.Names.OBSERVED_UNTIL;
import static io.netroi.relationships.Names.SENT_AT;
import static io.netroi.relationships.Names.TIMEZONE;
import static io.netroi.relationships.Names.TS;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The ingest rows inside each member's observation window (docs/relationships.md "Time,
 * observation and quarters"): members of the windows only, rows before their observed_end.
 */
public final class Observed {
  private Observed() {}

  /**
   * Every table restricted to the windows' members and to rows before each member's observed_end
   * (connections: dated on or before observed_until); each kept row carries timezone,
   * observed_until and observed_end.
   */
  public static RelationshipInputs within(RelationshipInputs in, Dataset<Row> windows) {
    Dataset<Row> w = windows.select(MEMBER, TIMEZONE, OBSERVED_UNTIL, OBSERVED_END);
    return new RelationshipInputs(
        Observation.before(in.interactions(), w, TS),
        in.connections().join(w, MEMBER).where(col(CONNECTED_ON).leq(col(OBSERVED_UNTIL))),
        Observation.before(in.invitations(), w, SENT_AT),
        Observation.before(in.introductions(), w, INTRODUCED_AT));
  }
}
