package io.netroi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;

/** Base of the end-to-end tests: the pipeline's output on sample-data/ and its truth.json. */
abstract class SampleEndToEndTest extends SparkTestBase {
  static final java.nio.file.Path SAMPLE = SamplePipeline.SAMPLE;
  protected String out;
  protected JsonNode truth;

  @BeforeEach
  void pipelineOnce() {
    out = SamplePipeline.out(spark());
    truth = SamplePipeline.truth();
  }

  Dataset<Row> table(String name) {
    return Tables.read(spark(), out, name);
  }
}
