package io.netroi.cohorts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.netroi.cohorts.Rates.Comparison;
import io.netroi.cohorts.Rates.Rate;
import io.netroi.config.NetroiConfig;
import io.netroi.relationships.RelationshipParams;
import io.netroi.spark.Tables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * invitation_cohorts (docs/relationships.md "Outcome comparisons"): outgoing invitations to
 * non-colleagues of members whose acceptance is measurable, per scope and personalised or vanilla:
 * how many were accepted (over all sent), how many were still undecided at the member's observation
 * end, and how many became two-way within the two-way window, compared with vanilla invitations.
 */
public final class InvitationCohorts {
  /** The acceptance window the ingest uses for is_accepted. */
  public static final String ACCEPT_WINDOW_KEY = "netroi.invitations.accept.window.days";
  static final Comparison VS_VANILLA = new Comparison("is_personalised", false, "vanilla");
  static final List<String> COUNTS = List.of("sent", "accepted", "undecided", "engaged_90d_observed", "engaged_90d");
  static final List<Rate> RATES = List.of(new Rate("acceptance_rate", "accepted", "sent"),
      new Rate("engaged_90d_rate", "engaged_90d", "engaged_90d_observed"));

  private InvitationCohorts() {}

  /** The acceptance window in days from a configuration. */
  public static int acceptWindowDays(NetroiConfig config) {
    return config.getInt(ACCEPT_WINDOW_KEY);
  }

  /** The invitation_cohorts table with the built-in acceptance window ({@value #ACCEPT_WINDOW_KEY}, 180 days). */
  public static Dataset<Row> build(Dataset<Row> invitations, Dataset<Row> interactions, Dataset<Row> windows,
      RelationshipParams p) {
    return build(invitations, interactions, windows, p, acceptWindowDays(NetroiConfig.defaults()));
  }

  /** The invitation_cohorts table with the run's acceptance window in days. */
  public static Dataset<Row> build(Dataset<Row> invitations, Dataset<Row> interactions, Dataset<Row> windows,
      RelationshipParams p, int acceptWindowDays) {
    Dataset<Row> sent = CohortFacts.withTwoWay(measurableOutgoing(invitations, windows), interactions, "sent_at",
        p.twoWayWindowDays(), "two_way");
    return Tables.conform(Rates.table(counted(sent, p, acceptWindowDays), VS_VANILLA, COUNTS, RATES, p),
        "invitation_cohorts");
  }

  /** Members with any outgoing invitation whose is_accepted is known (the ingest leaves it null when not measurable). */
  static Dataset<Row> measurableMembers(Dataset<Row> invitations) {
    return invitations.where(col("direction").equalTo("out").and(col("is_accepted").isNotNull()))
        .select("member_id").distinct();
  }

  /** Outgoing non-colleague invitations of measurable, consenting members, sent before their observation end. */
  static Dataset<Row> measurableOutgoing(Dataset<Row> invitations, Dataset<Row> windows) {
    Dataset<Row> out = invitations.where(col("direction").equalTo("out")
            .and(not(coalesce(col("is_colleague"), lit(false)))))
        .select("member_id", "contact_key", "sent_at", "is_personalised", "is_accepted")
        .join(measurableMembers(invitations), new String[] {"member_id"}, "left_semi");
    return CohortFacts.withWindow(out, windows).where(col("sent_at").lt(col("observed_end")));
  }

  /** The 0/1 count columns of each invitation. */
  static Dataset<Row> counted(Dataset<Row> sent, RelationshipParams p, int acceptWindowDays) {
    Column accepted = coalesce(col("is_accepted"), lit(false));
    Column stillOpen = CohortFacts.plusDays(col("sent_at"), acceptWindowDays).gt(col("observed_end"));
    Column engagedObserved = CohortFacts.observedFor(col("sent_at"), p.twoWayWindowDays());
    return sent
        .withColumn("sent", lit(1))
        .withColumn("accepted", Rates.count(accepted))
        .withColumn("undecided", Rates.count(not(accepted).and(stillOpen)))
        .withColumn("engaged_90d_observed", Rates.count(engagedObserved))
        .withColumn("engaged_90d", Rates.count(engagedObserved.and(col("two_way"))));
  }
}
