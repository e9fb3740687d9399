package io.netroi.cohorts;

import io.netroi.relationships.Observation;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small inline inputs shared by the cohort table tests. */
final class CohortInputs {
  private CohortInputs() {}

  static final StructType MEMBERS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("timezone", DataTypes.StringType).add("consent", DataTypes.BooleanType)
      .add("observed_until", DataTypes.DateType);

  static final StructType INTERACTIONS = new StructType().add("member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType).add("ts", DataTypes.TimestampType)
      .add("direction", DataTypes.StringType).add("source", DataTypes.StringType);

  static final StructType OUTCOMES = new StructType().add("outcome_id", DataTypes.StringType)
      .add("closed_on", DataTypes.DateType).add("owner_member_id", DataTypes.StringType)
      .add("contact_key", DataTypes.StringType);

  /** Observation windows of members rows (member_id, team, timezone, consent, observed_until) as of a date. */
  static Dataset<Row> windows(SparkSession spark, String asOf, Object[]... members) {
    Dataset<Row> m = spark.createDataFrame(java.util.Arrays.stream(members).map(RowFactory::create).toList(), MEMBERS);
    return Observation.windows(m, LocalDate.parse(asOf));
  }

  static Timestamp ts(String isoUtc) {
    return Timestamp.from(java.time.Instant.parse(isoUtc));
  }

  static Date date(String iso) {
    return Date.valueOf(iso);
  }
}
