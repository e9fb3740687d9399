package io.netroi.ingest;

import io.netroi.ingest.files.ExportReader;
import io.netroi.ingest.files.ExportSource;
import io.netroi.ingest.files.RawRecord;
import io.netroi.io.HadoopConf;
import io.netroi.spark.ScalaMaps;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every export file parsed exactly once, in parallel on the executors (one task per file or zip),
 * into one DataFrame of {@link RawRecord}s that later steps split by {@code file_kind}.
 */
public final class RawRecords {
  public static final StructType SCHEMA = new StructType()
      .add("record_type", DataTypes.StringType, false)
      .add("member_id", DataTypes.StringType, true)
      .add("export_id", DataTypes.StringType, true)
      .add("export_date", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("file_kind", DataTypes.StringType, true)
      .add("variant", DataTypes.StringType, true)
      .add("row_number", DataTypes.LongType, false)
      .add("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
      .add("problem", DataTypes.StringType, true);

  private RawRecords() {}

  public static Dataset<Row> read(SparkSession spark, List<ExportSource> sources) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    int slices = Math.max(1, Math.min(sources.size(), spark.sparkContext().defaultParallelism() * 4));
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(new ArrayList<>(sources), slices)
        .flatMap(source -> readOne(source, conf).iterator());
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static List<Row> readOne(ExportSource source, HadoopConf conf) throws java.io.IOException {
    FileSystem fs = new Path(source.uri()).getFileSystem(conf.get());
    List<RawRecord> records = ExportReader.read(source, fs);
    List<Row> out = new ArrayList<>(records.size());
    for (RawRecord r : records) {
      out.add(toRow(r));
    }
    return out;
  }

  static Row toRow(RawRecord r) {
    return RowFactory.create(r.recordType(), r.memberId(), r.exportId(), r.exportDate(), r.sourceFile(),
        r.fileKind(), r.variant(), r.rowNumber(),
        ScalaMaps.of(r.fields()),
        r.problem());
  }
}
