package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.pipeline.Pipeline;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run every stage in one SparkSession: ingest, relationships, cohorts, attribution, kpis, report.")
final class PipelineCommand extends PeriodJobCommand {
  @Override
  protected String jobName() {
    return "pipeline";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    return "report: " + Pipeline.run(spark, config);
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(Pipeline.TABLES, "run_manifest");
  }
}
