package io.netroi.relationships;

import io.netroi.config.NetroiConfig;
import io.netroi.spark.Tables;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relationships stage: reads the ingest tables, writes {@code relationships} and
 * {@code relationship_quarters} (docs/relationships.md). I/O only; the work is in
 * {@link Relationships} and {@link QuarterStates}.
 */
public final class RelationshipsJob {
  private static final Logger LOG = LoggerFactory.getLogger(RelationshipsJob.class);
  /** Tables this stage writes, in order. */
  public static final List<String> TABLES = List.of("relationships", "relationship_quarters");

  private RelationshipsJob() {}

  public static void run(SparkSession spark, NetroiConfig config) {
    String out = config.get("netroi.out");
    RelationshipParams p = RelationshipParams.from(config);
    Stage stage = Stage.open(spark, out, p);
    Dataset<Row> relationships = Relationships.build(stage.inputs(), stage.windows(), p);
    Tables.write(relationships, out, "relationships");
    Dataset<Row> written = Tables.read(spark, out, "relationships");
    Tables.write(QuarterStates.build(written, stage.inputs().interactions(), stage.windows(), p), out,
        "relationship_quarters");
    LOG.info("relationships as of {}: {} relationships, {} relationship quarters", stage.asOf(), written.count(),
        Tables.read(spark, out, "relationship_quarters").count());
    stage.windows().unpersist();
  }

  /** What the relationship and cohort stages share: the ingest tables, the as-of date, member windows. */
  public record Stage(RelationshipInputs inputs, LocalDate asOf, Dataset<Row> windows) {
    /** Reads the ingest tables under {@code out} and works out the as-of date and member windows. */
    public static Stage open(SparkSession spark, String out, RelationshipParams p) {
      Dataset<Row> members = Tables.read(spark, out, "members");
      LocalDate asOf = Observation.asOf(members, p.asOf());
      Dataset<Row> windows = Observation.windows(members, asOf).cache();
      RelationshipInputs inputs = new RelationshipInputs(Tables.read(spark, out, "interactions"),
          Tables.read(spark, out, "connections"), Tables.read(spark, out, "invitations"),
          Tables.read(spark, out, "introductions"));
      return new Stage(inputs, asOf, windows);
    }
  }
}
