package io.netroi.erase;

import static org.apache.spark.sql.functions.col;

import io.netroi.attribution.AttributionJob;
import io.netroi.cohorts.CohortsJob;
import io.netroi.config.NetroiConfig;
import io.netroi.identity.IdentityMap;
import io.netroi.identity.KeySource;
import io.netroi.ingest.Erasures;
import io.netroi.io.InputException;
import io.netroi.io.InputFiles;
import io.netroi.kpis.KpisJob;
import io.netroi.publish.Publication;
import io.netroi.publish.RunIds;
import io.netroi.relationships.RelationshipsJob;
import io.netroi.report.ReportJob;
import io.netroi.spark.ScalaMaps;
import io.netroi.spark.Sparks;
import io.netroi.spark.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The erase job (docs/erasure.md): takes erasures.csv, finds the people's contact keys through the
 * private identity map of the ingest behind the published tables, writes the ingest tables without
 * them and the members on the list, recomputes every later stage from those, and rewrites every
 * report the version had. Run inside a publication that keeps only its own version. I/O and
 * orchestration; the row rules are in {@link Erasure}.
 */
public final class EraseJob {
  private static final Logger LOG = LoggerFactory.getLogger(EraseJob.class);

  private EraseJob() {}

  /** Reads the published version at {@code currentRoot}, writes the erased one to netroi.out. */
  public static void run(SparkSession spark, NetroiConfig config, String currentRoot) {
    String out = config.get("netroi.out");
    boolean local = Sparks.isLocal(spark);
    InputFiles input = new InputFiles(new Path(config.get("netroi.input")), spark.sparkContext().hadoopConfiguration());
    Erasures.Loaded list = Erasures.read(input);
    byte[] key = KeySource.load(config, local);
    Row manifest = Tables.read(spark, currentRoot, "run_manifest").first();
    String ingestRun = manifest.getAs("run_id");
    String mapAt = IdentityMap.location(config, local, Publication.outputRoot(config), ingestRun);
    if (!IdentityMap.exists(spark, mapAt)) {
      throw new InputException(Erasures.FILE, "no identity map for ingest run " + ingestRun + " beside the key ("
          + IdentityMap.BASE + "); run ingest or pipeline once with this key and map folder, then erase");
    }
    Dataset<Row> keys = IdentityMap.keysOf(spark, mapAt, key, list.identifiers()).localCheckpoint();
    Erasure.Erased erased = new Erasure.Erased(keys, list.members());
    LOG.info("erase: {} identifiers resolve to {} contacts; {} members", list.identifiers().size(), keys.count(),
        list.members().size());

    Map<String, Long> rows = writeIngestTables(spark, currentRoot, out, erased);
    IdentityMap.write(spark.read().parquet(mapAt).join(keys, new String[] {"contact_key"}, "left_anti"),
        IdentityMap.location(config, local, Publication.outputRoot(config), config.get(RunIds.KEY)));
    writeManifest(spark, manifest, out, config.get(RunIds.KEY), rows, list.members());

    RelationshipsJob.run(spark, config);
    CohortsJob.run(spark, config);
    AttributionJob.run(spark, config);
    KpisJob.run(spark, config);
    rewriteReports(spark, config, out);
  }

