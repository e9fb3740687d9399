package io.netroi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attribute-paths from the command line on the example file the sample data carries. */
class AttributePathsCommandTest extends SparkTestBase {
  @Test
  void attributesTheSampleExamplePathFile(@TempDir Path out) {
    String paths = Path.of("..", "sample-data", "paths", "example-paths.csv").toAbsolutePath().toString();
    assertEquals(0, Main.run("attribute-paths", "--paths", paths, "--out", out.toString()));
    Map<String, Double> firstTouch = new HashMap<>();
    for (Row r : Tables.read(spark(), out.toString(), "path_attribution").where("model = 'first_touch'").collectAsList()) {
      firstTouch.put(r.getAs("channel"), r.getAs("conversions"));
    }
    // email > search x3, search x2, social > email > search x1, email > email > display x1 convert
    assertEquals(Map.of("email", 4.0, "search", 2.0, "social", 1.0, "display", 0.0), firstTouch);
  }

  @Test
  void aMissingPathsOptionIsAUsageError() {
    assertEquals(2, MainTest.run("attribute-paths").code());
  }
}
