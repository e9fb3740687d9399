package io.netroi.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.netroi.cohorts.Scopes;
import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import io.netroi.relationships.Observation;
import io.netroi.relationships.RelationshipParams;
import io.netroi.time.Quarters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report stage: the quarter's report under {@code <out>/reports/<quarter>/} (docs/report.md):
 * report.html, report.pdf, summary.md, summary.json and csv/*.csv. I/O and orchestration only.
 */
public final class ReportJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);
  private ReportJob() {}

  /** Writes the report and returns its folder. */
  public static String run(SparkSession spark, NetroiConfig config) {
    String out = config.get("netroi.out");
    ReportInputs in = ReportInputs.read(spark, out);
    java.time.LocalDate asOf = Observation.asOf(in.members(), RelationshipParams.from(config).asOf());
    ReportData.Settings s = settings(config, in.kpis(), asOf);
    Map<String, Object> report = ReportData.build(in, s);
    Map<String, String> charts = ReportCharts.of(report);
    String html = Renderers.html(report, charts);
    Path dir = new Path(out.replaceAll("/+$", "") + "/reports/" + s.quarter());
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
    files.put("report.pdf", Renderers.pdf(html));
    files.put("summary.md", Renderers.markdown(report).getBytes(StandardCharsets.UTF_8));
    files.put("summary.json", Renderers.json(report));
    csvFiles(report).forEach((name, bytes) -> files.put("csv/" + name, bytes));
    write(spark, dir, files);
    LOG.info("report for {} written to {} ({} files)", s.quarter(), dir, files.size());
    return dir.toString();
  }

  /** The CSV files of the report's tables ({@link ReportTables}). */
  static Map<String, byte[]> csvFiles(Map<String, Object> report) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ReportTables.of(report).forEach((name, rows) -> files.put(name + ".csv", Renderers.csv(rows)));
    return files;
  }

  /**
   * The quarter (netroi.report.quarter, default the last quarter that ended on or before the as-of
   * date), checked
   * against the run's calendar and the quarters kpis has; the minimum cell size netroi.report.min.cell.
   */
  static ReportData.Settings settings(NetroiConfig config, Dataset<Row> kpis, java.time.LocalDate asOf) {
    RelationshipParams p = RelationshipParams.from(config);
    int fiscal = p.fiscalStartMonth();
    int k = config.getInt("netroi.report.min.cell");
    if (k < 1) {
      throw new ConfigException("netroi.report.min.cell must be at least 1, got " + k);
    }
    Dataset<Row> org = kpis.where(col("scope").equalTo(Scopes.ORG));
    String requested = config.find("netroi.report.quarter").map(String::trim).orElse("");
    int index;
    if (requested.isEmpty()) {
      index = lastEndedQuarter(asOf, fiscal);
      if (org.where(col("quarter_index").equalTo(index)).isEmpty()) {
        throw new ConfigException("no data for " + Quarters.labelOfIndex(index, fiscal)
            + ", the last quarter ended by " + asOf + "; name one with --quarter");
      }
    } else {
      try {
        index = Quarters.indexOfLabel(requested, fiscal);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--quarter: " + e.getMessage());
      }
      Row range = org.agg(min("quarter_index"), max("quarter_index")).first();
      if (org.where(col("quarter_index").equalTo(index)).isEmpty()) {
        throw new ConfigException("--quarter " + requested + " has no data; kpis covers "
            + (range.isNullAt(0) ? "no quarter" : Quarters.labelOfIndex(range.getInt(0), fiscal) + " to "
            + Quarters.labelOfIndex(range.getInt(1), fiscal)));
      }
    }
    return new ReportData.Settings(Quarters.labelOfIndex(index, fiscal), index, k, fiscal, p.orgName(),
        config.get("netroi.reporting.currency"));
  }

  /** The as-of date's quarter when the as-of date is its last day, else the quarter before. */
  static int lastEndedQuarter(java.time.LocalDate asOf, int fiscal) {
    int index = Quarters.index(asOf, fiscal);
    boolean lastDay = Quarters.startOfIndex(index + 1, fiscal).minusDays(1).equals(asOf);
    return lastDay ? index : index - 1;
  }

  static void write(SparkSession spark, Path dir, Map<String, byte[]> files) {
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setWriteChecksum(false); // no .crc side files beside the report on a local disk
      fs.delete(dir, true);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        try (OutputStream os = fs.create(new Path(dir, f.getKey()), true)) {
          os.write(f.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
