package io.netroi.spark;

import io.netroi.config.NetroiConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a run uses, with the settings every stage relies on. */
public final class Sparks {
  private Sparks() {}

  /**
   * Settings that make results independent of the machine: UTC session time, microsecond Parquet
   * timestamps (read correctly by DuckDB and pandas), the strict java.time date parser.
   */
  public static final Map<String, String> PINNED = Map.of(
      "spark.sql.session.timeZone", "UTC",
      "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS",
      "spark.sql.legacy.timeParserPolicy", "CORRECTED",
      "spark.sql.ansi.enabled", "false",
      "spark.sql.caseSensitive", "false",
      "spark.sql.sources.partitionOverwriteMode", "static");

  /** The session for a job: master from spark-submit when given, else embedded {@code local[*]}. */
  public static SparkSession session(String appName, NetroiConfig config) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setAppName(appName);
    if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // one JVM: a few partitions per core beat Spark's 200, most of which would be empty
      conf.set("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
    }
    config.withPrefix("spark.").forEach(conf::set);
    PINNED.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** True when the session runs in one JVM, where a generated local key is acceptable. */
  public static boolean isLocal(SparkSession spark) {
    return spark.sparkContext().isLocal();
  }
}
