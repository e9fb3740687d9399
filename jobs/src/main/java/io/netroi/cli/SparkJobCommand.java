package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.spark.Sparks;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/** A job that runs in a SparkSession: builds the config, logs it masked, runs, always stops Spark. */
abstract class SparkJobCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SparkJobCommand.class);

  @Mixin CommonOptions common;

  /** The job's own typed options, applied over the common configuration. */
  protected NetroiConfig configure(NetroiConfig base) {
    return base;
  }

  protected abstract void run(SparkSession spark, NetroiConfig config);

  protected abstract String jobName();

  @Override
  public Integer call() {
    NetroiConfig config = configure(common.toConfig());
    LOG.info("netroi {}: effective configuration\n  {}", jobName(), String.join("\n  ", config.describe()));
    boolean borrowed = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = Sparks.session("netroi-" + jobName(), config);
    try {
      run(spark, config);
    } finally {
      if (!borrowed) {
        spark.stop(); // a session that was already running (an embedding application, tests) is not ours to stop
      }
    }
    return 0;
  }
}
