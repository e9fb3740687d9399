package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.relationships.RelationshipsJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "relationships", mixinStandardHelpOptions = true,
    description = "Member x contact facts, openers, tie strength and quarterly tiers, from the ingest tables.")
final class RelationshipsCommand extends PeriodJobCommand {
  @Override
  protected String jobName() {
    return "relationships";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    RelationshipsJob.run(spark, config);
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(RelationshipsJob.TABLES);
  }
}
