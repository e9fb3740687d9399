package io.netroi.ingest.outcomes;

import io.netroi.config.NetroiConfig;
import io.netroi.ingest.roster.SimpleCsv;
import io.netroi.io.InputException;
import io.netroi.io.InputFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads {@code outcomes.csv} and {@code outcomes/*.csv} in any supported layout. */
public final class Outcomes {
  public static final String FILE = "outcomes.csv";
  public static final String FOLDER = "outcomes";

  public static final StructType SCHEMA = new StructType()
      .add("source_file", DataTypes.StringType, false)
      .add("row_number", DataTypes.LongType, false)
      .add("format", DataTypes.StringType, true)
      .add("outcome_id", DataTypes.StringType, true)
      .add("type", DataTypes.StringType, true)
      .add("value", DataTypes.createDecimalType(18, 2), true)
      .add("currency", DataTypes.StringType, true)
      .add("value_reporting", DataTypes.createDecimalType(18, 2), true)
      .add("closed_on", DataTypes.DateType, true)
      .add("owner_member_id", DataTypes.StringType, true)
      .add("contact_profile_url", DataTypes.StringType, true)
      .add("contact_email", DataTypes.StringType, true)
      .add("contact_name", DataTypes.StringType, true)
      .add("contact_company", DataTypes.StringType, true)
      .add("introduced_by_profile_url", DataTypes.StringType, true)
      .add("introduced_by_email", DataTypes.StringType, true)
      .add("introduced_by_name", DataTypes.StringType, true)
      .add("source", DataTypes.StringType, true)
      .add("problem", DataTypes.StringType, true);

  /** Rows read and, per file, the layout recognised (for the manifest). */
  public record Read(List<OutcomeRow> rows, Map<String, String> layouts) {}

  private Outcomes() {}

  public static Read read(InputFiles input, OutcomeReader.Context ctx, NetroiConfig config) {
    OutcomeFormat user = config.find("netroi.outcomes.mapping.file").map(p -> userFormat(Path.of(p))).orElse(null);
    List<String> paths = new ArrayList<>();
    if (input.exists(FILE)) {
      paths.add(FILE);
    }
    paths.addAll(input.csvFilesIn(FOLDER));
    List<OutcomeRow> rows = new ArrayList<>();
    Map<String, String> layouts = new LinkedHashMap<>();
    for (String p : paths) {
      SimpleCsv.Table table = SimpleCsv.parse(input.read(p));
      OutcomeFormat format = OutcomeReader.detect(table.columns(), user);
      if (format == null) {
        layouts.put(p, "unrecognised");
        rows.add(new OutcomeRow(p, 0, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, "rejected:unrecognised_header"));
        continue;
      }
      layouts.put(p, format.name());
      rows.addAll(OutcomeReader.read(table, format, ctx));
    }
    return new Read(markDuplicateIds(rows), layouts);
  }

  /** The same outcome id in a later row or file is a duplicate of the first. */
  static List<OutcomeRow> markDuplicateIds(List<OutcomeRow> rows) {
    Set<String> seen = new HashSet<>();
    List<OutcomeRow> out = new ArrayList<>(rows.size());
    for (OutcomeRow r : rows) {
      if (r.problem() == null && !seen.add(r.outcomeId())) {
        out.add(new OutcomeRow(r.sourceFile(), r.rowNumber(), r.format(), r.outcomeId(), r.type(), r.value(),
            r.currency(), r.valueReporting(), r.closedOn(), r.ownerMemberId(), r.contactProfileUrl(),
            r.contactEmail(), r.contactName(), r.contactCompany(), r.introducedByProfileUrl(),
            r.introducedByEmail(), r.introducedByName(), r.source(), "excluded:duplicate"));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** Won stages configured for the built-in CRM layouts (a user mapping names its own). */
  public static Map<String, Set<String>> wonStages(NetroiConfig config) {
    Map<String, Set<String>> m = new HashMap<>();
    m.put(OutcomeFormat.HUBSPOT.name(), lower(config.getList("netroi.outcomes.hubspot.won.stages")));
    m.put(OutcomeFormat.SALESFORCE.name(), lower(config.getList("netroi.outcomes.salesforce.won.stages")));
    return m;
  }

  private static Set<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * A user mapping file (properties): {@code name}, {@code signature} (comma-separated header
   * keys), {@code column.<canonical field>} (comma-separated candidates), {@code constant.<field>},
   * {@code stage.column}, {@code won.stages}, {@code date.formats} (separated by {@code |}),
   * {@code owner.by.name}.
   */
  static OutcomeFormat userFormat(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read the outcomes mapping file: " + e.getMessage(), e);
    }
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, String> constants = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      if (k.startsWith("column.")) {
        columns.put(k.substring(7), Arrays.stream(p.getProperty(k).split(","))
            .map(SimpleCsv::key).filter(s -> !s.isEmpty()).toList());
      } else if (k.startsWith("constant.")) {
        constants.put(k.substring(9), p.getProperty(k).trim());
      }
    }
    Set<String> signature = Arrays.stream(p.getProperty("signature", "").split(","))
        .map(SimpleCsv::key).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    if (signature.isEmpty()) {
      signature = columns.values().stream().map(l -> l.get(0)).collect(Collectors.toSet());
    }
    String stage = p.getProperty("stage.column");
    List<String> formats = Arrays.stream(p.getProperty("date.formats", "yyyy-MM-dd").split("\\|"))
        .map(String::trim).toList();
    return new OutcomeFormat(p.getProperty("name", "user_mapping"), signature, columns, constants,
        stage == null ? null : SimpleCsv.key(stage), formats,
        Boolean.parseBoolean(p.getProperty("owner.by.name", "true")),
        Arrays.stream(p.getProperty("won.stages", "").split(",")).map(v -> v.trim().toLowerCase(Locale.ROOT))
            .filter(v -> !v.isEmpty()).collect(Collectors.toSet()));
  }

  public static Dataset<Row> toDataFrame(SparkSession spark, List<OutcomeRow> rows) {
    List<Row> out = rows.stream().map(r -> RowFactory.create(r.sourceFile(), r.rowNumber(), r.format(),
        r.outcomeId(), r.type(), r.value(), r.currency(), r.valueReporting(),
        r.closedOn() == null ? null : Date.valueOf(r.closedOn()), r.ownerMemberId(), r.contactProfileUrl(),
        r.contactEmail(), r.contactName(), r.contactCompany(), r.introducedByProfileUrl(),
        r.introducedByEmail(), r.introducedByName(), r.source(), r.problem())).toList();
    return spark.createDataFrame(out, SCHEMA);
  }
}
