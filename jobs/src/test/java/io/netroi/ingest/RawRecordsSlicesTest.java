package io.netroi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.messages.MemberMessages;
import io.netroi.ingest.text.Lexicon;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** How the reader cuts its work into tasks and what a unit gives. */
class RawRecordsSlicesTest {
  static final Lexicon LEXICON = Lexicon.load("v2");

  @Test
  void aMemberWithoutExportsStillHasAnIdentityRecord() {
    List<Row> rows = RawRecords.rowsOf(new MemberMessages.Member("m07", "UTC", "https://www.linkedin.com/in/ana"),
        List.of(), LEXICON, 5);
    assertEquals(1, rows.size());
    Row identity = rows.get(0).getStruct(RawRecords.SCHEMA.fieldIndex(RawRecords.IDENTITY));
    assertEquals(RawRecords.IDENTITY, rows.get(0).getString(0));
    assertEquals("https://linkedin.com/in/ana", identity.getString(MemberMessages.IDENTITY_SCHEMA.fieldIndex("member_url")));
    assertEquals("roster", identity.getString(MemberMessages.IDENTITY_SCHEMA.fieldIndex("identity_source")));
  }

  @Test
  void messagesInAnInteractionsFileFailNamingTheFile() {
    RawRecord message = new RawRecord(RawRecord.ROW, null, "interactions/crm.csv", null, "interactions/crm.csv",
        "messages", "messages_2025", 2, Map.of("from", "Ana"), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RawRecords.rowsOf(null, List.of(message), LEXICON, 5));
    assertTrue(e.getMessage().startsWith("interactions/crm.csv has the columns of a LinkedIn messages export"),
        e.getMessage());
  }

  @Test
  void fewUnitsGetOneTaskEach() {
    assertEquals(1, RawRecords.slices(0, 2));
    assertEquals(3, RawRecords.slices(3, 2));
    assertEquals(8, RawRecords.slices(8, 2));
  }

  @Test
  void manyUnitsAreGroupedSoNoTaskReadsMoreThanItsShare() {
    assertEquals(8, RawRecords.slices(20, 2)); // four tasks per core: 2.5 units each
    assertEquals(250, RawRecords.slices(1000, 2));
    assertEquals(251, RawRecords.slices(1001, 2));
    assertEquals(64, RawRecords.slices(100, 16));
  }
}
