package io.netroi.e2e;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.pipeline.Pipeline;
import io.netroi.spark.Tables;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * ingest on sample-data (run once per JVM by {@link SamplePipeline}) must reproduce, number for number, what the generator says it wrote
 * (sample-data/truth.json, documented in docs/generator.md).
 */
class IngestEndToEndTest extends SampleEndToEndTest {
  /** data_quality as source_file -> metric -> count (zero counts dropped). */
  Map<String, Map<String, Long>> dataQuality() {
    Map<String, Map<String, Long>> got = new TreeMap<>();
    for (Row r : table("data_quality").collectAsList()) {
      got.computeIfAbsent(r.getAs("source_file"), k -> new TreeMap<>()).put(r.getAs("metric"), r.getAs("count"));
    }
    return got;
  }

  @Test
  void everyFileIsAccountedForExactlyAsTheGeneratorWroteIt() {
    Map<String, Map<String, Long>> got = dataQuality();
    Set<String> expectedFiles = new TreeSet<>();
    for (JsonNode f : truth.get("files")) {
      Map<String, Long> exp = new TreeMap<>();
      exp.put("read", f.get("read").asLong());
      exp.put("kept", f.get("kept").asLong());
      f.get("rejected").fields().forEachRemaining(e -> exp.put("rejected:" + e.getKey(), e.getValue().asLong()));
      f.get("excluded").fields().forEachRemaining(e -> exp.put("excluded:" + e.getKey(), e.getValue().asLong()));
      exp.values().removeIf(v -> v == 0);
      String file = f.get("source_file").asText();
      expectedFiles.add(file);
      assertEquals(exp, got.getOrDefault(file, Map.of()), file);
    }
    for (JsonNode f : truth.get("file_rejects")) {
      String file = f.get("source_file").asText();
      expectedFiles.add(file);
      assertEquals(Map.of("file_rejected:" + f.get("reason").asText(), 1L), got.get(file), file);
    }
    assertEquals(expectedFiles, got.keySet(), "no file missing, none extra (ignored files are not data)");
  }

  @Test
  void readEqualsKeptPlusRejectedPlusExcludedForEveryFile() {
    dataQuality().forEach((file, m) -> {
      long parts = m.entrySet().stream()
          .filter(e -> e.getKey().equals("kept") || e.getKey().startsWith("rejected:")
              || e.getKey().startsWith("excluded:"))
          .mapToLong(Map.Entry::getValue).sum();
      assertEquals(m.getOrDefault("read", 0L), parts, file);
    });
  }

  @Test
  void rejectsAreTheRowsTheGeneratorPlantedWithTheirReasons() {
    Set<String> expected = new TreeSet<>();
    truth.get("rejects").forEach(r -> expected.add(r.get("source_file").asText() + "#"
        + r.get("row_number").asLong() + "#" + r.get("reason").asText()));
    truth.get("file_rejects").forEach(r -> expected.add(r.get("source_file").asText() + "#0#"
        + r.get("reason").asText()));
    Set<String> got = new TreeSet<>();
    table("rejects").collectAsList().forEach(r -> got.add(r.getAs("source_file") + "#"
        + r.getAs("row_number") + "#" + r.getAs("reason")));
    assertEquals(expected, got);
  }

  @Test
  void tableTotalsMatchTruth() {
    JsonNode totals = truth.get("totals");
    assertEquals(totals.get("connections_kept").asLong(), table("connections").count());
    assertEquals(totals.get("invitations_kept").asLong(), table("invitations").count());
    assertEquals(truth.get("interactions").get("rows").asLong(),
        table("interactions").where(col("source").equalTo("interactions")).count());
    Map<String, Long> excluded = new TreeMap<>();
    dataQuality().values().forEach(m -> m.forEach((k, v) -> {
      if (k.startsWith("excluded:")) {
        excluded.merge(k.substring(9), v, Long::sum);
      }
    }));
    Map<String, Long> expected = new TreeMap<>();
    totals.get("excluded").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
    assertEquals(expected, excluded);
  }

  @Test
  void identityResolutionFindsEveryPersonOnceAndKeepsPlantedNamesakesApart() {
    JsonNode identity = truth.get("identity");
    assertEquals(identity.get("distinct_people").asLong(), table("contacts").count());
    assertEquals(identity.get("distinct_colleagues").asLong(),
        table("interactions").where(col("is_colleague")).select("contact_key").distinct().count());
  }

  @Test
  void outcomesMatchByEveryIdentifierAndKeepTheirValue() {
    JsonNode o = truth.get("outcomes");
    Dataset<Row> outcomes = table("outcomes");
    assertEquals(o.get("kept").asLong(), outcomes.count());
    long matched = 0;
    for (String by : List.of("url", "email", "name_company")) {
      matched += o.get("matched_by").get(by).asLong();
    }
    assertEquals(matched, outcomes.where(col("contact_match").equalTo("matched")).count());
    assertEquals(o.get("with_introducer").asLong(), outcomes.where(col("introducer_key").isNotNull()).count());
    Map<String, BigDecimal> byCurrency = new HashMap<>();
    outcomes.groupBy("currency").agg(org.apache.spark.sql.functions.sum("value").as("v")).collectAsList()
        .forEach(r -> byCurrency.put(r.getAs("currency"), ((BigDecimal) r.getAs("v")).stripTrailingZeros()));
    o.get("value_by_currency").fields().forEachRemaining(e ->
        assertEquals(new BigDecimal(e.getValue().asText()).stripTrailingZeros(), byCurrency.get(e.getKey()), e.getKey()));
  }

