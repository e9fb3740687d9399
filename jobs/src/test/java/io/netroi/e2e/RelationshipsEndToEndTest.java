package io.netroi.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.config.NetroiConfig;
import io.netroi.ingest.IngestJob;
import io.netroi.relationships.RelationshipsJob;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * relationships and relationship_quarters on sample-data: opener styles, 30-day replies and session
 * openers must be exactly what the generator planted and recorded in truth.json; quarterly states
 * must add up to the relationship facts.
 */
class RelationshipsEndToEndTest extends SampleEndToEndTest {
  static final List<String> STYLES = List.of("relationship", "pitch", "inbound", "introduced", "silent");
  /** Per style: relationships, connected, replied within the window, outbound openers, answered. */
  static Map<String, long[]> byStyle(Dataset<Row> relationships) {
    Map<String, long[]> got = new HashMap<>();
    relationships.where(col("is_colleague").equalTo(false)).groupBy("opener_style").agg(count(lit(1)),
            sum(when(col("is_connected"), 1).otherwise(0)),
            sum(when(col("opener_replied").and(col("opener_reply_observed")), 1).otherwise(0)),
            sum("outbound_openers"), sum("outbound_openers_replied"))
        .collectAsList().forEach(r -> got.put(r.getString(0),
            new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)}));
    return got;
  }

  @Test
  void openerStylesRepliesAndSessionOpenersAreWhatTheGeneratorPlanted() {
    Map<String, long[]> got = byStyle(table("relationships"));
    JsonNode expected = truth.get("openers").get("by_style");
    for (String style : STYLES) {
      JsonNode e = expected.get(style);
      long[] g = got.getOrDefault(style, new long[5]);
      assertEquals(e.get("relationships").asLong(), g[0], style + " relationships");
      assertEquals(e.get("connected").asLong(), g[1], style + " connected");
      if (e.has("replied_30d")) {
        assertEquals(e.get("replied_30d").asLong(), g[2], style + " replied within 30 x 24 h");
      }
      assertEquals(e.get("outbound_session_openers").asLong(), g[3], style + " outbound session openers");
      assertEquals(e.get("outbound_session_openers_replied_30d").asLong(), g[4], style + " answered session openers");
    }
    JsonNode all = truth.get("openers").get("outbound_session_openers");
    assertEquals(all.get("openers").asLong(), got.values().stream().mapToLong(g -> g[3]).sum());
    assertEquals(all.get("replied_30d").asLong(), got.values().stream().mapToLong(g -> g[4]).sum());
  }

  @Test
  void everyMembersStylesAndRepliesMatchTruth() {
    for (JsonNode m : truth.get("by_member")) {
      String member = m.get("member_id").asText();
      Map<String, long[]> got = byStyle(table("relationships").where(col("member_id").equalTo(member)));
      JsonNode styles = m.get("relationships_by_style");
      for (String style : STYLES) {
        long[] g = got.getOrDefault(style, new long[5]);
        assertEquals(styles.get(style).get("relationships").asLong(), g[0], member + " " + style);
        if (styles.get(style).has("replied_30d")) {
          assertEquals(styles.get(style).get("replied_30d").asLong(), g[2], member + " " + style + " replied");
        }
      }
      assertEquals(m.get("outbound_session_openers").asLong(), got.values().stream().mapToLong(g -> g[3]).sum(), member);
      assertEquals(m.get("outbound_session_openers_replied_30d").asLong(),
          got.values().stream().mapToLong(g -> g[4]).sum(), member);
    }
  }

  @Test
  void everyCountedMessageBelongsToExactlyOneRelationship() {
    Row facts = table("relationships").agg(sum("msgs_out"), sum("msgs_in"), sum("other_out"), sum("other_in")).first();
    Dataset<Row> interactions = table("interactions");
    assertEquals(interactions.where("source = 'messages' and direction = 'out'").count(), facts.getLong(0));
    assertEquals(interactions.where("source = 'messages' and direction = 'in'").count(), facts.getLong(1));
    assertEquals(interactions.where("source = 'interactions' and direction = 'out'").count(), facts.getLong(2));
    assertEquals(interactions.where("source = 'interactions' and direction = 'in'").count(), facts.getLong(3));
    assertEquals(table("relationships").count(), table("relationships").select("member_id", "contact_key").distinct().count(),
        "one row per member x contact");
  }

  @Test
  void quarterlyStatesAddUpToTheRelationshipAndDormantQuartersArePresent() {
    Dataset<Row> q = table("relationship_quarters");
    Dataset<Row> sums = q.groupBy("member_id", "contact_key")
        .agg(sum("msgs_out").as("q_out"), sum("msgs_in").as("q_in"), count(lit(1)).as("quarters"),
            org.apache.spark.sql.functions.min("quarter_index").as("first_index"),
            org.apache.spark.sql.functions.max("quarter_index").as("last_index"));
    Dataset<Row> joined = table("relationships").join(sums, new String[] {"member_id", "contact_key"}, "left");
    assertEquals(0, joined.where(col("q_out").isNull()).count(), "every relationship has quarters");
    assertEquals(0, joined.where(col("q_out").notEqual(col("msgs_out")).or(col("q_in").notEqual(col("msgs_in")))).count(),
        "quarterly messages add up to the relationship's");
    assertEquals(0, joined.where(col("quarters").notEqual(col("last_index").minus(col("first_index")).plus(1))).count(),
        "no quarter missing between the first and the last");
    // tiers follow from the counts
    assertEquals(0, q.where("tier = 'dormant' and (msgs_out + msgs_in + other_out + other_in) > 0").count());
    assertEquals(0, q.where("tier = 'one_way' and ((msgs_out + other_out) > 0) = ((msgs_in + other_in) > 0)").count());
    assertEquals(0, q.where("tier in ('engaged', 'core') and ((msgs_out + other_out) = 0 or (msgs_in + other_in) = 0)").count());
    assertEquals(0, q.where("tier = 'core' and active_months < 2").count());
    assertEquals(0, q.where("tier = 'engaged' and active_months >= 2").count());
    Assertions.assertTrue(q.where("tier = 'dormant'").count() > q.where("tier <> 'dormant'").count(),
        "relationships that go quiet show up as dormant quarters");
    // each member's last quarter is the quarter of their observation date, partial unless it ends that day
    for (Row m : table("members").where("consent and observed_until is not null").collectAsList()) {
      LocalDate until = m.getDate(m.fieldIndex("observed_until")).toLocalDate();
      Dataset<Row> mine = q.where(col("member_id").equalTo(m.getString(0)));
      int last = mine.agg(org.apache.spark.sql.functions.max("quarter_index")).first().getInt(0);
      assertEquals(Quarters.index(until, 1), last, m.getString(0));
      boolean partial = !until.plusDays(1).equals(Quarters.startOfIndex(last + 1, 1));
      assertEquals(partial ? mine.where("quarter_index = " + last).count() : 0,
          mine.where("is_partial").count(), m.getString(0) + " partial quarters");
    }
  }

  @Test
  void asOfDateAndFiscalQuartersAreParameters() throws Exception {
    Path dir = Files.createTempDirectory("netroi-asof");
    for (String t : IngestJob.TABLES) {
      FileUtils.copyDirectory(new File(Tables.path(out, t)), new File(Tables.path(dir.toString(), t)));
    }
    NetroiConfig config = SamplePipeline.config(dir.toString())
        .with("netroi.as.of", "2024-12-31").with("netroi.quarters.fiscal.start.month", "7");
    RelationshipsJob.run(spark(), config);
    Dataset<Row> rel = Tables.read(spark(), dir.toString(), "relationships");
    Dataset<Row> q = Tables.read(spark(), dir.toString(), "relationship_quarters");
    assertEquals(0, rel.where("last_touch_at >= timestamp'2025-01-01 00:00:00' + interval 14 hours").count(),
        "nothing after the as-of date (in any member's zone)");
    assertEquals(0, q.where("quarter not like 'FY%'").count(), "fiscal labels");
    assertEquals("FY2025-Q2", q.agg(org.apache.spark.sql.functions.max("quarter")).first().getString(0),
        "October-December 2024 is the second quarter of the fiscal year ending June 2025");
    Assertions.assertTrue(rel.count() < table("relationships").count());
    assertEquals(0, rel.where(col("observed_until").gt(lit(java.sql.Date.valueOf("2024-12-31")))).count());
  }
}
