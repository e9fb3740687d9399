package io.netroi.relationships;

import static io.netroi.relationships.Names.CONNECTED_ON;
import static io.netroi.relationships.Names.KEYS;
import static io.netroi.relationships.Names.MEMBER;
import static io.netroi.relationships.Names.OBSERVED_END;
import static io.netroi.relationships.Names.OBSERVED_UNTIL;
import static io.netroi.relationships.Names.TIMEZONE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The {@code relationships} table (docs/relationships.md): one row per member x contact. */
public final class Relationships {
  private Relationships() {}

  /**
   * One row per member x contact with exactly the columns of schemas/relationships.json (in any
   * order; the caller conforms). {@code windows} = {@link Observation#windows}: member_id, team,
   * timezone, observed_until (date), observed_end (timestamp). Only members in {@code windows} are
   * included; every input row at or after the member's observed_end (connections: connected_on >
   * observed_until) is ignored.
   */
  public static Dataset<Row> build(RelationshipInputs in, Dataset<Row> windows, RelationshipParams p) {
    RelationshipInputs observed = Observed.within(in, windows);
    // read by the reply summary and by each opener step: sorted once
    Dataset<Row> annotated = Sessions.annotate(observed.interactions(), p).localCheckpoint();
    Dataset<Row> joined = RelationshipFacts.build(observed, p)
        .join(Sessions.summary(annotated), KEYS, "left")
        .join(Openers.build(observed, annotated, p), KEYS, "left")
        .join(windows.select(MEMBER, "team", TIMEZONE, OBSERVED_UNTIL, OBSERVED_END), MEMBER);
    return TieStrength.score(withDefaults(joined, p), p.tie()).select(outputColumns());
  }

  /** started_on, first_quarter, silent openers and zero opener counts where nothing was found. */
  static Dataset<Row> withDefaults(Dataset<Row> joined, RelationshipParams p) {
    Column startedOn = least(col(CONNECTED_ON), LocalTime.date(col("first_touch_at"), col(TIMEZONE)));
    return joined
        .withColumn("started_on", startedOn)
        .withColumn("first_quarter", Quarters.label(col("started_on"), p.fiscalStartMonth()))
        .withColumn(Openers.STYLE, coalesce(col(Openers.STYLE), lit(Openers.SILENT)))
        .withColumn("outbound_openers", coalesce(col("outbound_openers"), lit(0L)))
        .withColumn("outbound_openers_replied", coalesce(col("outbound_openers_replied"), lit(0L)));
  }

  /** The columns of schemas/relationships.json, in schema order. */
  static Column[] outputColumns() {
    return Arrays.stream(Tables.schema("relationships").fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }
}
