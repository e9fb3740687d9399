package io.netroi.spark;

import static org.apache.spark.sql.functions.broadcast;

import java.util.function.BinaryOperator;
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
    return withSmallSide(rows, side, (r, s) -> r.join(s, on, joinType));
  }

  /** {@link #withSmallSide(Dataset, Dataset, Column, String)} on equal columns of these names. */
  public static Dataset<Row> withSmallSide(Dataset<Row> rows, Dataset<Row> side, String[] using, String joinType) {
    return withSmallSide(rows, side, (r, s) -> r.join(s, using, joinType));
  }

  private static Dataset<Row> withSmallSide(Dataset<Row> rows, Dataset<Row> side,
      BinaryOperator<Dataset<Row>> join) {
    Dataset<Row> materialised = side.localCheckpoint();
    if (materialised.count() <= BROADCAST_ROWS) {
      return join.apply(rows, broadcast(materialised));
    }
    return join.apply(rows, materialised).localCheckpoint();
  }
}
