package io.netroi.identity;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of {@link ContactResolver#resolve}: materialised record keys, the private
 * identifier-to-key map, and counters.
 */
public final class Resolution {
  private final Dataset<Row> keys;
  private final Dataset<Row> identifierKeys;
  private final ResolutionStats stats;

  Resolution(Dataset<Row> keys, Dataset<Row> identifierKeys, ResolutionStats stats) {
    this.keys = keys;
    this.identifierKeys = identifierKeys;
    this.stats = stats;
  }

  /**
   * One row per identified record: {@code record_id} string, {@code contact_key} string (64 hex),
   * {@code key_basis} string ({@code url}, {@code email}, {@code name_company} or
   * {@code scoped_name}), {@code component_size} long (identifiers in the contact).
   */
  public Dataset<Row> keys() {
    return keys;
  }

  /**
   * {@code identifier} string ({@code <type>:<value>}, raw personal data), {@code contact_key}
   * string, {@code is_linking} boolean (false for ambiguous identifiers and links refused while
   * splitting; such an identifier can map to several keys). For private use such as erasure:
   * never write it to an output table.
   */
  public Dataset<Row> identifierKeys() {
    return identifierKeys;
  }

  public ResolutionStats stats() {
    return stats;
  }

  @Override
  public String toString() {
    return "Resolution" + stats.asMap();
  }
}
