package io.netroi.erase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netroi.cli.Main;
import io.netroi.identity.Pseudonyms;
import io.netroi.ingest.IngestJob;
import io.netroi.spark.Tables;
import io.netroi.testing.CompareTables;
import io.netroi.testing.SparkTestBase;
import io.netroi.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Erasure on sample-data through the CLI (issue 6, item 4): a person asked by email whose contact
 * key was made from their profile URL, and member m05, are added to erasures.csv; {@code erase}
 * leaves no trace of either in any table, report or older version; the next ingest keeps them out
 * and yields the tables erase wrote.
 */
class EraseEndToEndTest extends SparkTestBase {
  private static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
  private static final String KEY = "erase-test-key";
  /** In m06's Connections.csv with both URL and email; the contact is keyed by the URL. */
  private static final String EMAIL = "nikolai.okafor@proton.me";
  private static final String URL = "url:https://linkedin.com/in/nikolai-okafor-2ec450";
  private static final String MEMBER = "m05";
  private static final String MEMBER_NAME = "Maarja Roberts";

  @Test
  void erasedPeopleAndMembersLeaveNoTraceAndLaterRunsKeepThemOut() throws IOException {
    Path dir = Files.createTempDirectory("netroi-erase");
    Path input = dir.resolve("in");
    Trees.copy(SAMPLE, input);
    String out = dir.resolve("out").toString();
    String[] common = {"--input", input.toString(), "--out", out, "--conf", "netroi.key=" + KEY,
        "--conf", "netroi.identity.map=" + dir.resolve("map"), "--conf", "netroi.stats.bootstrap.replicates=100"};
    String contactKey = Pseudonyms.hmacHex(KEY.getBytes(StandardCharsets.UTF_8), URL);

    assertEquals(0, cli("pipeline", common));
    assertEquals(1, Tables.read(spark(), out, "contacts").where(col("contact_key").equalTo(contactKey)).count(),
        "before: the person is a contact, keyed by URL");
    org.junit.jupiter.api.Assertions.assertTrue(traces(out, contactKey) > 0 && traces(out, MEMBER) > 0, "before: both appear in the tables");
    org.junit.jupiter.api.Assertions.assertTrue(reportText(Path.of(out, "reports")).contains(MEMBER_NAME), "before: the member is named in the report");

    Files.writeString(input.resolve("erasures.csv"), EMAIL + "\nmember:" + MEMBER + "\n", StandardOpenOption.APPEND);
    assertEquals(0, cli("erase", common));

    for (String needle : List.of(contactKey, MEMBER, MEMBER_NAME)) {
      assertEquals(0, traces(out, needle), needle + " remains in a table");
      assertFalse(reportText(Path.of(out, "reports")).contains(needle), needle + " remains in a report");
    }
    String erasedVersion = Files.readString(Path.of(out, "CURRENT")).trim();
    assertEquals(List.of(erasedVersion), list(Path.of(out, "versions")), "no older version survives erase");
    assertEquals(1, list(dir.resolve("map")).size(), "one output's maps");
    assertEquals(List.of(erasedVersion), list(list1(dir.resolve("map"))), "only the erased version's map");
    org.junit.jupiter.api.Assertions.assertTrue(Tables.read(spark(), out, "relationships").count() > 0);

    assertEquals(0, cli("ingest", common));
    for (String needle : List.of(contactKey, MEMBER, MEMBER_NAME)) {
      assertEquals(0, traces(out, needle), needle + " came back with the next ingest");
    }
    assertEquals(List.of(), sameAsIngest(Path.of(out, "versions", erasedVersion).toString(), out),
        "erase wrote the tables an ingest with the same list writes");
  }

  /**
   * Differences between erase's ingest tables and a later ingest's (the later stages are functions of
   * these), apart from what is documented to differ:
   * data_quality (erase counts its removals; the ingest counts excluded rows per file) and
   * contacts.component_size (identifiers only the erased member's export carried still count until the
   * next ingest).
   */
  private List<String> sameAsIngest(String erased, String ingested) {
    List<String> out = new ArrayList<>();
    for (String table : IngestJob.TABLES) {
      if (!List.of("data_quality", "contacts", "run_manifest").contains(table)) {
        String line = CompareTables.compare(spark(), erased, ingested, table);
        if (!line.contains(" identical")) {
          out.add(line);
        }
      }
    }
    Dataset<Row> a = Tables.read(spark(), erased, "contacts").drop("component_size");
    Dataset<Row> b = Tables.read(spark(), ingested, "contacts").drop("component_size");
    if (a.exceptAll(b).count() + b.exceptAll(a).count() > 0) {
      out.add("contacts differ beyond component_size");
    }
    return out;
  }

  /** Rows of any table (every column as text, run_manifest included) that contain {@code needle}. */
  private long traces(String out, String needle) throws IOException {
    long n = 0;
    for (String table : list(Path.of(out, "tables"))) {
      Dataset<Row> df = spark().read().parquet(Tables.path(out, table));
      Column[] cols = Arrays.stream(df.columns()).map(c -> col(c).cast("string")).toArray(Column[]::new);
      n += df.where(concat_ws("\u0001", cols).contains(needle)).count();
    }
    return n;
  }

  /** Every report file's text, with inline images (base64 data URIs) left out. */
  private static String reportText(Path reports) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.walk(reports.toRealPath())) {
      for (Path f : s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".pdf")).toList()) {
        sb.append(Files.readString(f).replaceAll("data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", "")).append('\n');
      }
    }
    return sb.toString();
  }

  private static int cli(String job, String[] common) {
    String[] args = Stream.concat(Stream.of(job), Arrays.stream(common)).toArray(String[]::new);
    return Main.commandLine().execute(args);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path list1(Path dir) throws IOException {
    return dir.resolve(list(dir).get(0));
  }
}
