package io.netroi.ingest;

import io.netroi.config.NetroiConfig;
import org.apache.spark.sql.SparkSession;

/** The ingest stage: reads every input once and writes the pseudonymised tables. */
public final class IngestJob {
  private IngestJob() {}

  public static void run(SparkSession spark, NetroiConfig config) {
    throw new UnsupportedOperationException("ingest: not built yet");
  }
}
