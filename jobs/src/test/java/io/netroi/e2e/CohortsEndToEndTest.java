package io.netroi.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.netroi.cohorts.CohortsJob;
import io.netroi.spark.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The cohort tables on sample-data: the planted reply and acceptance effects come back out with the
 * generator's realised counts; scopes, censoring and transitions add up.
 */
class CohortsEndToEndTest extends SampleEndToEndTest {
  Row orgRow(String table, String column, Object value) {
    List<Row> rows = table(table).where(col("scope").equalTo("org").and(col(column).equalTo(value))).collectAsList();
    assertEquals(1, rows.size(), table + " org row " + column + "=" + value);
    return rows.get(0);
  }

  @Test
  void outreachCohortsRecoverThePlantedReplyRatesByStyle() {
    JsonNode byStyle = truth.get("openers").get("by_style");
    for (String style : List.of("relationship", "pitch", "introduced", "inbound", "silent")) {
      Row r = orgRow("outreach_cohorts", "opener_style", style);
      JsonNode e = byStyle.get(style);
      assertEquals(e.get("relationships").asLong(), (long) r.getAs("relationships"), style);
      assertEquals(e.get("connected").asLong(), (long) r.getAs("connected"), style);
      if (e.has("replied_30d")) {
        long replied = r.getAs("replied");
        long observed = r.getAs("reply_observed");
        assertEquals(e.get("replied_30d").asLong(), replied, style + " replied");
        assertEquals((double) replied / observed, (double) r.getAs("reply_rate"), 1e-12, style);
        Assertions.assertTrue((double) r.getAs("reply_rate_low") <= (double) r.getAs("reply_rate")
            && (double) r.getAs("reply_rate") <= (double) r.getAs("reply_rate_high"), style);
      } else {
        Assertions.assertNull(r.getAs("reply_rate"), style + " has no reply rate");
      }
    }
    Row rel = orgRow("outreach_cohorts", "opener_style", "relationship");
    Assertions.assertTrue((double) rel.getAs("reply_rate_diff_low") > 0,
        "relationship-first is answered more often than pitch-first (planted 50% vs 8%), interval above 0");
    Assertions.assertNull(orgRow("outreach_cohorts", "opener_style", "pitch").getAs("reply_rate_diff_vs_pitch"));
  }

  @Test
  void teamAndMemberScopesAddUpToTheOrg() {
    for (String t : List.of("outreach_cohorts", "tie_band_outcomes", "social_outcomes", "cohort_retention")) {
      Dataset<Row> d = table(t);
      long org = d.where("scope = 'org'").agg(sum("relationships")).first().getLong(0);
      assertEquals(org, d.where("scope = 'team'").agg(sum("relationships")).first().getLong(0), t + " teams");
      assertEquals(org, d.where("scope = 'member'").agg(sum("relationships")).first().getLong(0), t + " members");
      Assertions.assertTrue(org > 0, t);
    }
  }

  @Test
  void invitationCohortsRecoverThePlantedAcceptance() {
    JsonNode inv = truth.get("invitations");
    for (boolean personalised : List.of(true, false)) {
      JsonNode e = inv.get(personalised ? "personalised" : "vanilla");
      Row r = orgRow("invitation_cohorts", "is_personalised", personalised);
      assertEquals(e.get("sent").asLong(), (long) r.getAs("sent"), "sent, personalised=" + personalised);
      assertEquals(e.get("accepted").asLong(), (long) r.getAs("accepted"), "accepted, personalised=" + personalised);
      assertEquals(e.get("acceptance_rate").asDouble(), (double) r.getAs("acceptance_rate"), 5e-5);
    }
    for (JsonNode m : inv.get("not_measurable_members")) {
      assertEquals(0, table("invitation_cohorts").where(col("scope_id").equalTo(m.asText())).count(),
          m.asText() + ": acceptance not measurable, not zero");
    }
  }

