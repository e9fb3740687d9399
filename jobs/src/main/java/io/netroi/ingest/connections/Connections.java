package io.netroi.ingest.connections;

import static io.netroi.ingest.Cols.field;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.Cols;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Connections.csv rows of every vintage: the contact's identifiers and the local connection date. */
public final class Connections {
  /** {@code 15 Nov 2025} as LinkedIn writes it; {@code 01-Jul-25} after an Excel re-save; ISO. */
  static final List<String> DATE_FORMATS = List.of("d MMM yyyy", "dd-MMM-yy", "d-MMM-yy", "yyyy-MM-dd",
      "d MMMM yyyy");

  private Connections() {}

  public static Dataset<Row> parse(Dataset<Row> raw) {
    return raw.transform(Connections::withConnectedOn).transform(Connections::withIdentifiers);
  }

  static Dataset<Row> withConnectedOn(Dataset<Row> df) {
    Column rawDate = field("connected_on");
    return df.withColumn("connected_on", Cols.dateIn(rawDate, DATE_FORMATS))
        .withColumn("problem", coalesce(col("problem"), Cols.dateProblem(rawDate, col("connected_on"))));
  }

  /** url / email / name / company, normalised; a row with none of url, email, name is unidentifiable. */
  static Dataset<Row> withIdentifiers(Dataset<Row> df) {
    Column fullName = concat_ws(" ", field("first_name"), field("last_name"));
    return df.withColumn("url", Identifiers.urlColumn(field("url")))
        .withColumn("email", Identifiers.emailColumn(field("email")))
        .withColumn("name", Identifiers.nameColumn(fullName))
        .withColumn("company", Identifiers.companyColumn(field("company")))
        .withColumn("company_display", field("company"))
        .withColumn("problem", coalesce(col("problem"),
            when(col("url").isNull().and(col("email").isNull()).and(col("name").isNull()),
                lit("rejected:unidentifiable_contact"))))
        .drop("fields");
  }
}
