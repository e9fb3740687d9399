package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.ingest.IngestJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Parse exports, roster and outcomes into pseudonymised Parquet tables.")
final class IngestCommand extends SparkJobCommand {
  @Override
  protected String jobName() {
    return "ingest";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    IngestJob.run(spark, config);
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(IngestJob.TABLES, "run_manifest");
  }
}
