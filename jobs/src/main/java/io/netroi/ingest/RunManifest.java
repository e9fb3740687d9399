package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;

import io.netroi.config.NetroiConfig;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.outcomes.Outcomes;
import io.netroi.io.InputFiles;
import io.netroi.publish.RunIds;
import io.netroi.spark.ScalaMaps;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * run_manifest: one row per run: what was read (every input file with size, SHA-256, encoding,
 * layout and status), with which parameters (secrets masked) and versions, how long each step took,
 * and how many rows each table got.
 */
final class RunManifest {
  static final StructType INPUT = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("member_id", DataTypes.StringType, true)
      .add("bytes", DataTypes.LongType, true)
      .add("sha256", DataTypes.StringType, true)
      .add("encoding", DataTypes.StringType, true)
      .add("kind", DataTypes.StringType, true)
      .add("variant", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, true);

  private RunManifest() {}

  static Dataset<Row> build(SparkSession spark, NetroiConfig config, Dataset<Row> files, Outcomes.Read outcomes,
      InputFiles input, Map<String, Long> identityStats, Map<String, Long> rowCounts,
      RunClock clock) {
    List<Row> inputs = new ArrayList<>();
    for (InputFiles.FileRead f : input.filesRead()) {
      String layout = outcomes.layouts().get(f.relativePath());
      String kind = layout != null ? "outcomes" : f.relativePath().replaceAll("\\.csv$", "");
      inputs.add(RowFactory.create(f.relativePath(), null, f.bytes(), f.sha256(), f.encoding(), kind, layout, "read"));
    }
    for (Row r : files.where(col("record_type").equalTo(RawRecord.FILE)).orderBy("source_file").collectAsList()) {
      Row info = r.getStruct(r.fieldIndex("fields"));
      String bytes = info.getAs(RawRecord.BYTES);
      inputs.add(RowFactory.create(r.getAs("source_file"), r.getAs("member_id"),
          bytes == null ? null : Long.parseLong(bytes), info.getAs(RawRecord.SHA256), info.getAs(RawRecord.ENCODING),
          r.getAs("file_kind"), r.getAs("variant"),
          r.getAs("problem") == null ? info.getAs(RawRecord.STATUS) : (String) r.getAs("problem")));
    }
    clock.lap("manifest");
    StructType schema = new StructType()
        .add("run_id", DataTypes.StringType, false)
        .add("started_at", DataTypes.TimestampType, false)
        .add("finished_at", DataTypes.TimestampType, false)
        .add("netroi_version", DataTypes.StringType, true)
        .add("spark_version", DataTypes.StringType, false)
        .add("java_version", DataTypes.StringType, false)
        .add("lexicon_version", DataTypes.StringType, false)
        .add("config", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
        .add("inputs", DataTypes.createArrayType(INPUT), false)
        .add("table_rows", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
        .add("timings_seconds", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false)
        .add("identity_stats", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false);
    Row row = RowFactory.create(config.find(RunIds.KEY).orElseGet(() -> UUID.randomUUID().toString()), new Timestamp(clock.startedMillis()),
        new Timestamp(System.currentTimeMillis()), RunManifest.class.getPackage().getImplementationVersion(),
        spark.version(), System.getProperty("java.version"), config.get("netroi.lexicon.version"),
        ScalaMaps.of(config.masked()), inputs, ScalaMaps.of(rowCounts), ScalaMaps.of(clock.laps()),
        ScalaMaps.of(identityStats));
    return spark.createDataFrame(List.of(row), schema);
  }
}
