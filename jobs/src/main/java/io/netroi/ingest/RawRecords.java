package io.netroi.ingest;

import io.netroi.ingest.files.ExportReader;
import io.netroi.ingest.files.ExportSource;
import io.netroi.ingest.files.FileKind;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.messages.MessageText;
import io.netroi.ingest.text.Lexicon;
import io.netroi.io.HadoopConf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * into one DataFrame of {@link RawRecord}s that later steps split by {@code file_kind}. Message
 * texts are reduced to their features on the way ({@link MessageText}).
 */
public final class RawRecords {
  /** The canonical field of a message's text, never a column ({@link MessageText}). */
  static final String CONTENT = "content";
  /**
   * The names in {@code fields}: every canonical field of every kind but a message's text, then a
   * file record's keys. A struct rather than a map: each field is its own column in Spark's cache
   * and in generated code (a map is one opaque column searched key by key), and a name no kind
   * has fails when the query is analysed instead of reading null.
   */
  public static final List<String> FIELD_NAMES = fieldNames();
  public static final StructType FIELDS = fieldsSchema(FIELD_NAMES);
  public static final StructType SCHEMA = new StructType()
      .add("record_type", DataTypes.StringType, false)
      .add("member_id", DataTypes.StringType, true)
      .add("export_id", DataTypes.StringType, true)
      .add("export_date", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("file_kind", DataTypes.StringType, true)
      .add("variant", DataTypes.StringType, true)
      .add("row_number", DataTypes.LongType, false)
      .add("fields", FIELDS, false)
      .add("problem", DataTypes.StringType, true)
      .add("message_text", MessageText.SCHEMA, true);

  /**
   * Sources read by one task at most (once there are more than four tasks per core): small tasks
   * keep each cached block small (a block over the memory left spills whole) and balance the cores
   * when members' exports differ in size; a member's export is a few MB, so a task still has work
   * worth its scheduling.
   */
  static final int SOURCES_PER_TASK = 4;

  private RawRecords() {}

  /**
   * @param lexicon for the features of message texts ({@link MessageText}): a messages row's
   *     {@code content} field is replaced by its {@code message_text} here, so no text reaches a column
   */
  public static Dataset<Row> read(SparkSession spark, List<ExportSource> sources, Lexicon lexicon) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    int slices = slices(sources.size(), spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(new ArrayList<>(sources), slices)
        .flatMap(source -> readOne(source, conf, lexicon).iterator());
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Tasks for {@code sources} sources: one per source up to four per core, else {@link #SOURCES_PER_TASK} per task. */
  static int slices(int sources, int parallelism) {
    int bySize = (sources + SOURCES_PER_TASK - 1) / SOURCES_PER_TASK;
    return Math.max(1, Math.min(sources, Math.max(4 * parallelism, bySize)));
  }

  private static List<Row> readOne(ExportSource source, HadoopConf conf, Lexicon lexicon) throws java.io.IOException {
    FileSystem fs = new Path(source.uri()).getFileSystem(conf.get());
    List<RawRecord> records = ExportReader.read(source, fs);
    List<Row> out = new ArrayList<>(records.size());
    for (RawRecord r : records) {
      out.add(toRow(r, lexicon));
    }
    return out;
  }

  /** The Row of a record; a messages row's text becomes its {@link MessageText} features. */
  public static Row toRow(RawRecord r, Lexicon lexicon) {
    Row text = null;
    if (RawRecord.ROW.equals(r.recordType()) && FileKind.MESSAGES.label().equals(r.fileKind())) {
      text = MessageText.of(r.fields().get(CONTENT), lexicon).toRow();
    }
    return RowFactory.create(r.recordType(), r.memberId(), r.exportId(), r.exportDate(), r.sourceFile(),
        r.fileKind(), r.variant(), r.rowNumber(), fieldsRow(r.fields()), r.problem(), text);
  }

  /** A record's fields in {@link #FIELDS}' order, absent ones null (a message's text is not among them). */
  static Row fieldsRow(Map<String, String> fields) {
    Object[] values = new Object[FIELD_NAMES.size()];
    for (Map.Entry<String, String> e : fields.entrySet()) {
      scala.Option<Object> at = FIELDS.getFieldIndex(e.getKey());
      if (at.isDefined()) {
        values[(Integer) at.get()] = e.getValue();
      } else if (!CONTENT.equals(e.getKey())) {
        throw new IllegalArgumentException("not a canonical field: " + e.getKey());
      }
    }
    return RowFactory.create(values);
  }

  private static List<String> fieldNames() {
    List<String> names = new ArrayList<>(FileKind.allCanonicalFields());
    names.remove(CONTENT);
    for (String info : RawRecord.FILE_INFO) {
      if (!names.contains(info)) {
        names.add(info);
      }
    }
    return List.copyOf(names);
  }

  private static StructType fieldsSchema(List<String> names) {
    StructType s = new StructType();
    for (String n : names) {
      s = s.add(n, DataTypes.StringType, true);
    }
    return s;
  }
}
