package io.netroi.cohorts;

import io.netroi.config.NetroiConfig;
import io.netroi.relationships.RelationshipParams;
import io.netroi.relationships.Relationships;
import io.netroi.relationships.RelationshipsJob.Stage;
import io.netroi.spark.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cohorts stage: reads the ingest and relationship tables, writes the cohort tables
 * (docs/relationships.md). I/O only; each table is a pure function in this package.
 */
public final class CohortsJob {
  private static final Logger LOG = LoggerFactory.getLogger(CohortsJob.class);
  /** Tables this stage writes, in order. */
  public static final List<String> TABLES = List.of("cohort_retention", "tier_transitions", "outreach_cohorts",
      "invitation_cohorts", "tie_band_outcomes", "social_outcomes", "connectors");

  private CohortsJob() {}

  public static void run(SparkSession spark, NetroiConfig config) {
    String out = config.get("netroi.out");
    RelationshipParams p = RelationshipParams.from(config);
    Stage stage = Stage.open(spark, out, p);
    Dataset<Row> windows = stage.windows();
    Dataset<Row> relationships = Tables.read(spark, out, "relationships");
    Dataset<Row> quarters = Tables.read(spark, out, "relationship_quarters");
    Dataset<Row> interactions = stage.inputs().interactions();
    Dataset<Row> outcomes = Tables.read(spark, out, "outcomes");
    Dataset<Row> cut = OutcomeWindows.cutWindows(windows, p).cache();
    Dataset<Row> beforeCut = Relationships.build(stage.inputs(), cut, p).cache();

    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("cohort_retention", Retention.build(quarters, relationships, p));
    tables.put("tier_transitions", TierTransitions.build(quarters, p));
    tables.put("outreach_cohorts", OutreachCohorts.build(relationships, interactions, outcomes, windows, p));
    tables.put("invitation_cohorts", InvitationCohorts.build(stage.inputs().invitations(), interactions, windows, p,
        InvitationCohorts.acceptWindowDays(config)));
    tables.put("tie_band_outcomes", TieBandOutcomes.build(beforeCut, outcomes, windows, p));
    tables.put("social_outcomes", SocialOutcomes.build(beforeCut, outcomes, windows, p));
    tables.put("connectors", Connectors.build(stage.inputs().introductions(), outcomes, windows));
    Map<String, Long> counts = new LinkedHashMap<>();
    tables.forEach((name, df) -> {
      Tables.write(df, out, name);
      counts.put(name, Tables.read(spark, out, name).count());
    });
    LOG.info("cohorts as of {} wrote {}", stage.asOf(), counts);
    beforeCut.unpersist();
    cut.unpersist();
    windows.unpersist();
  }
}
