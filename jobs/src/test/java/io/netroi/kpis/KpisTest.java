package io.netroi.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.relationships.RelationshipParams;
import io.netroi.testing.SparkTestBase;
import io.netroi.time.Quarters;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class KpisTest extends SparkTestBase {
  static final String ORG = "acme";
  static final RelationshipParams P = RelationshipParams.defaults();
  static final int Q1 = Quarters.index(LocalDate.of(2026, 2, 1), 1);
  static final int Q2 = Q1 + 1;

  static Date d(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  static Timestamp ts(String s) {
    return Timestamp.from(Instant.parse(s));
  }

  /** The given columns of each row, |-joined, ordered by scope, scope_id, quarter_index. */
  static List<String> lines(Dataset<Row> df, String... cols) {
    return df.orderBy("scope", "scope_id", "quarter_index").collectAsList().stream()
        .map(r -> Arrays.stream(cols).map(c -> String.valueOf((Object) r.getAs(c))).collect(Collectors.joining("|")))
        .toList();
  }

  static final StructType CONNECTIONS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("contact_key", DataTypes.StringType)
      .add("connected_on", DataTypes.DateType).add("is_colleague", DataTypes.BooleanType)
      .add("observed_until", DataTypes.DateType);

  /** m1 (Sales) is observed to Q2, m2 (Ops) to Q3. */
  Dataset<Row> connections() {
    return df(CONNECTIONS,
        row("m1", "Sales", "c1", d("2026-01-10"), false, d("2026-06-30")),
        row("m1", "Sales", "c2", d("2026-03-31"), false, d("2026-06-30")),
        row("m2", "Ops", "c1", d("2026-04-01"), false, d("2026-09-15")), // c1 is already in the org's network
        row("m1", "Sales", "m2x", d("2026-01-05"), true, d("2026-06-30"))); // a colleague is not network
  }

  @Test
  void newConnectionsCountMemberContactConnectionsPerScope() {
    assertEquals(List.of(
            "member|m1|" + Q1 + "|2", "member|m2|" + Q2 + "|1", "org|acme|" + Q1 + "|2", "org|acme|" + Q2 + "|1",
            "team|Ops|" + Q2 + "|1", "team|Sales|" + Q1 + "|2"),
        lines(Kpis.newConnections(connections(), 1, ORG), "scope", "scope_id", "quarter_index", "new_connections"));
  }

  @Test
  void networkSizeCountsPeopleConnectedToMembersStillObserved() {
    StructType g = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add("quarter_index", DataTypes.IntegerType);
    Dataset<Row> grid = df(g, row("org", ORG, Q1), row("org", ORG, Q2), row("org", ORG, Q2 + 1),
        row("member", "m1", Q1), row("member", "m1", Q2), row("member", "m2", Q2), row("member", "m2", Q2 + 1));
    // org: c1 through m1 then m2 (one person), c2 until m1's observation ends with Q2
    assertEquals(List.of("member|m1|" + Q1 + "|2", "member|m1|" + Q2 + "|2", "member|m2|" + Q2 + "|1",
            "member|m2|" + (Q2 + 1) + "|1", "org|acme|" + Q1 + "|2", "org|acme|" + Q2 + "|2",
            "org|acme|" + (Q2 + 1) + "|1"),
        lines(Kpis.withNetworkSize(grid, Kpis.networkEvents(connections(), 1, ORG)), "scope", "scope_id",
            "quarter_index", "network_size"));
  }

  @Test
  void tiersAndCompaniesReachedByActiveRelationships() {
    StructType s = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("contact_key", DataTypes.StringType).add("is_colleague", DataTypes.BooleanType)
        .add("quarter_index", DataTypes.IntegerType).add("tier", DataTypes.StringType);
    StructType contacts = new StructType().add("contact_key", DataTypes.StringType)
        .add("company", DataTypes.StringType);
    Dataset<Row> q = df(s,
        row("m1", "Sales", "c1", false, Q1, "engaged"),
        row("m1", "Sales", "c2", false, Q1, "core"),
        row("m1", "Sales", "c3", false, Q1, "dormant"),
        row("m1", "Sales", "c4", false, Q1, "one_way"),
        row("m1", "Sales", "m2x", true, Q1, "core"));
    Dataset<Row> co = df(contacts, row("c1", "Acme"), row("c2", " acme "), row("c3", "Other"), row("c4", null),
        row("m2x", "Us"));
    List<String> got = lines(Kpis.tiers(q, co, ORG).where("scope = 'member'"), "relationships",
        "active_relationships", "engaged_relationships", "core_relationships", "companies_reached");
    // Other is only reached by a dormant relationship; c4 has no company
    assertEquals(List.of("4|3|2|1|1"), got);
  }

  @Test
  void repliesCountObservedOpenersAndTheMedianMemberResponse() {
    StructType s = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("contact_key", DataTypes.StringType).add("conversation_key", DataTypes.StringType)
        .add("ts", DataTypes.TimestampType).add("direction", DataTypes.StringType)
        .add("source", DataTypes.StringType).add("participants", DataTypes.IntegerType)
        .add("is_colleague", DataTypes.BooleanType).add("timezone", DataTypes.StringType)
        .add("observed_end", DataTypes.TimestampType);
    Timestamp end = ts("2026-04-10T00:00:00Z");
    Dataset<Row> i = df(s,
        // an opener answered after 48 h
        row("m1", "Sales", "c1", "k1", ts("2026-01-10T10:00:00Z"), "out", "messages", 2, false, "UTC", end),
        row("m1", "Sales", "c1", "k1", ts("2026-01-12T10:00:00Z"), "in", "messages", 2, false, "UTC", end),
        // an opener whose 30-day reply window runs past the observation end
        row("m1", "Sales", "c2", "k2", ts("2026-03-25T10:00:00Z"), "out", "messages", 2, false, "UTC", end),
        // the contact starts; the member answers after 6 h, then again after 10 h to the next run
        row("m1", "Sales", "c3", "k3", ts("2026-02-01T10:00:00Z"), "in", "messages", 2, false, "UTC", end),
        row("m1", "Sales", "c3", "k3", ts("2026-02-01T16:00:00Z"), "out", "messages", 2, false, "UTC", end),
        row("m1", "Sales", "c3", "k3", ts("2026-02-02T00:00:00Z"), "in", "messages", 2, false, "UTC", end),
        row("m1", "Sales", "c3", "k3", ts("2026-02-02T10:00:00Z"), "out", "messages", 2, false, "UTC", end),
        // a colleague conversation does not count
        row("m1", "Sales", "m2x", "k4", ts("2026-01-10T10:00:00Z"), "out", "messages", 2, true, "UTC", end));
    assertEquals(List.of("2|1|1|8.0"), lines(Kpis.replies(i, 1, ORG, P).where("scope = 'member'"),
        "outbound_openers", "openers_reply_observed", "openers_replied", "median_response_hours"));
  }

  @Test
  void invitationsSplitPersonalisedAndVanillaWithMeasurableAcceptance() {
    StructType s = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("sent_at", DataTypes.TimestampType).add("direction", DataTypes.StringType)
        .add("is_personalised", DataTypes.BooleanType).add("is_accepted", DataTypes.BooleanType)
        .add("is_colleague", DataTypes.BooleanType).add("timezone", DataTypes.StringType);
    Dataset<Row> inv = df(s,
        row("m1", "Sales", ts("2026-01-05T10:00:00Z"), "out", true, true, false, "UTC"),
        row("m1", "Sales", ts("2026-01-06T10:00:00Z"), "out", true, null, false, "UTC"),
        row("m1", "Sales", ts("2026-01-07T10:00:00Z"), "out", false, false, false, "UTC"),
        row("m1", "Sales", ts("2026-01-08T10:00:00Z"), "in", true, true, false, "UTC"),
        row("m1", "Sales", ts("2026-01-09T10:00:00Z"), "out", false, true, true, "UTC"),
        // 2026-03-31 23:30 in UTC is 2026-04-01 in Tokyo: the second quarter
        row("m1", "Sales", ts("2026-03-31T23:30:00Z"), "out", false, true, false, "Asia/Tokyo"));
    assertEquals(List.of(Q1 + "|3|2|1|1|1|1|0", Q2 + "|1|0|0|0|1|1|1"),
        lines(Kpis.invitations(inv, 1, ORG).where("scope = 'member'"), "quarter_index", "invitations_sent",
            "personalised_sent", "personalised_measurable", "personalised_accepted", "vanilla_sent",
            "vanilla_measurable", "vanilla_accepted"));
  }

  @Test
  void introductionsMadeCountConversationsNotPeople() {
    StructType s = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType)
        .add("conversation_key", DataTypes.StringType).add("introduced_at", DataTypes.TimestampType)
        .add("made_by_member", DataTypes.BooleanType).add("timezone", DataTypes.StringType);
    Dataset<Row> intro = df(s,
        row("m1", "Sales", "k1", ts("2026-01-05T10:00:00Z"), true, "UTC"),
        row("m1", "Sales", "k1", ts("2026-01-05T10:00:00Z"), true, "UTC"),
        row("m1", "Sales", "k2", ts("2026-02-05T10:00:00Z"), true, "UTC"),
        row("m1", "Sales", "k3", ts("2026-02-06T10:00:00Z"), false, "UTC"),
        row("m2", "Ops", "k2", ts("2026-02-05T10:00:00Z"), true, "UTC"));
    assertEquals(List.of("member|m1|2", "member|m2|1", "org|acme|3"),
        lines(Kpis.introductionsMade(intro, 1, ORG).where("scope <> 'team'"), "scope", "scope_id",
            "introductions_made"));
  }

  @Test
  void outcomesTakeTheSummaryValuesAndOneCreditedColumnPerModel() {
    StructType s = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add("quarter", DataTypes.StringType).add("model", DataTypes.StringType)
        .add("outcomes", DataTypes.LongType).add("value", DataTypes.createDecimalType(18, 2))
        .add("attributed_value", DataTypes.createDecimalType(18, 2))
        .add("credited_value", DataTypes.createDecimalType(18, 2));
    BigDecimal v = new BigDecimal("300.00");
    BigDecimal a = new BigDecimal("200.00");
    Dataset<Row> sum = df(s,
        row("org", ORG, "2026-Q1", "linear", 2L, v, a, new BigDecimal("200.00")),
        row("org", ORG, "2026-Q1", "markov", 2L, v, a, new BigDecimal("200.00")),
        row("team", "Sales", "2026-Q1", "linear", 1L, new BigDecimal("100.00"), a, new BigDecimal("150.00")),
        row("team", "Sales", "2026-Q1", "markov", 1L, new BigDecimal("100.00"), a, new BigDecimal("120.00")));
    assertEquals(List.of("org|" + Q1 + "|2|300.00|200.00|200.00|200.00|null",
            "team|" + Q1 + "|1|100.00|200.00|150.00|120.00|null"),
        lines(Kpis.outcomes(sum), "scope", "quarter_index", "outcomes", "outcome_value", "network_sourced_value",
            "credited_value_linear", "credited_value_markov", "credited_value_first_touch"));
  }

  @Test
  void costsAddUpPerScopeAndGiveReturnOnCostOnlyWhereThereIsACost() {
    StructType c = new StructType().add("member_id", DataTypes.StringType).add("quarter", DataTypes.StringType)
        .add("hours", DataTypes.DoubleType).add("cost", DataTypes.createDecimalType(18, 2));
    StructType m = new StructType().add("member_id", DataTypes.StringType).add("team", DataTypes.StringType);
    Dataset<Row> costs = df(c, row("m1", "2026-Q1", 10.0, new BigDecimal("100.00")),
        row("m1", "2026-Q1", 2.5, new BigDecimal("50.50")), row("m2", "2026-Q1", null, new BigDecimal("49.50")));
    Dataset<Row> members = df(m, row("m1", "Sales"), row("m2", "Sales"));
    assertEquals(List.of("member|m1|12.5|150.50", "member|m2|null|49.50", "org|acme|12.5|200.00",
            "team|Sales|12.5|200.00"),
        lines(Kpis.costs(costs, members, ORG), "scope", "scope_id", "hours", "cost"));
    StructType v = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add("quarter_index", DataTypes.IntegerType).add("network_sourced_value", DataTypes.createDecimalType(18, 2))
        .add("cost", DataTypes.createDecimalType(18, 2));
    Dataset<Row> withValue = df(v, row("org", ORG, Q1, new BigDecimal("500.00"), new BigDecimal("200.00")),
        row("org", ORG, Q2, new BigDecimal("500.00"), null), row("team", "Sales", Q1, BigDecimal.ZERO, BigDecimal.ZERO));
    for (String[] r : Kpis.RATES) {
      withValue = withValue.withColumn(r[1], org.apache.spark.sql.functions.lit(0L))
          .withColumn(r[2], org.apache.spark.sql.functions.lit(0L));
    }
    assertEquals(List.of("2.5", "null", "null"), lines(Kpis.withRates(withValue), "return_on_cost"));
  }

  @Test
  void changesAreAgainstTheAdjacentPreviousQuarterOnly() {
    StructType s = new StructType().add("scope", DataTypes.StringType).add("scope_id", DataTypes.StringType)
        .add("quarter_index", DataTypes.IntegerType).add("network_size", DataTypes.LongType);
    Dataset<Row> g = df(s, row("org", ORG, Q1, 3L), row("org", ORG, Q2, 5L), row("org", ORG, Q2 + 2, 10L),
        row("team", "Sales", Q2, 1L));
    assertEquals(List.of("null", "2", "null", "null"),
        lines(Kpis.withChangesOf(g, List.of("network_size")), "network_size_change"));
  }
}
