package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.ingest.IngestJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run every stage in one SparkSession (today: ingest).")
final class PipelineCommand extends SparkJobCommand {
  @Override
  protected String jobName() {
    return "pipeline";
  }

  @Override
  protected void run(SparkSession spark, NetroiConfig config) {
    IngestJob.run(spark, config);
  }
}
