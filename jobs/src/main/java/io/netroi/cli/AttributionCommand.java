package io.netroi.cli;

import io.netroi.attribution.AttributionJob;
import io.netroi.config.NetroiConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "attribution", mixinStandardHelpOptions = true,
    description = "Credit each outcome to the relationships, introducers and touch types it came through, under "
        + "seven models; unattributed outcomes kept with their reason.")
final class AttributionCommand extends PeriodJobCommand {
  @Option(names = "--attribution-scope", paramLabel = "team|owner",
      description = "Whose touches form a journey: every consenting member's (team, default) or the owner's only.")
  String scope;

  @Override
  protected NetroiConfig configure(NetroiConfig base) {
    NetroiConfig c = super.configure(base);
    return scope == null ? c : c.with("netroi.attribution.scope", scope);
  }

  @Override
  protected String jobName() {
    return "attribution";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    AttributionJob.run(spark, config);
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(AttributionJob.TABLES);
  }
}