  @Test
  void retentionCellsAreCensoredSharesOfTheirCohort() {
    Dataset<Row> r = table("cohort_retention");
    assertEquals(0, r.where("engaged > relationships or relationships > cohort_size").count());
    assertEquals(0, r.where("quarters_since < 0").count());
    // org cohort sizes are the connected external relationships by quarter of connected_on
    Dataset<Row> sizes = r.where("scope = 'org'").select("cohort_quarter", "cohort_size").distinct();
    Dataset<Row> expected = table("relationships").where("is_connected and not is_colleague")
        .groupBy(io.netroi.time.Quarters.label(col("connected_on"), 1).as("cohort_quarter")).agg(count(lit(1)).as("n"));
    assertEquals(0, sizes.join(expected, "cohort_quarter").where("cohort_size <> n").count());
    Assertions.assertTrue(sizes.count() >= 8, "8+ quarters of cohorts");
  }

  @Test
  void tierTransitionsCountEveryCompleteExternalRelationshipQuarterOnce() {
    long quarters = table("relationship_quarters").where("not is_partial and not is_colleague").count();
    assertEquals(quarters, table("tier_transitions").where("scope = 'org'").agg(sum("relationships")).first().getLong(0));
    assertEquals(0, table("tier_transitions").where("from_tier not in ('new','dormant','one_way','engaged','core')"
        + " or to_tier not in ('dormant','one_way','engaged','core')").count());
  }

  @Test
  void tieBandAndSocialOutcomesCountRelationshipsStartedBeforeEachMembersCut() {
    // the cut is 365 days before each member's observation date; outcomes count in the year after it
    table("relationships").createOrReplaceTempView("r");
    table("outcomes").createOrReplaceTempView("o");
    Row expected = spark().sql("with hits as (select distinct r.member_id, r.contact_key from r join o"
        + " on o.contact_key = r.contact_key and o.closed_on > date_sub(r.observed_until, 365)"
        + " and o.closed_on <= r.observed_until)"
        + " select count(*), count(h.member_id) from r left join hits h on r.member_id = h.member_id"
        + " and r.contact_key = h.contact_key"
        + " where not r.is_colleague and r.started_on <= date_sub(r.observed_until, 365)").first();
    Row bands = table("tie_band_outcomes").where("scope = 'org'").agg(sum("relationships"), sum("with_outcome")).first();
    assertEquals(expected.getLong(0), bands.getLong(0), "every relationship started before the cut has a band");
    assertEquals(expected.getLong(1), bands.getLong(1), "relationships with an outcome in the year after the cut");
    Row social = table("social_outcomes").where("scope = 'org'").agg(sum("relationships")).first();
    Assertions.assertTrue(social.getLong(0) <= bands.getLong(0) && social.getLong(0) > 0,
        "social groups cover the relationships with messages before the cut");
  }

  @Test
  void connectorsCountTheIntroductionsFound() {
    Row c = table("connectors").agg(sum("introductions_made"), sum("contacts_introduced"),
        sum("outcomes_via_introductions")).first();
    assertEquals(truth.get("introductions").get("made").asLong(), c.getLong(0));
    assertEquals(truth.get("introductions").get("received").asLong(), c.getLong(1));
    JsonNode o = truth.get("outcomes");
    long viaReceivedOrNamed = o.get("with_introducer").asLong() + o.get("with_detected_introduction").asLong()
        - o.get("with_introducer_and_detected_introduction").asLong();
    Assertions.assertTrue(c.getLong(2) >= viaReceivedOrNamed, "at least the outcomes with a named or detected introducer");
  }

  @Test
  void everyRateIsAFractionInsideItsInterval() {
    for (String t : CohortsJob.TABLES) {
      Dataset<Row> d = table(t);
      for (String rate : Arrays.stream(d.columns()).filter(c -> c.endsWith("_rate") || c.endsWith("_share")).toList()) {
        assertEquals(0, d.where(col(rate).lt(0).or(col(rate).gt(1))).count(), t + "." + rate);
        assertEquals(0, d.where(col(rate + "_low").gt(col(rate)).or(col(rate + "_high").lt(col(rate)))).count(),
            t + "." + rate + " inside its Wilson interval");
      }
    }
  }
}
