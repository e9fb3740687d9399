package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.kpis.KpisJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "kpis", mixinStandardHelpOptions = true,
    description = "Quarterly indicators per member, team and org: network, engagement, outreach, outcomes and "
        + "credited value, with the change on the previous quarter.")
final class KpisCommand extends PeriodJobCommand {
  @Override
  protected String jobName() {
    return "kpis";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    KpisJob.run(spark, config);
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(KpisJob.TABLES);
  }
}
