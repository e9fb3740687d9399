package io.netroi.cohorts;

import io.netroi.time.Quarters;
import java.sql.Date;

/** Hand-written relationship_quarters rows (calendar quarters) for the cohort tests. */
final class QuarterRows {
  private QuarterRows() {}

  /** The calendar quarter index of a label such as 2026-Q3. */
  static int index(String label) {
    return Integer.parseInt(label.substring(0, 4)) * 4 + Integer.parseInt(label.substring(6)) - 1;
  }

  /**
   * One row in the column order of schemas/relationship_quarters.json; the counts are left at zero
   * (the cohort tables read only the tier).
   */
  static Object[] rq(String member, String team, String contact, boolean colleague, String quarter, String firstQuarter,
      String tier, boolean partial) {
    int index = index(quarter);
    Date start = Date.valueOf(Quarters.startOfIndex(index, 1));
    return new Object[] {member, team, contact, colleague, quarter, index, start, index - index(firstQuarter),
        0L, 0L, 0L, 0L, 0, tier, true, partial};
  }
}
