package io.netroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroi.config.NetroiConfig;
import io.netroi.pipeline.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The whole pipeline on sample-data/, run once per test JVM and shared by the end-to-end tests. */
final class SamplePipeline {
  static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
  private static String out;
  private static String report;
  private static JsonNode truth;

  private SamplePipeline() {}

  static synchronized String out(SparkSession spark) {
    if (out == null) {
      try {
        String dir = Files.createTempDirectory("netroi-e2e").toString();
        report = Pipeline.run(spark, config(dir));
        out = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The folder of the report the pipeline wrote (after {@link #out}). */
  static synchronized String report(SparkSession spark) {
    out(spark);
    return report;
  }

  static NetroiConfig config(String dir) {
    return NetroiConfig.builder()
        .set("netroi.input", SAMPLE.toString())
        .set("netroi.out", dir)
        .set("netroi.key", "end-to-end-test-key")
        .set("netroi.identity.map", dir + "-identity-map")
        .build();
  }

  static synchronized JsonNode truth() {
    if (truth == null) {
      try {
        truth = new ObjectMapper().readTree(SAMPLE.resolve("truth.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return truth;
  }
}
