package io.netroi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RawRecordsSlicesTest {
  @Test
  void fewSourcesGetOneTaskEach() {
    assertEquals(1, RawRecords.slices(0, 2));
    assertEquals(3, RawRecords.slices(3, 2));
    assertEquals(8, RawRecords.slices(8, 2));
  }

  @Test
  void manySourcesAreGroupedSoNoTaskReadsMoreThanItsShare() {
    assertEquals(8, RawRecords.slices(20, 2)); // four tasks per core: 2.5 sources each
    assertEquals(250, RawRecords.slices(1000, 2));
    assertEquals(251, RawRecords.slices(1001, 2));
    assertEquals(64, RawRecords.slices(100, 16));
  }
}
