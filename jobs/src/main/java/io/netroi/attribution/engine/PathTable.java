package io.netroi.attribution.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads a channel path table (CSV with a header, or Parquet): {@code path} (channels separated by
 * {@code " > "}), {@code total_conversions}, {@code total_conversion_value}, {@code total_null}.
 */
public final class PathTable {
  public static final String PATH = "path";
  public static final String CONVERSIONS = "total_conversions";
  public static final String VALUE = "total_conversion_value";
  public static final String NULLS = "total_null";
  static final List<String> COLUMNS = List.of(PATH, CONVERSIONS, VALUE, NULLS);

  private PathTable() {}

  /** The path table at {@code uri}: CSV when the name ends in .csv, else Parquet; counts as doubles. */
  public static Dataset<Row> read(SparkSession spark, String uri) {
    Dataset<Row> raw = isCsv(uri)
        ? spark.read().option("header", "true").option("mode", "FAILFAST").csv(uri)
        : spark.read().parquet(uri);
    return normalise(raw, uri);
  }

  /** True for a .csv (or .csv.gz) file name. */
  static boolean isCsv(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
  }

  /** The four columns, counts cast to double (missing counts 0), after checking they exist. */
  static Dataset<Row> normalise(Dataset<Row> raw, String source) {
    List<String> have = Arrays.asList(raw.columns());
    List<String> missing = COLUMNS.stream().filter(c -> !have.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("path table " + source + " lacks column(s) " + missing
          + "; expected " + COLUMNS + ", found " + have);
    }
    return raw.select(col(PATH).cast(DataTypes.StringType).as(PATH), count(CONVERSIONS), count(VALUE),
        count(NULLS));
  }

  private static org.apache.spark.sql.Column count(String name) {
    return coalesce(col(name).cast(DataTypes.DoubleType), lit(0.0)).as(name);
  }
}
