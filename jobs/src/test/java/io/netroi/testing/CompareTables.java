package io.netroi.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import io.netroi.config.NetroiConfig;
import io.netroi.pipeline.Pipeline;
import io.netroi.spark.Sparks;
import io.netroi.spark.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code CompareTables OUT_A OUT_B}: are two pipeline outputs the same tables? Every table of
 * {@link Pipeline#TABLES} but run_manifest (run id, times and paths differ by design) is compared
 * as a multiset of rows: strings, integers, dates, timestamps and decimals exactly, doubles after
 * rounding to 9 decimals. Prints one line per table and exits 1 when any differs.
 */
public final class CompareTables {
  /** Tables that describe the run rather than the data. */
  static final List<String> SKIPPED = List.of("run_manifest");
  static final int DOUBLE_DECIMALS = 9;

  private CompareTables() {}

  public static void main(String[] args) {
    SparkSession spark = Sparks.session("netroi-compare", NetroiConfig.defaults());
    int differing = 0;
    try {
      for (String t : Pipeline.TABLES) {
        if (SKIPPED.contains(t)) {
          continue;
        }
        String line = compare(spark, args[0], args[1], t);
        System.out.println(line);
        differing += line.contains(" identical") ? 0 : 1;
      }
    } finally {
      spark.stop();
    }
    System.out.println(differing == 0 ? "all tables identical" : differing + " tables differ");
    System.exit(differing == 0 ? 0 : 1);
  }

  /** One line: the table, its rows and whether the two outputs hold the same rows. */
  public static String compare(SparkSession spark, String a, String b, String table) {
    Dataset<Row> left = comparable(Tables.read(spark, a, table));
    Dataset<Row> right = comparable(Tables.read(spark, b, table));
    long onlyLeft = left.exceptAll(right).count();
    long onlyRight = right.exceptAll(left).count();
    String rows = table + ": " + left.count() + " vs " + right.count() + " rows";
    if (onlyLeft == 0 && onlyRight == 0) {
      return rows + ", identical";
    }
    List<Row> example = left.exceptAll(right).limit(2).collectAsList();
    return rows + ", " + onlyLeft + " only in the first, " + onlyRight + " only in the second; e.g. " + example;
  }

  /** Doubles rounded; every other column as it is. */
  static Dataset<Row> comparable(Dataset<Row> df) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      cols.add(f.dataType().equals(DataTypes.DoubleType) ? round(col(f.name()), DOUBLE_DECIMALS).as(f.name())
          : col(f.name()));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  /** For tests: the differing tables' lines (empty when the outputs are the same). */
  public static List<String> differences(SparkSession spark, String a, String b) {
    return Arrays.stream(Pipeline.TABLES.toArray(String[]::new)).filter(t -> !SKIPPED.contains(t))
        .map(t -> compare(spark, a, b, t)).filter(l -> !l.contains(" identical")).toList();
  }
}
