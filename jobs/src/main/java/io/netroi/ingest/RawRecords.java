package io.netroi.ingest;

import io.netroi.ingest.files.ExportReader;
import io.netroi.ingest.files.ExportSource;
import io.netroi.ingest.files.FileKind;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.messages.MemberMessages;
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
 * Every export file parsed exactly once, in parallel on the executors, into one DataFrame that later
 * steps split by {@code record_type} and {@code file_kind}. A task reads whole {@link Unit}s: all the
 * exports of a member, or one file of {@code interactions/}. A member's message rows never become
 * raw rows: the task parses them together ({@link MemberMessages}: identity, time, direction,
 * contacts, conversation, participants, exclusions, the text's features) and emits one
 * {@link #MESSAGE} record per row and one {@link #IDENTITY} record per member; every other row is a
 * {@link RawRecord} for its kind's Spark parser.
 */
public final class RawRecords {
  /** A parsed message row ({@code message}, {@link MemberMessages#SCHEMA}). */
  public static final String MESSAGE = "message";
  /** A member's identity ({@code identity}, {@link MemberMessages#IDENTITY_SCHEMA}). */
  public static final String IDENTITY = "identity";

  static final String CONTENT = MemberMessages.CONTENT;
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
      .add("source_file", DataTypes.StringType, true)
      .add("file_kind", DataTypes.StringType, true)
      .add("variant", DataTypes.StringType, true)
      .add("row_number", DataTypes.LongType, false)
      .add("fields", FIELDS, true)
      .add("problem", DataTypes.StringType, true)
      .add(MESSAGE, MemberMessages.SCHEMA, true)
      .add(IDENTITY, MemberMessages.IDENTITY_SCHEMA, true);

  /**
   * Units read by one task at most (once there are more than four tasks per core): small tasks
   * keep each cached block small (a block over the memory left spills whole) and balance the cores
   * when members' exports differ in size; a member's export is a few MB, so a task still has work
   * worth its scheduling.
   */
  static final int UNITS_PER_TASK = 4;

  /**
   * What one task reads together: a rostered member's exports (possibly none: the member still gets
   * an identity record) or, with {@code member} null, one file of {@code interactions/}.
   */
  public record Unit(MemberMessages.Member member, List<ExportSource> sources) implements java.io.Serializable {}

  private RawRecords() {}

  /**
   * @param lexicon for the features of message texts ({@link MessageText}), computed where the file
   *     is read, so no text reaches a column
   * @param largeGroup participants from which a conversation is a large group (design.md)
   */
  public static Dataset<Row> read(SparkSession spark, List<Unit> units, Lexicon lexicon, int largeGroup) {
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    int slices = slices(units.size(), spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(new ArrayList<>(units), slices)
        .flatMap(unit -> readUnit(unit, conf, lexicon, largeGroup).iterator());
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Tasks for {@code units} units: one per unit up to four per core, else {@link #UNITS_PER_TASK} per task. */
  static int slices(int units, int parallelism) {
    int bySize = (units + UNITS_PER_TASK - 1) / UNITS_PER_TASK;
    return Math.max(1, Math.min(units, Math.max(4 * parallelism, bySize)));
  }

  private static List<Row> readUnit(Unit unit, HadoopConf conf, Lexicon lexicon, int largeGroup)
      throws java.io.IOException {
    List<RawRecord> records = new ArrayList<>();
    for (ExportSource source : unit.sources()) {
      records.addAll(ExportReader.read(source, new Path(source.uri()).getFileSystem(conf.get())));
    }
    return rowsOf(unit.member(), records, lexicon, largeGroup);
  }

  /**
   * The rows of one unit's records: each message row parsed with the member's other message rows,
   * the member's identity, every other record as it is.
   *
   * @param member null for a file of {@code interactions/}, which must not hold messages
   */
  public static List<Row> rowsOf(MemberMessages.Member member, List<RawRecord> records, Lexicon lexicon, int largeGroup) {
    List<Row> out = new ArrayList<>(records.size() + 1);
    List<RawRecord> messages = new ArrayList<>();
    List<RawRecord> profiles = new ArrayList<>();
    for (RawRecord r : records) {
      boolean row = RawRecord.ROW.equals(r.recordType());
      if (row && FileKind.MESSAGES.label().equals(r.fileKind())) {
        if (member == null) {
          throw new IllegalArgumentException(r.sourceFile() + " has the columns of a LinkedIn messages export, which "
              + "belongs in a member's export folder (exports/<member_id>/), not in interactions/");
        }
        messages.add(r);
        continue;
      }
      if (row && FileKind.PROFILE.label().equals(r.fileKind())) {
        profiles.add(r);
      }
      out.add(toRow(r));
    }
    if (member != null) {
      MemberMessages.Result parsed = MemberMessages.parse(member, messages, profiles, lexicon, largeGroup);
      out.add(parsedRecord(IDENTITY, member.memberId(), null, parsed.identity().toRow()));
      for (Row m : parsed.messages()) {
        out.add(parsedRecord(MESSAGE, member.memberId(), m, null));
      }
    }
    return out;
  }

  /** A {@link #MESSAGE} or {@link #IDENTITY} record: its type, member and struct; no raw fields. */
  private static Row parsedRecord(String type, String memberId, Row message, Row identity) {
    String kind = message == null ? null : FileKind.MESSAGES.label();
    return RowFactory.create(type, memberId, null, null, null, kind, null, 0L, null, null, message, identity);
  }

  /** The Row of a record other than a message row. */
  public static Row toRow(RawRecord r) {
    return RowFactory.create(r.recordType(), r.memberId(), r.exportId(), r.exportDate(), r.sourceFile(),
        r.fileKind(), r.variant(), r.rowNumber(), fieldsRow(r.fields()), r.problem(), null, null);
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
