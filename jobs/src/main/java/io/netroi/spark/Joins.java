package io.netroi.spark;

import static org.apache.spark.sql.functions.broadcast;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Join helpers. */
public final class Joins {
  /** A side with at most this many rows is broadcast (a few tens of MB of narrow rows at most). */
  public static final long BROADCAST_ROWS = 200_000;

  private Joins() {}

  /**
   * {@code rows} joined with a side that is usually tiny (such as the duplicates of Dedup) but can be
   * large. The side is materialised and counted first: when small it is broadcast, so the wide
   * {@code rows} are not shuffled and the result is cheap to recompute; otherwise the result is a
   * shuffled join, materialised once. (A plain join would shuffle {@code rows} even when adaptive
   * execution broadcasts the side afterwards.) Runs Spark jobs.
   *
   * @param rows materialised rows (a local checkpoint), read once or twice
   */
  public static Dataset<Row> withSmallSide(Dataset<Row> rows, Dataset<Row> side, Column on, String joinType) {
    Dataset<Row> materialised = side.localCheckpoint();
    if (materialised.count() <= BROADCAST_ROWS) {
      return rows.join(broadcast(materialised), on, joinType);
    }
    return rows.join(materialised, on, joinType).localCheckpoint();
  }

  /** {@link #withSmallSide(Dataset, Dataset, Column, String)} on equal columns of these names. */
  public static Dataset<Row> withSmallSide(Dataset<Row> rows, Dataset<Row> side, String[] using, String joinType) {
    Dataset<Row> materialised = side.localCheckpoint();
    if (materialised.count() <= BROADCAST_ROWS) {
      return rows.join(broadcast(materialised), using, joinType);
    }
    return rows.join(materialised, using, joinType).localCheckpoint();
  }
}
