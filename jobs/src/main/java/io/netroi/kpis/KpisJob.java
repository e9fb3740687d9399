package io.netroi.kpis;

import io.netroi.config.NetroiConfig;
import io.netroi.ingest.costs.Costs;
import io.netroi.io.InputException;
import io.netroi.relationships.RelationshipParams;
import io.netroi.relationships.RelationshipsJob.Stage;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kpis stage: reads the ingest, relationship and attribution tables, writes kpis. I/O only. */
public final class KpisJob {
  private static final Logger LOG = LoggerFactory.getLogger(KpisJob.class);
  /** Tables this stage writes. */
  public static final List<String> TABLES = List.of("kpis");

  private KpisJob() {}

  public static void run(SparkSession spark, NetroiConfig config) {
    String out = config.get("netroi.out");
    RelationshipParams p = RelationshipParams.from(config);
    Stage stage = Stage.open(spark, out, p);
    Dataset<Row> costs = Tables.read(spark, out, "costs");
    checkCostQuarters(costs, p.fiscalStartMonth());
    KpiInputs in = new KpiInputs(stage.windows(), stage.inputs(), Tables.read(spark, out, "relationship_quarters"),
        Tables.read(spark, out, "contacts"), Tables.read(spark, out, "attribution_summary"), costs,
        Tables.read(spark, out, "members"));
    Tables.write(Kpis.build(in, p), out, "kpis");
    LOG.info("kpis as of {} wrote {} rows", stage.asOf(), Tables.read(spark, out, "kpis").count());
    stage.windows().unpersist();
  }

  /** Cost quarters must be labels of the run's calendar; fails naming the first one that is not. */
  static void checkCostQuarters(Dataset<Row> costs, int fiscalStartMonth) {
    for (Row r : costs.select("quarter").distinct().orderBy("quarter").collectAsList()) {
      try {
        Quarters.indexOfLabel(r.getString(0), fiscalStartMonth);
      } catch (IllegalArgumentException e) {
        throw new InputException(Costs.FILE, e.getMessage());
      }
    }
  }
}
