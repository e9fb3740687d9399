package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Several exports of one member overlap: a row that would otherwise be kept and appears again in a
 * newer export (same natural key) is marked {@code excluded:duplicate}; the newest copy is kept.
 */
public final class Dedup {
  public static final String DUPLICATE = "excluded:duplicate";

  private Dedup() {}

  public static Dataset<Row> markDuplicates(Dataset<Row> df, String... keyColumns) {
    Cols.require(df, "markDuplicates", "problem", "export_date", "export_id", "source_file", "row_number");
    Column[] keys = Arrays.stream(keyColumns).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    var newestFirst = Window.partitionBy(keys).orderBy(when(col("problem").isNull(), lit(0)).otherwise(lit(1)),
        col("export_date").desc_nulls_last(),
        col("export_id").desc(), col("source_file").desc(), col("row_number"));
    Column rank = when(col("problem").isNull(), row_number().over(newestFirst));
    return df.withColumn("problem",
        when(col("problem").isNull().and(rank.gt(1)), lit(DUPLICATE)).otherwise(col("problem")));
  }
}
