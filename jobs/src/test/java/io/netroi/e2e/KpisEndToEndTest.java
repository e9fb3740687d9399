package io.netroi.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.attribution.AttributionJob;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** kpis on sample-data: the indicators agree with the tables they summarise and with truth.json. */
class KpisEndToEndTest extends SampleEndToEndTest {
  Dataset<Row> kpis(String scope) {
    return table("kpis").where(col("scope").equalTo(scope));
  }

  static long sumLong(Dataset<Row> df, String column) {
    Row r = df.agg(sum(column)).first();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }

  static BigDecimal sumMoney(Dataset<Row> df, String column) {
    Row r = df.agg(sum(column)).first();
    return r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0);
  }

  @Test
  void outcomeValuesAddUpToTheOutcomesAndEveryModelCreditsTheAttributedValue() {
    BigDecimal total = sumMoney(table("outcomes"), "value_reporting");
    assertEquals(0, total.compareTo(sumMoney(kpis("org"), "outcome_value")), "org outcome value over quarters");
    assertEquals(table("outcomes").count(), sumLong(kpis("org"), "outcomes"));
    BigDecimal attributed = sumMoney(table("attribution").where("model = 'linear'"), "credited_value");
    assertEquals(0, attributed.compareTo(sumMoney(kpis("org"), "network_sourced_value")));
    for (String m : AttributionJob.MODELS) {
      assertEquals(0, attributed.compareTo(sumMoney(kpis("org"), "credited_value_" + m)), m);
    }
  }

  @Test
  void sessionOpenersAreTheGeneratorsAndRepliesAreBoundedByTheObservedOnes() {
    var all = truth.get("openers").get("outbound_session_openers");
    Dataset<Row> members = kpis("member");
    assertEquals(all.get("openers").asLong(), sumLong(members, "outbound_openers"));
    long replied = sumLong(members, "openers_replied");
    long unobserved = sumLong(members, "outbound_openers") - sumLong(members, "openers_reply_observed");
    long planted = all.get("replied_30d").asLong();
    Assertions.assertTrue(replied <= planted && replied >= planted - unobserved,
        replied + " replied of " + planted + " planted with " + unobserved + " unobserved");
  }

  @Test
  void membersNetworkAtTheirLastQuarterIsTheirObservedExternalConnections() {
    Dataset<Row> last = kpis("member").groupBy(col("scope_id").as("member_id")).agg(max("quarter_index").as("q"));
    Dataset<Row> size = kpis("member").join(last, col("scope_id").equalTo(col("member_id"))
        .and(col("quarter_index").equalTo(col("q")))).select("member_id", "network_size");
    Dataset<Row> expected = table("connections").where("not is_colleague")
        .join(table("members").select("member_id", "observed_until"), "member_id")
        .where("connected_on <= observed_until")
        .groupBy("member_id").agg(org.apache.spark.sql.functions.countDistinct("contact_key").as("n"));
    List<Row> wrong = size.join(expected, "member_id").where("network_size <> n").collectAsList();
    assertEquals(List.of(), wrong);
    Assertions.assertTrue(size.count() >= 5, "several members");
  }

  @Test
  void additiveCountsOfTeamsAddUpToTheOrgAndRatesStayInsideTheirBounds() {
    for (String c : List.of("new_connections", "relationships", "engaged_relationships", "outbound_openers",
        "invitations_sent", "introductions_made", "outcomes")) {
      assertEquals(sumLong(kpis("org"), c), sumLong(kpis("team"), c), c + ": teams");
      assertEquals(sumLong(kpis("org"), c), sumLong(kpis("member"), c), c + ": members");
    }
    assertEquals(table("relationship_quarters").where("not is_colleague").count(),
        sumLong(kpis("member"), "relationships"));
    for (String r : List.of("engagement_rate", "reply_rate", "personalised_acceptance_rate",
        "vanilla_acceptance_rate")) {
      assertEquals(0, table("kpis").where(r + " < " + r + "_low or " + r + " > " + r + "_high or " + r + " > 1")
          .count(), r);
    }
  }

  @Test
  void costsComeFromCostsCsvAndChangesFollowThePreviousQuarter() {
    // costs.csv: every analysed member's quarters, and one row of a member not on the roster (rejected)
    Dataset<Row> costs = table("costs").groupBy(col("member_id").as("scope_id"), col("quarter"))
        .agg(sum("cost").as("expected_cost"), sum("hours").as("expected_hours"));
    Dataset<Row> members = kpis("member").join(costs, new String[] {"scope_id", "quarter"}, "left");
    assertEquals(0, members.where("not (cost <=> expected_cost) or not (hours <=> expected_hours)").count(),
        "member cost and hours are costs.csv's");
    Assertions.assertTrue(members.where("cost is not null").count() > 20);
    assertEquals(0, table("kpis").where("cost > 0 and abs(return_on_cost - cast(network_sourced_value as double) "
        + "/ cast(cost as double)) > 1e-9").count());
    assertEquals(0, table("kpis").where("cost is null and return_on_cost is not null").count());
    assertEquals(1, table("rejects").where("source_file = 'costs.csv' and reason = 'unknown_member'").count());
    Dataset<Row> org = kpis("org").select("quarter_index", "network_size", "network_size_change", "outcome_value",
        "outcome_value_change");
    Dataset<Row> prev = org.select(col("quarter_index").plus(1).as("quarter_index"),
        col("network_size").as("prev_size"), col("outcome_value").as("prev_value"));
    Dataset<Row> j = org.join(prev, "quarter_index");
    Assertions.assertTrue(j.count() > 4);
    assertEquals(0, j.where("network_size_change <> network_size - prev_size").count());
    assertEquals(0, j.where("outcome_value_change <> outcome_value - prev_value").count());
  }
}
