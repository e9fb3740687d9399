package io.netroi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.generate.Generator;
import io.netroi.identity.Identifiers;
import io.netroi.identity.Pseudonyms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB peer without the pipeline (a pipeline run would take minutes; bench/run.sh checks the
 * peer against real pipeline output): its URL normalisation and keys agree with the pipeline's Java
 * functions, it runs on a generated URL-only dataset, and its check finds planted differences.
 */
class DuckDbPeerTest {
  static final Path SQL = Path.of("..", "bench", "peer");

  /** The profile URL forms the generator writes. */
  static final List<String> URLS = List.of("https://www.linkedin.com/in/ana-gross-1b2c3d",
      "http://www.linkedin.com/in/ana-gross-1b2c3d", "https://WWW.LinkedIn.com/in/ana-gross-1b2c3d",
      "https://linkedin.com/in/ana-gross-1b2c3d/", "https://www.linkedin.com/in/ana-gross-1b2c3d?originalSubdomain=uk",
      "https://www.linkedin.com/in/elena-gro%C3%9F-e88adb", "https://www.linkedin.com/in/elena-gro%c3%9f-e88adb",
      "https://www.linkedin.com/in/elena-groß-e88adb", "www.linkedin.com/in/x#about", "  https://linkedin.com/in/Y  ",
      "https://www.linkedin.com/", "not a url", "mailto:x@example.com");

  @Test
  void urlMacroAgreesWithIdentifiers() throws Exception {
    String macros = DuckDbPeer.statements(Files.readString(SQL.resolve("01_parse.sql"))).stream()
        .filter(s -> s.contains("CREATE OR REPLACE MACRO")).collect(Collectors.joining(";\n"));
    try (Connection c = DuckDbPeer.connect(); Statement s = c.createStatement()) {
      s.execute(macros);
      for (String url : URLS) {
        try (ResultSet rs = s.executeQuery("SELECT norm_url('" + url.replace("'", "''") + "')")) {
          rs.next();
          assertEquals(Identifiers.normaliseUrl(url), rs.getString(1), url);
        }
      }
    }
  }

  @Test
  void spillsWhereToldNeverToTheWorkingDirectory(@TempDir Path d) throws Exception {
    Path spill = d.resolve("spill folder's");
    DuckDbPeer.Options told = DuckDbPeer.parse(new String[] {"in", "flat", "out", "--sql", SQL.toString(),
        "--spill", spill.toString()});
    assertEquals(spill, told.spill());
    DuckDbPeer.Options untold = DuckDbPeer.parse(new String[] {"in", "flat", "out", "--sql", SQL.toString()});
    assertEquals(DuckDbPeer.defaultSpill(), untold.spill());
    assertTrue(untold.spill().startsWith(Path.of(System.getProperty("java.io.tmpdir"))), untold.spill().toString());
    try (Connection c = DuckDbPeer.connect(told.spill()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('temp_directory')")) {
      rs.next();
      assertEquals(spill.toAbsolutePath().toString(), rs.getString(1));
    }
  }

  @Test
  void keysAreThePipelinesPseudonyms() {
    String id = "url:https://linkedin.com/in/elena-groß-e88adb";
    byte[] key = DuckDbPeer.keyBytes(" bench\n");
    assertEquals(Pseudonyms.hmacHex("bench".getBytes(StandardCharsets.UTF_8), id), Pseudonyms.hmacHexer(key).apply(id));
    assertThrows(IllegalArgumentException.class, () -> DuckDbPeer.keyBytes(" "));
  }

  @Test
  void peerRunsAndItsCheckFindsDifferences(@TempDir Path d) throws Exception {
    Path in = d.resolve("in");
    Path flat = d.resolve("flat");
    Path out = d.resolve("out");
    Generator.run(new Generator.Options(in, 6, 3000, 11, false, 2, true));
    FlatExports.write(in, flat);
    DuckDbPeer.Options o = new DuckDbPeer.Options(in, flat, out, SQL, "bench", "v2", d.resolve("spill"), true);
    try (Connection c = DuckDbPeer.connect(o.spill()); Statement s = c.createStatement()) {
      DuckDbPeer.compute(c, o);
      Map<String, Long> rows = Map.of("relationships", count(s, "peer_relationships"),
          "relationship_quarters", count(s, "peer_relationship_quarters"),
          "cohort_retention", count(s, "peer_cohort_retention"), "attribution", count(s, "peer_attribution"));
      rows.forEach((t, n) -> assertTrue(n > 0, t + " has rows"));
      assertEquals(0, count(s, "(SELECT outcome_id FROM peer_attribution GROUP BY outcome_id "
          + "HAVING abs(sum(credit) - 1) > 1e-9)"), "linear credits sum to 1 per outcome");
      for (Parity.Spec spec : Parity.SPECS) {
        Path dir = Files.createDirectories(out.resolve("tables").resolve(spec.table()));
        s.execute("COPY peer_" + spec.table() + " TO '" + DuckDbPeer.sqlPath(dir.resolve("part-0.parquet"))
            + "' (FORMAT parquet)");
      }
      assertTrue(Parity.compare(c, out.resolve("tables")).stream().allMatch(Parity.TableResult::equal),
          "the peer's own tables compare equal");

      s.execute("UPDATE peer_relationships SET msgs_out = msgs_out + 1 WHERE contact_key = "
          + "(SELECT min(contact_key) FROM peer_relationships)");
      s.execute("DELETE FROM peer_attribution WHERE outcome_id = (SELECT min(outcome_id) FROM peer_attribution)");
      s.execute("UPDATE peer_cohort_retention SET engaged_share = engaged_share + 1e-12");
      List<Parity.TableResult> results = Parity.compare(c, out.resolve("tables"));
      Parity.TableResult relationships = byName(results, "relationships");
      assertFalse(relationships.equal());
      assertTrue(relationships.examples().get(0).contains("msgs_out: ours"), relationships.describe());
      Parity.TableResult attribution = byName(results, "attribution");
      assertFalse(attribution.equal());
      assertTrue(attribution.describe().contains("only in the pipeline's table"), attribution.describe());
      assertTrue(byName(results, "cohort_retention").equal(), "doubles within 1e-9 are equal");
    }
  }

  private static long count(Statement s, String table) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Parity.TableResult byName(List<Parity.TableResult> results, String table) {
    return results.stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
  }
}
