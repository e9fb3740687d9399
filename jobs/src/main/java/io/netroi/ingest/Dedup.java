package io.netroi.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
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
   * {@link #markDuplicates} for rows whose copies were ranked where they were read (messages:
   * {@code copy}, the rank newest first among the rows that then had no problem, and
   * {@code copy_group}, null for a row no other row copies): the first copy that is still kept is
   * kept and every later one marked. A copy can have been marked since it was ranked (its contact
   * erased), which passes the message on to the next copy; that is rare, so only the groups
   * holding such a copy are looked at again, and no row is sorted. Runs Spark jobs: {@code df} is
   * materialised once, the result is cheap to recompute.
   */
  public static Dataset<Row> markRankedCopies(Dataset<Row> df) {
    Cols.require(df, "markRankedCopies", "member_id", "copy", "copy_group", "problem");
    String[] group = {"member_id", "copy_group"};
    Column copied = col("copy_group").isNotNull();
    Dataset<Row> rows = df.localCheckpoint();
    Dataset<Row> changed = rows.where(copied.and(col("problem").isNotNull())).select(group[0], group[1]).distinct();
    Dataset<Row> firstKept = Joins.withSmallSide(rows.where(copied.and(col("problem").isNull())), changed, group,
            "left_semi")
        .groupBy(group[0], group[1]).agg(min("copy").as("first_kept"));
    Column isDuplicate = copied.and(col("copy").gt(coalesce(col("first_kept"), lit(1))));
    return Joins.withSmallSide(rows, firstKept, group, "left")
        .withColumn("problem", when(col("problem").isNull().and(isDuplicate), lit(DUPLICATE)).otherwise(col("problem")))
        .select(Arrays.stream(df.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

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
