package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Assertions;

import io.netroi.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest extends SparkTestBase {
  private static final StructType EDGES = new StructType()
      .add("src", DataTypes.LongType, false)
      .add("dst", DataTypes.LongType, false);

  private Dataset<Row> edges(List<long[]> pairs) {
    return df(EDGES, pairs.stream().map(p -> row(p[0], p[1])).toArray(Object[][]::new));
  }

  private static Map<Long, Long> labels(Dataset<Row> out) {
    Map<Long, Long> m = new HashMap<>();
    for (Row r : out.collectAsList()) {
      Long previous = m.put(r.getLong(0), r.getLong(1));
      Assertions.assertTrue(previous == null, "node " + r.getLong(0) + " has one root");
    }
    return m;
  }

  /** Reference: union-find, root = smallest node. */
  private static Map<Long, Long> unionFind(List<long[]> pairs) {
    Map<Long, Long> parent = new HashMap<>();
    for (long[] p : pairs) {
      if (p[0] == p[1]) {
        continue;
      }
      long a = find(parent, p[0]);
      long b = find(parent, p[1]);
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    Map<Long, Long> out = new HashMap<>();
    for (long[] p : pairs) {
      if (p[0] != p[1]) {
        out.put(p[0], find(parent, p[0]));
        out.put(p[1], find(parent, p[1]));
      }
    }
    return out;
  }

  private static long find(Map<Long, Long> parent, long x) {
    parent.putIfAbsent(x, x);
    long p = parent.get(x);
    if (p == x) {
      return x;
    }
    long r = find(parent, p);
    parent.put(x, r);
    return r;
  }

  @Test
  void longChainConvergesToItsSmallestNode() {
    List<long[]> pairs = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      pairs.add(new long[] {i + 1, i}); // in both orientations across the chain
      pairs.add(new long[] {1000 + i, 1000 + i + 1});
    }
    Map<Long, Long> got = labels(ConnectedComponents.of(edges(pairs), 50));
    assertEquals(202, got.size());
    for (long i = 0; i <= 100; i++) {
      assertEquals(0L, got.get(i), "node " + i);
      assertEquals(1000L, got.get(1000 + i), "node " + (1000 + i));
    }
  }

  @Test
  void randomGraphsMatchUnionFind() {
    Random random = new Random(42);
    for (int graph = 0; graph < 2; graph++) {
      int nodes = 150 + graph * 150;
      List<long[]> pairs = new ArrayList<>();
      for (int e = 0; e < nodes * 0.8; e++) {
        pairs.add(new long[] {random.nextInt(nodes), random.nextInt(nodes)});
      }
      assertEquals(unionFind(pairs), labels(ConnectedComponents.of(edges(pairs), 50)), "graph " + graph);
    }
  }

  @Test
  void duplicateEdgesSelfLoopsAndNoEdges() {
    List<long[]> pairs = List.of(new long[] {5, 7}, new long[] {7, 5}, new long[] {5, 7}, new long[] {9, 9});
    assertEquals(Map.of(5L, 5L, 7L, 5L), labels(ConnectedComponents.of(edges(pairs), 50)));
    assertEquals(0, ConnectedComponents.of(edges(List.of()), 50).count());
  }

  @Test
  void failsClearlyWhenItDoesNotConverge() {
    List<long[]> pairs = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      pairs.add(new long[] {i, i + 1});
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConnectedComponents.of(edges(pairs), 1));
    Assertions.assertTrue(e.getMessage().contains("did not converge within 1 iterations"), e.getMessage());
  }

  @Test
  void missingColumnsAreNamed() {
    Dataset<Row> wrong = df(new StructType().add("a", DataTypes.LongType), row(1L));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectedComponents.of(wrong, 5));
    Assertions.assertTrue(e.getMessage().contains("[src, dst]"), e.getMessage());
  }
}
