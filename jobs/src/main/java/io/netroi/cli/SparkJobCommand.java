package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.publish.Publication;
import io.netroi.publish.RunIds;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.netroi.spark.Sparks;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/**
 * A job that runs in a SparkSession: builds the config, logs it masked, runs into a new version of the
 * output folder, publishes it (all or nothing), always stops Spark.
 */
abstract class SparkJobCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SparkJobCommand.class);

  @Mixin CommonOptions common;

  /** The job's own typed options, applied over the common configuration. */
  protected NetroiConfig configure(NetroiConfig base) {
    return base;
  }

  /** Runs the job with netroi.out set to the new version's folder; returns a line to print once published, or null. */
  protected abstract String run(SparkSession spark, NetroiConfig config);

  /** As {@link #run(SparkSession, NetroiConfig)}, for a job that needs the publication (erase). */
  protected String run(SparkSession spark, NetroiConfig config, Publication publication) {
    return run(spark, config);
  }

  /** How many published versions stay after this job (erase keeps only its own). */
  protected int keepVersions(NetroiConfig config) {
    return config.getInt("netroi.publish.keep.versions");
  }

  /** The tables this job writes; every other table of the current version is carried into the new one. */
  protected abstract Set<String> rewrites();

  static Set<String> rewritten(List<String> tables, String... more) {
    Set<String> out = new TreeSet<>(tables);
    out.addAll(List.of(more));
    return out;
  }

  protected abstract String jobName();

  @Override
  public Integer call() {
    NetroiConfig config = configure(common.toConfig());
    LOG.info("netroi {}: effective configuration\n  {}", jobName(), String.join("\n  ", config.describe()));
    boolean borrowed = SparkSession.getDefaultSession().isDefined();
    SparkSession spark = Sparks.session("netroi-" + jobName(), config);
    try {
      String runId = RunIds.next();
      String out = config.get("netroi.out");
      Publication publication = Publication.begin(spark.sparkContext().hadoopConfiguration(), out, runId, rewrites());
      String line = run(spark, config.with("netroi.out", publication.root()).with(RunIds.KEY, runId)
          .with(Publication.ROOT_KEY, publication.out()), publication);
      publication.publish(keepVersions(config));
      IdentityMaps.retainReferenced(spark, config, publication);
      if (line != null) {
        System.out.println(publication.published(line, out));
      }
    } finally {
      if (!borrowed) {
        spark.stop(); // a session that was already running (an embedding application, tests) is not ours to stop
      }
    }
    return 0;
  }
}
