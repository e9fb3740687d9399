package io.netroi.report;

import io.netroi.spark.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The tables the report reads, as read from Parquet. */
public record ReportInputs(Dataset<Row> kpis, Dataset<Row> cohortRetention, Dataset<Row> tierTransitions,
    Dataset<Row> outreach, Dataset<Row> invitations, Dataset<Row> tieBands, Dataset<Row> social,
    Dataset<Row> connectors, Dataset<Row> members, Dataset<Row> attributionSummary, Dataset<Row> touchTypes,
    Dataset<Row> attribution, Dataset<Row> contacts, Dataset<Row> dataQuality, Dataset<Row> rejects,
    Dataset<Row> runManifest, Dataset<Row> unattributed) {
  /** Every table it needs, in constructor order. */
  public static final List<String> TABLES = List.of("kpis", "cohort_retention", "tier_transitions",
      "outreach_cohorts", "invitation_cohorts", "tie_band_outcomes", "social_outcomes", "connectors", "members",
      "attribution_summary", "touch_type_attribution", "attribution", "contacts", "data_quality", "rejects",
      "run_manifest", "unattributed_outcomes");

  public static ReportInputs read(SparkSession spark, String out) {
    Dataset<?>[] t = TABLES.stream().map(name -> Tables.read(spark, out, name)).toArray(Dataset<?>[]::new);
    return new ReportInputs(cast(t[0]), cast(t[1]), cast(t[2]), cast(t[3]), cast(t[4]), cast(t[5]), cast(t[6]),
        cast(t[7]), cast(t[8]), cast(t[9]), cast(t[10]), cast(t[11]), cast(t[12]), cast(t[13]), cast(t[14]),
        cast(t[15]), cast(t[16]));
  }

  @SuppressWarnings("unchecked")
  private static Dataset<Row> cast(Dataset<?> d) {
    return (Dataset<Row>) d;
  }
}
