package io.netroi.cli;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import io.netroi.erase.EraseJob;
import io.netroi.pipeline.Pipeline;
import io.netroi.publish.Publication;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

@Command(name = "erase", mixinStandardHelpOptions = true,
    description = "Apply erasures.csv to the published tables and reports at once: the people (URL or email, "
        + "found through the private identity map) and members (member:<id>) on it are removed from every "
        + "table, every later stage is recomputed, every report rewritten, and older versions deleted.")
final class EraseCommand extends PeriodJobCommand {
  @Override
  protected String jobName() {
    return "erase";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    throw new IllegalStateException("erase runs inside its publication");
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config, Publication publication) {
    String current = publication.previousRoot().orElseThrow(() -> new ConfigException(
        "erase: nothing is published under " + publication.out() + " yet; run pipeline first"));
    EraseJob.run(spark, config, current);
    return "erased: " + publication.id();
  }

  @Override
  protected Set<String> rewrites() {
    return rewritten(Pipeline.TABLES, "run_manifest");
  }

  /** An erased person must not survive in an older version: only the erased one stays. */
  @Override
  protected int keepVersions(NetroiConfig config) {
    return 1;
  }
}
