package io.netroi.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroi.attribution.AttributionJob;
import io.netroi.report.ReportJob;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The report on sample-data: every file is there, the JSON summary's numbers are the tables', small
 * cells are suppressed, and hostile strings from exports come out inert in HTML, Markdown and CSV.
 */
class ReportEndToEndTest extends SampleEndToEndTest {
  static final int K = 5;

  Path reportDir() {
    return Path.of(SamplePipeline.report(spark()));
  }

  JsonNode summary(Path dir) throws IOException {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  Row orgKpis(int index) {
    return table("kpis").where(col("scope").equalTo("org").and(col("quarter_index").equalTo(index))).first();
  }

  @Test
  void thePipelineWritesEveryReportFileForTheLastEndedQuarter() throws IOException {
    Path dir = reportDir();
    for (String f : List.of("report.html", "report.pdf", "summary.md", "summary.json", "csv/tiles.csv",
        "csv/opener_styles.csv", "csv/findings.csv", "csv/inputs.csv", "csv/companies.csv", "csv/network_growth.csv",
        "csv/cohort_heatmap.csv", "csv/tier_flow.csv", "csv/value_by_model_and_team.csv", "csv/coverage.csv")) {
      Assertions.assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    // sample-data's latest export is 2026-05-29: the last quarter that has ended is 2026-Q1
    assertEquals("2026-Q1", summary(dir).get("meta").get("quarter").asText());
    assertEquals("2026-Q1", dir.getFileName().toString());
    Assertions.assertTrue(new String(Files.readAllBytes(dir.resolve("report.pdf")), 0, 5, StandardCharsets.US_ASCII)
        .startsWith("%PDF-"));
  }

  @Test
  void theSummarysNumbersAreTheTables() throws IOException {
    JsonNode s = summary(reportDir());
    int q = Quarters.indexOfLabel("2026-Q1", 1);
    Row now = orgKpis(q);
    for (JsonNode tile : s.get("tiles")) {
      String column = tile.get("column").asText();
      if (tile.get("suppressed").asBoolean()) {
        Assertions.assertTrue(tile.get("value").isNull(), column);
        continue;
      }
      Object v = now.getAs(column);
      assertEquals(new java.math.BigDecimal(String.valueOf(v)).doubleValue(), tile.get("value").asDouble(), 1e-9,
          column);
    }
    JsonNode growth = s.get("network_growth");
    JsonNode org = growth.get("series").get(0);
    assertEquals("All teams", org.get("name").asText());
    assertEquals((long) now.getAs("network_size"), org.get("values").get(7).asLong());
    assertEquals((long) orgKpis(q - 7).getAs("network_size"), org.get("values").get(0).asLong());
    for (JsonNode style : s.get("opener_styles")) {
      Row r = table("outreach_cohorts").where(col("scope").equalTo("org")
          .and(col("opener_style").equalTo(style.get("style").asText()))).first();
      JsonNode reply = style.get("reply");
      if (!reply.get("suppressed").asBoolean()) {
        assertEquals((long) r.getAs("replied"), reply.get("k").asLong());
        assertEquals((double) r.getAs("reply_rate"), reply.get("rate").asDouble(), 1e-12);
        assertEquals((double) r.getAs("reply_rate_low"), reply.get("low").asDouble(), 1e-12);
      }
    }
    JsonNode team = s.get("value_by_model_and_team");
    for (int m = 0; m < AttributionJob.MODELS.size(); m++) {
      double json = 0;
      for (JsonNode v : team.get("values").get(m)) {
        json += v.asDouble();
      }
      Row db = table("attribution_summary").where(col("scope").equalTo("team").and(col("quarter").equalTo("2026-Q1"))
          .and(col("model").equalTo(AttributionJob.MODELS.get(m)))).agg(sum("credited_value")).first();
      assertEquals(db.isNullAt(0) ? 0 : db.getDecimal(0).doubleValue(), json, 0.005, AttributionJob.MODELS.get(m));
    }
    long read = table("data_quality").where("metric = 'read'").agg(sum("count")).first().getLong(0);
    long jsonRead = 0;
    for (JsonNode m : s.get("data_quality").get("by_metric")) {
      if (m.get("metric").asText().equals("read")) {
        jsonRead = m.get("count").asLong();
      }
    }
    assertEquals(read, jsonRead);
    JsonNode reply = s.get("findings").get(0);
    Row rel = table("outreach_cohorts").where("scope = 'org' and opener_style = 'relationship'").first();
    assertEquals((long) rel.getAs("reply_observed"), reply.get("group_n").asLong());
    assertEquals((double) rel.getAs("reply_rate_diff_cluster_low"), reply.get("difference_cluster_low").asDouble(),
        1e-12);
  }

  @Test
  void noCellFromFewerThanKRelationshipsIsShown() throws IOException {
    JsonNode s = summary(reportDir());
    for (JsonNode c : s.get("cohort_heatmap").get("cohorts")) {
      for (JsonNode cell : c.get("cells")) {
        Assertions.assertTrue(cell.get("relationships").isNull() || cell.get("relationships").asLong() >= K, c.toString());
        assertEquals(cell.get("relationships").isNull(), cell.get("engaged_share").isNull());
      }
    }
    boolean anySuppressed = false;
    for (JsonNode row : s.get("tier_flow").get("rows")) {
      int hidden = 0;
      int shown = 0;
      for (JsonNode cell : row.get("cells")) {
        if (cell.get("suppressed").asBoolean()) {
          hidden++;
          Assertions.assertTrue(cell.get("relationships").isNull());
        } else if (cell.get("relationships").asLong() > 0) {
          shown++;
          Assertions.assertTrue(cell.get("relationships").asLong() >= K, row.toString());
        }
      }
      Assertions.assertFalse(hidden == 1 && shown > 0, "a lone suppressed cell would follow from the total: " + row);
      anySuppressed |= hidden > 0;
    }
    Assertions.assertTrue(anySuppressed, "sample-data has small tier cells");
    for (JsonNode style : s.get("opener_styles")) {
      JsonNode reply = style.get("reply");
      Assertions.assertTrue(reply.get("n").isNull() || reply.get("n").asLong() >= K);
    }
    for (JsonNode company : s.get("companies").get("rows")) {
      Assertions.assertTrue(company.get("relationships").asLong() >= K);
    }
    // the heatmap's CSV holds the same cells: none from fewer than k relationships
    List<String> lines = Files.readAllLines(reportDir().resolve("csv/cohort_heatmap.csv"));
    int column = List.of(lines.get(0).split(",")).indexOf("relationships");
    Assertions.assertTrue(column >= 0 && lines.size() > 10, lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String v = line.split(",", -1)[column];
      Assertions.assertTrue(v.isEmpty() || Long.parseLong(v) >= K, line);
    }
  }

  @Test
  void hostileStringsFromExportsComeOutInert(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    // a copy of the tables with a formula for a company and markup for a consenting member's name
    String copy = tmp.resolve("out").toString();
    for (String t : io.netroi.report.ReportInputs.TABLES) {
      Dataset<Row> df = table(t);
      if (t.equals("contacts")) {
        df = df.withColumn("company", org.apache.spark.sql.functions.lit("=HYPERLINK(\"http://evil.example\",\"x\")"));
      } else if (t.equals("members")) {
        df = df.withColumn("display_name", org.apache.spark.sql.functions.when(col("consent"),
            org.apache.spark.sql.functions.lit("<script>alert('x')</script> & *Bob*")));
      }
      Tables.write(df, copy, t);
    }
    String dir = ReportJob.run(spark(), SamplePipeline.config(copy).with("netroi.report.min.cell", "1"));
    Path d = Path.of(dir);
    String html = Files.readString(d.resolve("report.html"));
    Assertions.assertFalse(html.contains("<script>"), "no live script tag");
    Assertions.assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *Bob*"));
    Assertions.assertTrue(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"));
    String md = Files.readString(d.resolve("summary.md"));
    Assertions.assertTrue(md.contains("\\<script\\>alert('x')\\</script\\> \\& \\*Bob\\*"), md);
    String companies = Files.readString(d.resolve("csv/companies.csv"));
    Assertions.assertTrue(companies.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""), companies);
    Assertions.assertFalse(companies.contains("\n=HYPERLINK") || companies.contains(",=HYPERLINK"));
    String connectors = Files.readString(d.resolve("csv/connectors.csv"));
    Assertions.assertTrue(connectors.contains("<script>alert('x')</script> & *Bob*"), "CSV holds the text as text");
    Assertions.assertTrue(Files.size(d.resolve("report.pdf")) > 1000, "the PDF renders escaped text");
  }
}
