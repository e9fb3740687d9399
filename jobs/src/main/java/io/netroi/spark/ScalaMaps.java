package io.netroi.spark;

import java.util.Map;

/** Java maps as the immutable Scala maps Spark's Row expects for MapType columns. */
public final class ScalaMaps {
  private ScalaMaps() {}

  public static <K, V> scala.collection.immutable.Map<K, V> of(Map<K, V> m) {
    return scala.collection.JavaConverters.mapAsScalaMap(m).toMap(scala.Predef.$conforms());
  }

  /** A Scala map read from a Row (e.g. a map column) as a Java map; null stays null. */
  public static <K, V> Map<K, V> toJava(scala.collection.Map<K, V> m) {
    return m == null ? null : scala.collection.JavaConverters.mapAsJavaMapConverter(m).asJava();
  }
}
