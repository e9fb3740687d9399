package io.netroi.spark;

import java.util.Map;

/** Java maps as the immutable Scala maps Spark's Row expects for MapType columns. */
public final class ScalaMaps {
  private ScalaMaps() {}

  public static <K, V> scala.collection.immutable.Map<K, V> of(Map<K, V> m) {
    return scala.collection.JavaConverters.mapAsScalaMap(m).toMap(scala.Predef.$conforms());
  }
}
