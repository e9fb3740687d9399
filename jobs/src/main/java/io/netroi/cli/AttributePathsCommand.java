package io.netroi.cli;

import io.netroi.attribution.engine.PathAttribution;
import io.netroi.config.NetroiConfig;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "attribute-paths", mixinStandardHelpOptions = true,
    description = "Attribute any channel path table (path, total_conversions, total_conversion_value, total_null; "
        + "CSV or Parquet) under first_touch, last_touch, linear, position_based, markov and shapley; "
        + "writes <out>/tables/path_attribution.")
final class AttributePathsCommand extends SparkJobCommand {
  @Option(names = "--paths", paramLabel = "FILE", required = true,
      description = "The path table (any Hadoop URI; .csv or .csv.gz is read as CSV, anything else as Parquet).")
  String paths;

  @Override
  protected String jobName() {
    return "attribute-paths";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    PathAttribution.run(spark, paths, config.get("netroi.out"));
    return null;
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(java.util.List.of(PathAttribution.TABLE));
  }
}
