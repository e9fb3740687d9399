package io.netroi.cohorts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.relationships.Observation;
import io.netroi.spark.Tables;
import io.netroi.testing.SparkTestBase;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ConnectorsTest extends SparkTestBase {
  private static final StructType MEMBERS = new StructType().add("member_id", DataTypes.StringType)
      .add("team", DataTypes.StringType).add("timezone", DataTypes.StringType)
      .add("consent", DataTypes.BooleanType).add("observed_until", DataTypes.DateType);

  private static Date d(String s) {
    return Date.valueOf(LocalDate.parse(s));
  }

  /** A row of the introductions table: made_by_member when introducer is null. */
  private static Object[] intro(String member, String conversation, String at, String introducer, String introduced) {
    return row(member, conversation, Timestamp.from(Instant.parse(at)), introducer == null, introducer, introduced);
  }

  /** A row of the outcomes table (USD, value_reporting = value). */
  private static Object[] outcome(String id, String value, String closedOn, String owner, String contact,
      String introducer) {
    BigDecimal v = new BigDecimal(value);
    return row(id, "deal", v, "USD", v, d(closedOn), owner, contact, introducer, contact == null ? "none" : "url",
        "crm", "csv");
  }

  /** m1 (UTC) and m2 (Tokyo) observed to 2026-06-30; m3 has nothing. */
  private Dataset<Row> windows() {
    return Observation.windows(df(MEMBERS,
        row("m1", "Sales", "UTC", true, d("2026-06-30")),
        row("m2", "Ops", "Asia/Tokyo", true, d("2026-06-30")),
        row("m3", "Ops", "UTC", true, d("2026-06-30"))), LocalDate.of(2026, 6, 30));
  }

  private Dataset<Row> introductions() {
    return df(Tables.schema("introductions"),
        intro("m1", "k1", "2026-02-10T10:00:00Z", null, "x"), // m1 introduced x and y
        intro("m1", "k1", "2026-02-10T10:00:00Z", null, "y"),
        intro("m1", "k2", "2026-03-01T10:00:00Z", null, "x"), // m1 introduced x and z
        intro("m1", "k2", "2026-03-01T10:00:00Z", null, "z"),
        intro("m1", "k3", "2026-03-05T10:00:00Z", "i1", "p"), // i1 introduced p to m1
        intro("m1", "k4", "2026-04-01T10:00:00Z", "i1", "q"),
        intro("m1", "k5", "2026-04-02T10:00:00Z", "i2", "p"),
        intro("m1", "k6", "2026-07-01T00:00:00Z", null, "w"), // after m1's observation end: ignored
        intro("m2", "k7", "2026-03-31T20:00:00Z", "i3", "t")); // 1 April in Tokyo
  }

  private Dataset<Row> outcomes() {
    return df(Tables.schema("outcomes"),
        outcome("o1", "1000.00", "2026-03-01", "m1", "x", "i1"), // introduced by m1, also owned naming i1: once
        outcome("o2", "500.00", "2026-03-05", null, "p", null), // introduced to m1 that day (any owner)
        outcome("o3", "300.00", "2026-05-01", "m1", "r", "i9"), // owned by m1, names an introducer
        outcome("o4", "700.00", "2026-02-20", null, "z", null), // closed before z was introduced
        outcome("o5", "900.00", "2026-07-15", null, "y", null), // after m1's observation end
        outcome("o6", "800.00", "2026-05-01", "m1", "s", null), // owned, no introducer, never introduced
        outcome("o7", "600.00", "2026-06-20", null, "w", null), // w's introduction is not observed
        outcome("o8", "250.50", "2026-05-01", "m9", "q", null),
        outcome("o9", "400.00", "2026-03-31", null, "t", null), // before 1 April (Tokyo) although 31 March in UTC
        outcome("o10", "100.00", "2026-04-01", null, "t", null));
  }

  @Test
  void introductionCountsAndOutcomesThroughIntroductionsPerMember() {
    Dataset<Row> got = Connectors.build(introductions(), outcomes(), windows());
    List<String> lines = got.orderBy("member_id").collectAsList().stream()
        .map(r -> r.getAs("member_id") + "|" + r.getAs("team") + "|" + r.getAs("introductions_made") + "|"
            + r.getAs("contacts_introduced") + "|" + r.getAs("introducers") + "|"
            + r.getAs("outcomes_via_introductions") + "|" + r.getAs("value_via_introductions"))
        .toList();
    assertEquals(List.of(
        "m1|Sales|2|2|2|4|2050.50", // o1 + o2 + o3 + o8
        "m2|Ops|0|1|1|1|100.00", // o10
        "m3|Ops|0|0|0|0|0.00"), lines);
    assertDoesNotThrow(() -> Tables.conform(got, "connectors"));
  }
}
