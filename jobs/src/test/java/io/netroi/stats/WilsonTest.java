package io.netroi.stats;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class WilsonTest extends SparkTestBase {
  /** Published values (issue 3): 18/20 -> [0.69897, 0.97213]; 0/30 -> [0, 0.11351]. */
  @Test
  void matchesPublishedIntervals() {
    double[] a = Wilson.interval(18, 20, Wilson.Z95);
    assertEquals(0.69897, a[0], 5e-6);
    assertEquals(0.97213, a[1], 5e-6);
    double[] b = Wilson.interval(0, 30, Wilson.Z95);
    assertEquals(0.0, b[0], 1e-12);
    assertEquals(0.11351, b[1], 5e-6);
    assertEquals(1.959964, Wilson.Z95, 1e-6);
  }

  @Test
  void symmetricAndBoundedAtTheEdges() {
    double[] all = Wilson.interval(30, 30, Wilson.Z95);
    assertEquals(1.0 - 0.11351, all[0], 5e-6, "k = n mirrors k = 0");
    assertEquals(1.0, all[1], 1e-12);
    assertNull(Wilson.interval(0, 0, Wilson.Z95), "no trials, no interval");
    assertThrows(IllegalArgumentException.class, () -> Wilson.interval(3, 2, Wilson.Z95));
  }

  @Test
  void sparkExpressionEqualsTheJavaFunction() {
    StructType schema = new StructType().add("k", DataTypes.LongType).add("n", DataTypes.LongType);
    List<Row> rows = df(schema, row(18L, 20L), row(0L, 30L), row(30L, 30L), row(1L, 1L), row(7L, 1000L),
        row(0L, 7L), row(7L, 7L), row(0L, 0L))
        .select(col("k"), col("n"), Wilson.low(col("k"), col("n"), Wilson.Z95).as("low"),
            Wilson.high(col("k"), col("n"), Wilson.Z95).as("high"))
        .collectAsList();
    for (Row r : rows) {
      double[] expected = Wilson.interval(r.getLong(0), r.getLong(1), Wilson.Z95);
      if (expected == null) {
        assertNull(r.get(2));
        assertNull(r.get(3));
      } else {
        assertEquals(expected[0], r.getDouble(2), 1e-12, r.toString());
        assertEquals(expected[1], r.getDouble(3), 1e-12, r.toString());
        double p = (double) r.getLong(0) / r.getLong(1);
        org.junit.jupiter.api.Assertions.assertTrue(r.getDouble(2) <= p && p <= r.getDouble(3),
            "the interval holds the rate exactly, no rounding at the edges: " + r);
      }
    }
  }
}
