package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.roster.Roster;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * members: every rostered member with consent; only consenting members carry anything more than
 * their id, team and consent (display name, time zone, identity source, readable exports, observation end).
 */
final class MembersTable {
  private MembersTable() {}

  static Dataset<Row> build(SparkSession spark, Roster.Result roster, Dataset<Row> identity, Dataset<Row> files,
      Dataset<Row> observedUntil) {
    StructType schema = new StructType()
        .add("member_id", DataTypes.StringType, false)
        .add("team", DataTypes.StringType, true)
        .add("consent", DataTypes.BooleanType, false)
        .add("display_name", DataTypes.StringType, true);
    List<Row> rows = roster.members().stream()
        .map(m -> RowFactory.create(m.memberId(), m.team(), m.consent(), m.consent() ? m.displayName() : null))
        .toList();
    Dataset<Row> exports = files.where(col("record_type").equalTo(RawRecord.FILE).and(col("member_id").isNotNull())
            .and(col("problem").isNull()))
        .groupBy("member_id").agg(count_distinct(col("export_id")).as("export_count"));
    Dataset<Row> ids = identity.select("member_id", "timezone", "identity_source", "identity_coverage");
    return spark.createDataFrame(rows, schema)
        .join(ids, new String[] {"member_id"}, "left")
        .join(exports, new String[] {"member_id"}, "left")
        .join(observedUntil, new String[] {"member_id"}, "left")
        .withColumn("export_count", when(col("consent"), org.apache.spark.sql.functions.coalesce(
            col("export_count"), lit(0L))))
        .withColumn("has_export", col("export_count").gt(0));
  }
}
