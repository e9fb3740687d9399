package io.netroi.ingest.introductions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.testing.SparkTestBase;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IntroductionsTest extends SparkTestBase {
  static final StructType MESSAGES = new StructType()
      .add("member_id", DataTypes.StringType)
      .add("conversation_key", DataTypes.StringType)
      .add("ts", DataTypes.TimestampType)
      .add("is_out", DataTypes.BooleanType)
      .add("participants", DataTypes.IntegerType)
      .add("is_intro_cue", DataTypes.BooleanType)
      .add("sender_key", DataTypes.StringType)
      .add("contact_keys", DataTypes.createArrayType(DataTypes.StringType))
      .add("source_file", DataTypes.StringType)
      .add("row_number", DataTypes.LongType);

  @Test
  void theOpeningMessageOfAThreePersonThreadDecides() {
    Timestamp t1 = Timestamp.valueOf("2025-01-10 09:00:00");
    Timestamp t2 = Timestamp.valueOf("2025-01-11 09:00:00");
    List<Row> out = IntroductionsTest.this.df(MESSAGES,
        // contact ben introduces the member to ana
        row("m01", "c1", t1, false, 3, true, "ben", List.of("ben"), "f", 2L),
        row("m01", "c1", t2, false, 3, false, "ana", List.of("ana"), "f", 3L),
        // the member introduces ana and cy to each other
        row("m01", "c2", t1, true, 3, true, null, List.of("ana", "cy"), "f", 4L),
        // an intro cue that is not the opening message: no introduction
        row("m01", "c3", t1, true, 3, false, null, List.of("ana", "cy"), "f", 5L),
        row("m01", "c3", t2, false, 3, true, "cy", List.of("cy"), "f", 6L),
        // four people: not an introduction thread
        row("m01", "c4", t1, true, 4, true, null, List.of("a", "b", "c"), "f", 7L))
        .transform(Introductions::detect).orderBy("conversation_key", "introduced_key").collectAsList();
    assertEquals(3, out.size());
    assertEquals(List.of("c1", false, "ben", "ana"), List.of(out.get(0).getAs("conversation_key"),
        out.get(0).getAs("made_by_member"), out.get(0).getAs("introducer_key"), out.get(0).getAs("introduced_key")));
    assertEquals("ana", out.get(1).getAs("introduced_key"));
    assertEquals("cy", out.get(2).getAs("introduced_key"));
    assertEquals(Boolean.TRUE, out.get(2).getAs("made_by_member"));
  }
}
