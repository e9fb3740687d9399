package io.netroi.spark;

import static org.apache.spark.sql.functions.broadcast;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Join helpers. */
public final class Joins {
  /** A side with at most this many rows is broadcast (a few tens of MB of narrow rows at most). */
  public static final long BROADCAST_ROWS = 200_000;

  private Joins() {}

  /**
   * The given side of a join, materialised once and hinted for broadcast when it turns out small.
   * Used where the side is usually tiny (duplicates, erased rows) but can be large: a plain join
   * would shuffle the wide other side even when adaptive execution later broadcasts this one.
   */
  public static Dataset<Row> broadcastIfSmall(Dataset<Row> side) {
    Dataset<Row> materialised = side.localCheckpoint();
    return materialised.count() <= BROADCAST_ROWS ? broadcast(materialised) : materialised;
  }
}
