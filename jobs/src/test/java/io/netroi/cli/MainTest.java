package io.netroi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  record Result(int code, String err, String out) {}

  static Result run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(out));
    int code = cl.execute(args);
    return new Result(code, err.toString(), out.toString());
  }

  @Test
  void helpListsTheJobs() {
    Result r = run("--help");
    assertEquals(0, r.code());
    for (String job : new String[] {"pipeline", "ingest", "relationships", "cohorts", "attribution", "attribute-paths", "generate"}) {
      assertTrue(r.out().contains(job), r.out());
    }
  }

  @Test
  void badConfigurationIsExitCode2AndNamesTheKeyOrFile(@TempDir Path dir) {
    Result noEquals = run("ingest", "--conf", "netroi.key");
    assertEquals(2, noEquals.code());
    assertTrue(noEquals.err().contains("--conf expects key=value"), noEquals.err());
    Result missingFile = run("ingest", "--config", dir.resolve("nope.properties").toString());
    assertEquals(2, missingFile.code());
    assertTrue(missingFile.err().contains("nope.properties"), missingFile.err());
  }

  @Test
  void unusableInputIsExitCode3AndNamesTheFileAndRow(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("roster.csv"), "member_id,team\nm01,Sales\n");
    Result r = run("ingest", "--input", dir.toString(), "--out", dir.resolve("out").toString(),
        "--conf", "netroi.key=k", "--conf", "spark.master=local[1]", "--conf", "spark.ui.enabled=false");
    assertEquals(3, r.code(), r.err());
    assertTrue(r.err().contains("roster.csv, row 1: missing columns [timezone, consent]"), r.err());
  }

  @Test
  void badPeriodOptionsAreUsageErrorsBeforeSparkStarts() {
    Result badDate = run("relationships", "--as-of", "2026-13-01");
    assertEquals(2, badDate.code());
    assertTrue(badDate.err().contains("--as-of"), badDate.err());
    Result badMonth = run("cohorts", "--fiscal-year-start-month", "13");
    assertEquals(2, badMonth.code());
    assertTrue(badMonth.err().contains("--fiscal-year-start-month must be 1-12, got 13"), badMonth.err());
    Result badKey = run("pipeline", "--conf", "netroi.as.of=yesterday");
    assertEquals(2, badKey.code());
    assertTrue(badKey.err().contains("netroi.as.of must be a date yyyy-MM-dd, got 'yesterday'"), badKey.err());
  }

  @Test
  void anUnknownJobIsAUsageError() {
    assertEquals(2, run("frobnicate").code());
  }
}
