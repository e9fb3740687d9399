package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.netroi.spark.Joins;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Several exports of one member overlap: a row that would otherwise be kept and appears again in a
 * newer export (same natural key) is marked {@code excluded:duplicate}; the newest copy is kept.
 * The ranking runs on the key columns only and the (usually few) duplicates are joined back, so
 * the wide rows are not sorted.
 */
public final class Dedup {
  public static final String DUPLICATE = "excluded:duplicate";

  private Dedup() {}

  /**
   * {@code df} with {@code problem} set to {@link #DUPLICATE} on every older copy. Runs Spark jobs:
   * {@code df} is materialised once, its key columns ranked, and the duplicates joined back with
   * {@link Joins#withSmallSide}, so the result is materialised or cheap to recompute.
   */
  public static Dataset<Row> markDuplicates(Dataset<Row> df, String... keyColumns) {
    Cols.require(df, "markDuplicates", "problem", "export_date", "export_id", "source_file", "row_number");
    Column[] keys = Arrays.stream(keyColumns).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    var newestFirst = Window.partitionBy(keys).orderBy(col("export_date").desc_nulls_last(),
        col("export_id").desc(), col("source_file").desc(), col("row_number"));
    Column[] narrow = Stream.concat(Arrays.stream(keys),
        Stream.of(col("export_date"), col("export_id"), col("source_file"), col("row_number"))).toArray(Column[]::new);
    Dataset<Row> rows = df.localCheckpoint();
    Dataset<Row> duplicates = rows.where(col("problem").isNull()).select(narrow)
        .withColumn("copy", row_number().over(newestFirst))
        .where(col("copy").gt(1))
        .select(col("source_file").as("dup_file"), col("row_number").as("dup_row"));
    Column sameRow = col("source_file").equalTo(col("dup_file")).and(col("row_number").equalTo(col("dup_row")));
    Column isDuplicate = col("dup_file").isNotNull();
    return Joins.withSmallSide(rows, duplicates, sameRow, "left")
        .withColumn("problem", when(col("problem").isNull().and(isDuplicate), lit(DUPLICATE)).otherwise(col("problem")))
        .drop("dup_file", "dup_row");
  }
}