  @Test
  void invitationAcceptanceByStyleAndNotMeasurableMembers() {
    JsonNode inv = truth.get("invitations");
    Dataset<Row> out = table("invitations").where(col("direction").equalTo("out"));
    for (boolean personalised : List.of(true, false)) {
      JsonNode exp = inv.get(personalised ? "personalised" : "vanilla");
      Dataset<Row> measurable = out.where(col("is_personalised").equalTo(personalised).and(col("is_accepted").isNotNull()));
      assertEquals(exp.get("sent").asLong(), measurable.count(), "sent, personalised=" + personalised);
      assertEquals(exp.get("accepted").asLong(), measurable.where(col("is_accepted")).count());
    }
    for (JsonNode m : inv.get("not_measurable_members")) {
      assertEquals(0, out.where(col("member_id").equalTo(m.asText()).and(col("is_accepted").isNotNull())).count(),
          m.asText() + ": acceptance is not measurable, so it is null, not false");
    }
    assertEquals(inv.get("incoming").asLong(), table("invitations").where(col("direction").equalTo("in")).count());
  }

  @Test
  void introductionsMadeAndReceived() {
    Dataset<Row> intro = table("introductions");
    assertEquals(truth.get("introductions").get("made").asLong(),
        intro.where(col("made_by_member")).select("member_id", "conversation_key").distinct().count());
    assertEquals(truth.get("introductions").get("received").asLong(),
        intro.where(col("made_by_member").equalTo(false)).count());
  }

  @Test
  void membersCarryConsentIdentitySourceAndNothingForNonConsenting() {
    Map<String, Row> members = new HashMap<>();
    table("members").collectAsList().forEach(r -> members.put(r.getAs("member_id"), r));
    JsonNode m = truth.get("members");
    assertEquals(m.get("total").asInt(), members.size());
    for (JsonNode id : m.get("no_consent")) {
      Row r = members.get(id.asText());
      assertEquals(false, r.getAs("consent"));
      assertNull(r.getAs("display_name"));
      assertNull(r.getAs("identity_source"));
    }
    for (JsonNode id : m.get("inferred_identity")) {
      assertEquals("inferred", members.get(id.asText()).getAs("identity_source"));
    }
    for (JsonNode id : m.get("missing_export")) {
      assertEquals(false, members.get(id.asText()).getAs("has_export"));
    }
  }

  @Test
  void writtenParquetMatchesSchemaFilesWithMicrosTimestampsAndDecimalMoney() throws Exception {
    for (String t : Pipeline.TABLES) {
      File dir = new File(Tables.path(out, t));
      File part = java.util.Arrays.stream(dir.listFiles((d, n) -> n.endsWith(".parquet"))).findFirst().orElseThrow();
      org.apache.parquet.schema.MessageType footer;
      try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
          org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
              new org.apache.hadoop.fs.Path(part.toURI()), new org.apache.hadoop.conf.Configuration()))) {
        footer = reader.getFooter().getFileMetaData().getSchema();
      }
      List<String> columns = footer.getFields().stream().map(org.apache.parquet.schema.Type::getName).toList();
      assertEquals(List.of(Tables.schema(t).fieldNames()), columns, t + ": columns and order as in schemas/" + t + ".json");
      for (var field : Tables.schema(t).fields()) {
        var type = footer.getType(field.name());
        if (field.dataType() instanceof org.apache.spark.sql.types.TimestampType) {
          assertEquals("TIMESTAMP(MICROS,true)", type.getLogicalTypeAnnotation().toString(), t + "." + field.name());
        }
        if (field.dataType() instanceof org.apache.spark.sql.types.DecimalType) {
          assertEquals("DECIMAL(18,2)", type.getLogicalTypeAnnotation().toString(), t + "." + field.name());
        }
      }
    }
  }

  @Test
  void runManifestListsEveryInputReadWithItsChecksumOnce() {
    Map<String, Row> inputs = new HashMap<>();
    List<Row> rows = table("run_manifest").select(org.apache.spark.sql.functions.explode(col("inputs")).as("i"))
        .select("i.*").collectAsList();
    rows.forEach(r -> inputs.put(r.getAs("path"), r));
    assertEquals(rows.size(), inputs.size(), "each input once");
    for (String driverFile : List.of("roster.csv", "fx.csv", "erasures.csv", "outcomes.csv")) {
      Assertions.assertTrue(inputs.containsKey(driverFile), driverFile);
      assertEquals(64, ((String) inputs.get(driverFile).getAs("sha256")).length(), driverFile);
    }
    assertEquals("roster", inputs.get("roster.csv").getAs("kind"));
    assertEquals("outcomes", inputs.get("outcomes/hubspot-deals.csv").getAs("kind"));
    assertEquals("hubspot_deals", inputs.get("outcomes/hubspot-deals.csv").getAs("variant"));
    assertEquals("canonical", inputs.get("outcomes.csv").getAs("variant"));
  }

  /** Every string in every output table, except member display names (members' own, consented). */
  @Test
  void noOutputHoldsAnEmailProfileUrlContactNameOrMessageText() throws Exception {
    Set<String> names = SampleText.contactNames(SAMPLE);
    Set<String> texts = SampleText.messageTexts(SAMPLE);
    Assertions.assertTrue(names.size() > 500 && texts.size() > 1000, "the scan has material to look for");
    for (String t : Pipeline.TABLES) {
      for (String value : SampleText.strings(table(t), t.equals("members") ? Set.of("display_name") : Set.of())) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        Assertions.assertFalse(v.matches("(?s).*[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}.*"), t + " holds an email: " + value);
        Assertions.assertFalse(v.contains("linkedin.com/in/"), t + " holds a profile URL: " + value);
        Assertions.assertFalse(names.contains(v), t + " holds a contact name: " + value);
        Assertions.assertFalse(texts.contains(v), t + " holds message text: " + value);
      }
    }
  }
}
