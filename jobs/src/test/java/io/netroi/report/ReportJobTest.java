package io.netroi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.time.Quarters;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportJobTest {
  static String lastEnded(String asOf, int fiscal) {
    return Quarters.labelOfIndex(ReportJob.lastEndedQuarter(LocalDate.parse(asOf), fiscal), fiscal);
  }

  @Test
  void theDefaultQuarterIsTheLastOneEndedByTheAsOfDate() {
    assertEquals("2026-Q1", lastEnded("2026-05-29", 1));
    assertEquals("2026-Q2", lastEnded("2026-06-30", 1), "the as-of date is the quarter's last day");
    assertEquals("2025-Q4", lastEnded("2026-01-01", 1));
    // fiscal year from April: April-June 2026 is FY2027-Q1, so January-March 2026 (FY2026-Q4) has ended
    assertEquals("FY2026-Q4", lastEnded("2026-05-29", 4));
  }
}
