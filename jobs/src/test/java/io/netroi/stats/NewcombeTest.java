package io.netroi.stats;

import static org.apache.spark.sql.functions.col;

import io.netroi.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class NewcombeTest extends SparkTestBase {
  /** Newcombe (1998) Table II, method 10 (hybrid score, no continuity correction), to 4 decimals. */
  @Test
  void matchesNewcombe1998TableTwoMethodTen() {
    assertDifference(56, 70, 48, 80, 0.2000, 0.0524, 0.3339);
    assertDifference(9, 10, 3, 10, 0.6000, 0.1705, 0.8090);
    assertDifference(0, 10, 0, 20, 0.0000, -0.1611, 0.2775);
    assertDifference(0, 10, 0, 10, 0.0000, -0.2775, 0.2775);
    assertDifference(10, 10, 0, 20, 1.0000, 0.6791, 1.0000);
    assertDifference(10, 10, 0, 10, 1.0000, 0.6075, 1.0000);
  }

  @Test
  void builtFromTheWilsonIntervals() {
    double[] w1 = Wilson.interval(18, 20, Wilson.Z95);
    double[] w2 = Wilson.interval(0, 30, Wilson.Z95);
    Assertions.assertEquals(0.69897, w1[0], 5e-6);
    Assertions.assertEquals(0.97213, w1[1], 5e-6);
    double[] d = Newcombe.difference(18, 20, 0, 30, Wilson.Z95);
    Assertions.assertEquals(0.9, d[0], 1e-12);
    Assertions.assertEquals(0.9 - Math.hypot(0.9 - w1[0], w2[1]), d[1], 1e-12);
    Assertions.assertEquals(0.9 + Math.hypot(w1[1] - 0.9, 0.0), d[2], 1e-12);
  }

  @Test
  void antisymmetricAndUndefinedWithoutTrials() {
    double[] ab = Newcombe.difference(56, 70, 48, 80, Wilson.Z95);
    double[] ba = Newcombe.difference(48, 80, 56, 70, Wilson.Z95);
    Assertions.assertEquals(-ab[0], ba[0], 1e-12);
    Assertions.assertEquals(-ab[2], ba[1], 1e-12);
    Assertions.assertEquals(-ab[1], ba[2], 1e-12);
    Assertions.assertNull(Newcombe.difference(1, 2, 0, 0, Wilson.Z95));
    Assertions.assertNull(Newcombe.difference(0, 0, 1, 2, Wilson.Z95));
  }

  @Test
  void sparkExpressionEqualsTheJavaFunction() {
    StructType schema = new StructType().add("k1", DataTypes.LongType).add("n1", DataTypes.LongType)
        .add("k2", DataTypes.LongType).add("n2", DataTypes.LongType);
    List<Row> rows = df(schema, row(56L, 70L, 48L, 80L), row(9L, 10L, 3L, 10L), row(0L, 10L, 0L, 20L),
        row(10L, 10L, 0L, 10L), row(1L, 1L, 1L, 2L), row(3L, 5L, 0L, 0L), row(0L, 0L, 1L, 1L),
        row(2L, 5L, null, null))
        .select(col("k1"), col("n1"), col("k2"), col("n2"),
            Newcombe.estimate(col("k1"), col("n1"), col("k2"), col("n2")).as("d"),
            Newcombe.low(col("k1"), col("n1"), col("k2"), col("n2"), Wilson.Z95).as("low"),
            Newcombe.high(col("k1"), col("n1"), col("k2"), col("n2"), Wilson.Z95).as("high"))
        .collectAsList();
    for (Row r : rows) {
      double[] expected = r.isNullAt(3) ? null
          : Newcombe.difference(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), Wilson.Z95);
      if (expected == null) {
        Assertions.assertTrue(r.isNullAt(4) && r.isNullAt(5) && r.isNullAt(6), r.toString());
      } else {
        Assertions.assertEquals(expected[0], r.getDouble(4), 1e-12, r.toString());
        Assertions.assertEquals(expected[1], r.getDouble(5), 1e-12, r.toString());
        Assertions.assertEquals(expected[2], r.getDouble(6), 1e-12, r.toString());
      }
    }
  }

  private static void assertDifference(long k1, long n1, long k2, long n2, double d, double low, double high) {
    double[] got = Newcombe.difference(k1, n1, k2, n2, Wilson.Z95);
    String what = k1 + "/" + n1 + " - " + k2 + "/" + n2;
    Assertions.assertEquals(d, got[0], 5e-5, what);
    Assertions.assertEquals(low, got[1], 5e-5, what);
    Assertions.assertEquals(high, got[2], 5e-5, what);
  }
}