  private static Map<String, Long> writeIngestTables(SparkSession spark, String from, String out,
      Erasure.Erased e) {
    Map<String, Dataset<Row>> t = new LinkedHashMap<>();
    Dataset<Row> interactionsBefore = memberFiltered(Tables.read(spark, from, "interactions"), e);
    Dataset<Row> erasedMessages = Erasure.erasedMessages(interactionsBefore, e).localCheckpoint();
    Dataset<Row> connections = Erasure.without(Tables.read(spark, from, "connections"),
        Erasure.SUBJECTS.get("connections"), e);
    Dataset<Row> interactions = Erasure.interactions(interactionsBefore, erasedMessages, e);
    Dataset<Row> invitations = Erasure.without(Tables.read(spark, from, "invitations"),
        Erasure.SUBJECTS.get("invitations"), e);
    Dataset<Row> introductions = Erasure.introductions(Tables.read(spark, from, "introductions"), erasedMessages, e);
    t.put("members", Erasure.without(Tables.read(spark, from, "members"), Erasure.SUBJECTS.get("members"), e));
    t.put("connections", connections);
    t.put("interactions", interactions);
    t.put("invitations", invitations);
    t.put("introductions", introductions);
    t.put("contacts", Erasure.contacts(Tables.read(spark, from, "contacts"), connections, interactions, invitations, e));
    t.put("outcomes", Erasure.outcomes(Tables.read(spark, from, "outcomes"), e));
    t.put("costs", Erasure.without(Tables.read(spark, from, "costs"), Erasure.SUBJECTS.get("costs"), e));
    t.put("rejects", Erasure.without(Tables.read(spark, from, "rejects"), Erasure.SUBJECTS.get("rejects"), e));
    Dataset<Row> quality = Erasure.without(Tables.read(spark, from, "data_quality"),
        Erasure.SUBJECTS.get("data_quality"), e);
    for (String table : List.of("connections", "interactions", "invitations", "introductions")) {
      quality = quality.unionByName(Erasure.removals(table, memberFiltered(Tables.read(spark, from, table), e),
          t.get(table), "member_id"));
    }
    t.put("data_quality", quality);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> x : t.entrySet()) {
      Tables.write(x.getValue(), out, x.getKey());
      rows.put(x.getKey(), Tables.read(spark, out, x.getKey()).count());
    }
    return rows;
  }

  private static Dataset<Row> memberFiltered(Dataset<Row> df, Erasure.Erased e) {
    return df.where(Erasure.notErasedMember(col("member_id"), e.members()));
  }

  /**
   * The ingest's manifest under the erase run's id and times, with the erased tables' row counts and
   * without the input files of erased members.
   */
  private static void writeManifest(SparkSession spark, Row manifest, String out, String runId, Map<String, Long> rows,
      java.util.Set<String> erasedMembers) {
    Map<String, Long> tableRows = new LinkedHashMap<>(ScalaMaps.toJava(manifest.getMap(manifest.fieldIndex("table_rows"))));
    tableRows.putAll(rows);
    Object[] values = new Object[manifest.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = manifest.get(i);
    }
    java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
    values[manifest.fieldIndex("run_id")] = runId;
    values[manifest.fieldIndex("started_at")] = now;
    values[manifest.fieldIndex("finished_at")] = now;
    values[manifest.fieldIndex("table_rows")] = ScalaMaps.of(tableRows);
    List<Row> inputs = new ArrayList<>(manifest.<Row>getList(manifest.fieldIndex("inputs")));
    inputs.removeIf(r -> erasedMembers.contains(r.<String>getAs("member_id")));
    values[manifest.fieldIndex("inputs")] = inputs;
    Tables.write(spark.createDataFrame(List.of(RowFactory.create(values)), manifest.schema()), out, "run_manifest");
  }

  /** Every report folder carried into the new version is written again from the erased tables. */
  private static void rewriteReports(SparkSession spark, NetroiConfig config, String out) {
    Path reports = new Path(out.replaceAll("/+$", "") + "/reports");
    try {
      FileSystem fs = reports.getFileSystem(spark.sparkContext().hadoopConfiguration());
      List<String> quarters = new ArrayList<>();
      if (fs.exists(reports)) {
        for (FileStatus s : fs.listStatus(reports)) {
          if (s.isDirectory()) {
            quarters.add(s.getPath().getName());
          }
        }
      }
      for (String q : quarters) {
        try {
          ReportJob.run(spark, config.with("netroi.report.quarter", q));
        } catch (RuntimeException ex) {
          fs.delete(new Path(reports, q), true); // a report that cannot be rewritten must not survive erasure
          LOG.warn("erase: report {} could not be rewritten ({}); removed", q, ex.getMessage());
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot rewrite the reports under " + reports, ex);
    }
  }
}
