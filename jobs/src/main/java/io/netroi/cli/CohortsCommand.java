package io.netroi.cli;

import io.netroi.cohorts.CohortsJob;
import io.netroi.config.NetroiConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "cohorts", mixinStandardHelpOptions = true,
    description = "Retention matrices, outreach and invitation cohorts, tier transitions, tie band and social "
        + "outcome rates, connectors, from the relationship tables.")
final class CohortsCommand extends PeriodJobCommand {
  @Override
  protected String jobName() {
    return "cohorts";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    CohortsJob.run(spark, config);
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(CohortsJob.TABLES);
  }
}
