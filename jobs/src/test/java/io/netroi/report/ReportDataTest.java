package io.netroi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class ReportDataTest {
  static Map<String, Object> kpis(long relationships, double engagement, BigDecimal cost) {
    Map<String, Object> r = new HashMap<>();
    r.put("relationships", relationships);
    r.put("engagement_rate", engagement);
    r.put("engagement_rate_change", 0.05);
    r.put("network_size", 40L);
    r.put("network_size_change", 4L);
    r.put("cost", cost);
    r.put("return_on_cost", cost == null ? null : 3.0);
    return r;
  }

  static Map<String, Map<String, Object>> byColumn(List<Map<String, Object>> tiles) {
    return tiles.stream().collect(Collectors.toMap(t -> (String) t.get("column"), t -> t));
  }

  @Test
  void aRateOnASmallBaseIsSuppressedWithItsChange() {
    Map<String, Map<String, Object>> t = byColumn(ReportData.tiles(kpis(4, 0.5, null), kpis(50, 0.45, null), 5));
    assertEquals(Boolean.TRUE, t.get("engagement_rate").get("suppressed"));
    Assertions.assertNull(t.get("engagement_rate").get("value"));
    Assertions.assertNull(t.get("engagement_rate").get("change"));
    assertEquals(40L, t.get("network_size").get("value"));
    assertEquals(4L, t.get("network_size").get("change"));
  }

  @Test
  void costTilesOnlyWithACostAndTheirChangeFromThePreviousQuarter() {
    Assertions.assertFalse(byColumn(ReportData.tiles(kpis(50, 0.5, null), null, 5)).containsKey("cost"),
        "no costs.csv: no cost tiles, not zeros");
    Map<String, Map<String, Object>> t = byColumn(ReportData.tiles(kpis(50, 0.5, new BigDecimal("300.00")),
        kpis(50, 0.45, new BigDecimal("250.00")), 5));
    assertEquals(new BigDecimal("300.00"), t.get("cost").get("value"));
    assertEquals(0, new BigDecimal("50.00").compareTo((BigDecimal) t.get("cost").get("change")));
    assertEquals(3.0, t.get("return_on_cost").get("value"));
    Assertions.assertNull(byColumn(ReportData.tiles(kpis(50, 0.5, BigDecimal.ONE), null, 5)).get("cost").get("change"),
        "no previous quarter, no change");
  }
}
