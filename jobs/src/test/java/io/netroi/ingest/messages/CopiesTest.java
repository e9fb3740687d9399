package io.netroi.ingest.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netroi.ingest.files.RawRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking a member's copies of one message where they are read, as Dedup's window ranks them. */
class CopiesTest {
  private final List<RawRecord> records = new ArrayList<>();
  private final List<Copies.Key> keys = new ArrayList<>();

  private void row(String exportId, String exportDate, String file, long row, Copies.Key key) {
    records.add(new RawRecord(RawRecord.ROW, "m01", exportId, exportDate, file, "messages", "messages_2025", row,
        Map.of(), null));
    keys.add(key);
  }

  private static Copies.Key key(String conversation, Long micros) {
    return new Copies.Key(conversation, "https://www.linkedin.com/in/kai", micros, "hash");
  }

  private List<Integer> ranks(Copies c) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      out.add(c.rank(i));
    }
    return out;
  }

  @Test
  void newestExportFirstThenExportIdThenFileDescendingThenRow() {
    Copies.Key k = key("c1", 10L);
    row("e1", "2024-01-05", "a.zip!messages.csv", 7, k);
    row("e2", "2025-06-30", "b.zip!messages.csv", 3, k);
    row("e9", null, "c.zip!messages.csv", 1, k); // no export date: oldest
    row("e3", "2025-06-30", "d.zip!messages.csv", 2, k); // same date, larger export id: newer
    row("e3", "2025-06-30", "e.zip!messages.csv", 4, k); // same export, larger file name: first
    row("e3", "2025-06-30", "e.zip!messages.csv", 9, k); // same file: smaller row first
    Copies c = Copies.rank(records, keys);
    assertEquals(Arrays.asList(5, 4, 6, 3, 1, 2), ranks(c));
    Integer group = c.group(0);
    for (int i = 0; i < records.size(); i++) {
      assertEquals(group, c.group(i), "one group for every copy");
    }
  }

  @Test
  void aRowWithoutCopiesOrWithoutKeyHasNoGroup() {
    row("e1", "2025-01-01", "a.csv", 1, key("c1", 10L));
    row("e2", "2025-02-01", "b.csv", 1, key("c1", 11L)); // another time: another message
    row("e2", "2025-02-01", "b.csv", 2, null); // a row with a problem is not ranked
    row("e1", "2025-01-01", "a.csv", 2, new Copies.Key(null, null, null, "h")); // null parts still match
    row("e2", "2025-02-01", "b.csv", 3, new Copies.Key(null, null, null, "h"));
    Copies c = Copies.rank(records, keys);
    assertEquals(Arrays.asList(1, 1, null, 2, 1), ranks(c));
    assertNull(c.group(0));
    assertNull(c.group(1));
    assertNull(c.group(2));
    assertEquals(c.group(3), c.group(4));
  }
}
