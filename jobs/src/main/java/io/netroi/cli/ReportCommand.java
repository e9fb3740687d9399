package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.report.ReportJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the quarter's report (HTML, PDF, Markdown, JSON, CSV) under <out>/reports/<quarter>/.")
final class ReportCommand extends PeriodJobCommand {
  @Option(names = "--quarter", paramLabel = "QUARTER",
      description = "Quarter to report, e.g. 2026-Q3 (FY2027-Q1 with a fiscal year); default: the last complete one.")
  String quarter;

  @Override
  protected NetroiConfig configure(NetroiConfig base) {
    NetroiConfig c = super.configure(base);
    return quarter == null ? c : c.with("netroi.report.quarter", quarter);
  }

  @Override
  protected String jobName() {
    return "report";
  }

  @Override
  protected String run(SparkSession spark, NetroiConfig config) {
    return "report: " + ReportJob.run(spark, config);
  }

  @Override
  protected java.util.Set<String> rewrites() {
    return rewritten(java.util.List.of());
  }
}
