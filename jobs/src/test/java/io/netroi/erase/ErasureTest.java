package io.netroi.erase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** The row rules of erase on small tables in the real schemas; erased: contact "x" and member "m9". */
class ErasureTest extends SparkTestBase {
  private static final Timestamp T1 = Timestamp.from(Instant.parse("2026-02-01T10:00:00Z"));
  private static final Timestamp T2 = Timestamp.from(Instant.parse("2026-02-02T10:00:00Z"));

  private Erasure.Erased erased() {
    return new Erasure.Erased(spark().createDataset(List.of("x"), Encoders.STRING()).toDF("contact_key"), Set.of("m9"));
  }

  /** Rows of {@code table} (its columns, all nullable) with the given columns set and every other null. */
  private Dataset<Row> table(String table, List<Map<String, Object>> rows) {
    var schema = new org.apache.spark.sql.types.StructType(Arrays.stream(Tables.schema(table).fields())
        .map(f -> new StructField(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      out.add(RowFactory.create(Arrays.stream(schema.fields()).map(StructField::name).map(r::get).toArray()));
    }
    return spark().createDataFrame(out, schema);
  }

  private static Map<String, Object> cols(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> message(String member, String contact, String conversation, Timestamp ts) {
    return cols("member_id", member, "contact_key", contact, "ts", ts, "conversation_key", conversation,
        "direction", "out", "channel", "linkedin_message");
  }

  @Test
  void rowsNamingAnErasedMemberOrContactGoAndNullsStay() {
    Dataset<Row> connections = table("connections", List.of(
        cols("member_id", "m1", "contact_key", "x"), cols("member_id", "m1", "contact_key", "y"),
        cols("member_id", "m9", "contact_key", "y"), cols("member_id", "m1", "contact_key", null)));
    List<Row> kept = Erasure.without(connections, Erasure.SUBJECTS.get("connections"), erased())
        .orderBy("contact_key").collectAsList();
    assertEquals(2, kept.size());
    assertNull(kept.get(0).getAs("contact_key"));
    assertEquals("y", kept.get(1).getAs("contact_key"));
    assertEquals("m1", kept.get(1).getAs("member_id"));

    Dataset<Row> quality = table("data_quality", List.of(cols("member_id", null, "source_file", "roster.csv",
        "metric", "read", "count", 3L), cols("member_id", "m9", "source_file", "exports/m9/x.zip", "metric", "read",
        "count", 2L)));
    assertEquals(List.of("roster.csv"), Erasure.without(quality, Erasure.SUBJECTS.get("data_quality"), erased())
        .select("source_file").as(Encoders.STRING()).collectAsList(), "shared files (no member) stay");
  }

  @Test
  void aMessageWithAnErasedPersonGoesWholeWithItsIntroduction() {
    Dataset<Row> interactions = table("interactions", List.of(
        message("m1", "x", "k1", T1), message("m1", "y", "k1", T1), // a group message with x: both rows go
        message("m1", "y", "k1", T2),                               // the same conversation later: stays
        message("m2", "y", "k1", T1),                               // another member's conversation: stays
        cols("member_id", "m1", "contact_key", "x", "ts", T2, "channel", "email"))); // no conversation: row goes
    Dataset<Row> messages = Erasure.erasedMessages(interactions, erased());
    List<Row> kept = Erasure.interactions(interactions, messages, erased()).orderBy("member_id", "ts").collectAsList();
    assertEquals(List.of("m1|y|" + T2, "m2|y|" + T1), kept.stream()
        .map(r -> r.getAs("member_id") + "|" + r.getAs("contact_key") + "|" + r.getAs("ts")).toList());

    Dataset<Row> intros = table("introductions", List.of(
        cols("member_id", "m1", "conversation_key", "k1", "introduced_at", T1, "made_by_member", true,
            "introduced_key", "y"),                                 // made in the erased message
        cols("member_id", "m1", "conversation_key", "k1", "introduced_at", T2, "made_by_member", false,
            "introducer_key", "x", "introduced_key", "y"),          // x introduced: goes
        cols("member_id", "m1", "conversation_key", "k1", "introduced_at", T2, "made_by_member", true,
            "introduced_key", "z")));                               // stays
    assertEquals(List.of("z"), Erasure.introductions(intros, messages, erased()).select("introduced_key")
        .as(Encoders.STRING()).collectAsList());
  }

  @Test
  void outcomesLoseTheErasedContactAndIntroducerAndAnErasedOwnersGo() {
    BigDecimal v = new BigDecimal("100.00");
    Dataset<Row> outcomes = table("outcomes", List.of(
        cols("outcome_id", "o1", "value", v, "owner_member_id", "m1", "contact_key", "x", "contact_match", "matched",
            "introducer_key", "y"),
        cols("outcome_id", "o2", "value", v, "owner_member_id", "m1", "contact_key", "y", "contact_match", "matched",
            "introducer_key", "x"),
        cols("outcome_id", "o3", "value", v, "owner_member_id", "m9", "contact_key", "y", "contact_match",
            "matched")));
    Map<String, Row> byId = new TreeMap<>();
    Erasure.outcomes(outcomes, erased()).collectAsList().forEach(r -> byId.put(r.getAs("outcome_id"), r));
    assertEquals(Set.of("o1", "o2"), byId.keySet());
    assertNull(byId.get("o1").getAs("contact_key"));
    assertEquals("erased", byId.get("o1").getAs("contact_match"));
    assertEquals("y", byId.get("o1").getAs("introducer_key"));
    assertEquals("y", byId.get("o2").getAs("contact_key"));
    assertEquals("matched", byId.get("o2").getAs("contact_match"));
    assertNull(byId.get("o2").getAs("introducer_key"));
    assertEquals(Arrays.asList(outcomes.columns()), Arrays.asList(Erasure.outcomes(outcomes, erased()).columns()));
  }

  @Test
  void contactsAreRecountedOverWhatIsLeftAndVanishWithTheirLastRow() {
    Dataset<Row> contacts = table("contacts", List.of(
        cols("contact_key", "x", "key_basis", "url", "component_size", 2L, "member_count", 1L),
        cols("contact_key", "y", "key_basis", "url", "component_size", 1L, "member_count", 2L),
        cols("contact_key", "z", "key_basis", "email", "component_size", 1L, "member_count", 1L)));
    Dataset<Row> connections = table("connections", List.of(cols("member_id", "m1", "contact_key", "y")));
    Dataset<Row> interactions = table("interactions", List.of(message("m1", "y", "k1", T1)));
    Dataset<Row> invitations = table("invitations", List.of(cols("member_id", "m2", "contact_key", "y")));
    List<Row> kept = Erasure.contacts(contacts, connections, interactions, invitations, erased()).collectAsList();
    assertEquals(1, kept.size(), "x is erased; z lost its last row (it was m9's)");
    assertEquals("y", kept.get(0).getAs("contact_key"));
    assertEquals(2L, (long) kept.get(0).getAs("member_count"));
  }

  @Test
  void removalsCountWhatWentPerMember() {
    Dataset<Row> before = table("connections", List.of(cols("member_id", "m1", "contact_key", "x"),
        cols("member_id", "m1", "contact_key", "y"), cols("member_id", "m2", "contact_key", "y")));
    Dataset<Row> after = Erasure.without(before, Erasure.SUBJECTS.get("connections"), erased());
    List<Row> rows = Erasure.removals("connections", before, after, "member_id").collectAsList();
    assertEquals(1, rows.size());
    assertEquals("m1", rows.get(0).getAs("member_id"));
    assertEquals("erase", rows.get(0).getAs("source_file"));
    assertEquals("erased_after_ingest:connections", rows.get(0).getAs("metric"));
    assertEquals(1L, (long) rows.get(0).getAs("count"));
    assertEquals(Arrays.asList(Tables.schema("data_quality").fieldNames()), Arrays.asList(
        Tables.conform(Erasure.removals("connections", before, after, "member_id"), "data_quality").columns()));
  }
}
