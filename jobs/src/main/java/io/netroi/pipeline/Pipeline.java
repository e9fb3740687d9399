package io.netroi.pipeline;

import io.netroi.attribution.AttributionJob;
import io.netroi.cohorts.CohortsJob;
import io.netroi.config.NetroiConfig;
import io.netroi.ingest.IngestJob;
import io.netroi.kpis.KpisJob;
import io.netroi.report.ReportJob;
import io.netroi.relationships.RelationshipsJob;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/** Every stage in order in one SparkSession; each stage reads the previous one's tables. */
public final class Pipeline {
  /** Every table the pipeline writes, stage by stage. */
  public static final List<String> TABLES = Stream.of(IngestJob.TABLES, RelationshipsJob.TABLES, CohortsJob.TABLES,
      AttributionJob.TABLES, KpisJob.TABLES)
      .flatMap(List::stream).toList();

  private Pipeline() {}

  /** Runs every stage and returns the folder of the report it wrote. */
  public static String run(SparkSession spark, NetroiConfig config) {
    IngestJob.run(spark, config);
    RelationshipsJob.run(spark, config);
    CohortsJob.run(spark, config);
    AttributionJob.run(spark, config);
    KpisJob.run(spark, config);
    return ReportJob.run(spark, config);
  }
}
