package io.netroi.identity;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A pure function with its recent results remembered, shared by the tasks of one JVM: the same
 * names and profile URLs recur in thousands of message rows, and normalising one costs far more
 * than a lookup. Bounded: when full it starts afresh (results never change, so forgetting is
 * safe). Null results are remembered too. Held in static fields, so that every task of a JVM
 * (whose functions are deserialised copies) reaches the same one.
 */
final class Memo {
  private static final Object NULL = new Object();
  private final int capacity;
  private final Function<String, String> function;
  private final ConcurrentHashMap<String, Object> results = new ConcurrentHashMap<>();

  Memo(int capacity, Function<String, String> function) {
    this.capacity = capacity;
    this.function = function;
  }

  String apply(String input) {
    if (input == null) {
      return function.apply(null);
    }
    ConcurrentHashMap<String, Object> map = results;
    Object known = map.get(input);
    if (known == null) {
      String computed = function.apply(input);
      if (map.size() >= capacity) {
        map.clear();
      }
      map.put(input, computed == null ? NULL : computed);
      return computed;
    }
    return known == NULL ? null : (String) known;
  }
}
