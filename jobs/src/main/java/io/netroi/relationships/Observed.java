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
final class Observed {
  private Observed() {}

  /**
   * Every table restricted to the windows' members and to rows before each member's observed_end
   * (connections: dated on or before observed_until); each kept row carries timezone,
   * observed_until and observed_end.
   */
  static RelationshipInputs within(RelationshipInputs in, Dataset<Row> windows) {
    Dataset<Row> w = windows.select(MEMBER, TIMEZONE, OBSERVED_UNTIL, OBSERVED_END);
    return new RelationshipInputs(
        before(in.interactions(), w, TS),
        in.connections().join(w, MEMBER).where(col(CONNECTED_ON).leq(col(OBSERVED_UNTIL))),
        before(in.invitations(), w, SENT_AT),
        before(in.introductions(), w, INTRODUCED_AT));
  }

  /** Rows of windowed members whose timestamp column is before the member's observed_end. */
  static Dataset<Row> before(Dataset<Row> rows, Dataset<Row> windows, String tsColumn) {
    return rows.join(windows, MEMBER).where(col(tsColumn).lt(col(OBSERVED_END)));
  }
}
