package io.netroi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.testing.SparkTestBase;
import org.junit.jupiter.api.Test;

class SparksTest extends SparkTestBase {
  @Test
  void sessionTimeIsUtcAndTimestampsAreMicros() {
    assertEquals("UTC", spark().conf().get("spark.sql.session.timeZone"));
    assertEquals("TIMESTAMP_MICROS", spark().conf().get("spark.sql.parquet.outputTimestampType"));
    // a local wall-clock time parsed in the session zone stays the same instant in UTC
    String iso = spark().sql("select cast(to_timestamp('2025-11-17 22:05:06') as string) s").first().getString(0);
    assertEquals("2025-11-17 22:05:06", iso);
  }
}
