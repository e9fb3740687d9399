package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fate of every input row: {@code member_id, source_file, row_number, problem} (problem null =
 * kept). data_quality and rejects are both aggregates of it, so read = kept + rejected + excluded
 * holds by construction for every file.
 */
public final class Ledger {
  public static final StructType SCHEMA = new StructType()
      .add("member_id", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("row_number", DataTypes.LongType, false)
      .add("problem", DataTypes.StringType, true);

  private Ledger() {}

  public static Dataset<Row> of(Dataset<Row> df) {
    Cols.require(df, "Ledger.of", "member_id", "source_file", "row_number", "problem");
    return df.select(col("member_id"), col("source_file"), col("row_number"), col("problem"));
  }

  public static Dataset<Row> fromProblems(SparkSession spark, List<Problem> problems) {
    List<Row> rows = problems.stream()
        .map(p -> RowFactory.create(p.memberId(), p.sourceFile(), p.rowNumber(), p.metric())).toList();
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * Long format per member and file: {@code read}, {@code kept}, one row per {@code rejected:} /
   * {@code excluded:} reason, and {@code file_rejected:<reason>} (count 1) for a file that could
   * not be used at all. A whole-file problem is not a row, so it adds nothing to {@code read} and
   * read = kept + rejected + excluded holds exactly for every file.
   */
  public static Dataset<Row> dataQuality(Dataset<Row> rowLedger) {
    // shared files (roster, outcomes, interactions, fx, erasures) belong to no member
    Dataset<Row> ledger = rowLedger.withColumn("member_id",
        when(col("source_file").startsWith("exports/"), col("member_id")));
    Dataset<Row> files = ledger.where(col("row_number").equalTo(0))
        .groupBy("member_id", "source_file", "problem").agg(count(lit(1)).as("count"))
        .select(col("member_id"), col("source_file"),
            regexp_replace(col("problem"), "^rejected:", "file_rejected:").as("metric"), col("count"));
    Dataset<Row> rows = ledger.where(col("row_number").notEqual(0));
    Dataset<Row> byProblem = rows
        .withColumn("metric", when(col("problem").isNull(), lit("kept")).otherwise(col("problem")))
        .groupBy("member_id", "source_file", "metric").agg(count(lit(1)).as("count"));
    Dataset<Row> read = rows.groupBy("member_id", "source_file").agg(count(lit(1)).as("count"))
        .withColumn("metric", lit("read"));
    return byProblem.unionByName(read.select("member_id", "source_file", "metric", "count")).unionByName(files);
  }

  public static Dataset<Row> rejects(Dataset<Row> ledger) {
    return ledger.where(col("problem").startsWith("rejected:"))
        .select(col("member_id"), col("source_file"), col("row_number"),
            regexp_replace(col("problem"), "^rejected:", "").as("reason"));
  }
}
