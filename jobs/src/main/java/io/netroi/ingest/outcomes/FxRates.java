package io.netroi.ingest.outcomes;

import io.netroi.ingest.Problem;
import io.netroi.ingest.roster.SimpleCsv;
import io.netroi.io.InputFiles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * fx.csv: {@code currency,rate[,quarter]}: reporting-currency units per unit of the currency,
 * optionally per calendar quarter ({@code 2026-Q3}); a quarter-specific rate wins over an undated one.
 */
public final class FxRates {
  public static final String FILE = "fx.csv";
  private final String reportingCurrency;
  private final Map<String, BigDecimal> rates;

  FxRates(String reportingCurrency, Map<String, BigDecimal> rates) {
    this.reportingCurrency = reportingCurrency.toUpperCase(Locale.ROOT);
    this.rates = rates;
  }

  public record Loaded(FxRates rates, List<Problem> ledger) {}

  public static Loaded read(InputFiles input, String reportingCurrency) {
    Map<String, BigDecimal> rates = new HashMap<>();
    List<Problem> ledger = new ArrayList<>();
    if (input.exists(FILE)) {
      SimpleCsv.Table t = SimpleCsv.parse(input.read(FILE));
      for (SimpleCsv.Record r : t.records()) {
        ledger.add(new Problem(null, FILE, r.line(), addRate(rates, r.values())));
      }
    }
    return new Loaded(new FxRates(reportingCurrency, rates), ledger);
  }

  private static String addRate(Map<String, BigDecimal> rates, Map<String, String> v) {
    if (v == null || v.get("currency") == null || v.get("rate") == null) {
      return "rejected:malformed_row";
    }
    try {
      BigDecimal rate = new BigDecimal(v.get("rate"));
      if (rate.signum() <= 0) {
        return "rejected:invalid_value";
      }
      String quarter = v.get("quarter");
      if (quarter != null && !quarter.matches("\\d{4}-Q[1-4]")) {
        return "rejected:invalid_value";
      }
      rates.put(key(v.get("currency"), quarter), rate);
      return null;
    } catch (NumberFormatException e) {
      return "rejected:invalid_value";
    }
  }

  /** Rate for a currency on a date: the quarter's, else the undated one; 1 for the reporting currency. */
  public Optional<BigDecimal> rate(String currency, LocalDate on) {
    String c = currency.toUpperCase(Locale.ROOT);
    BigDecimal r = on == null ? null : rates.get(key(c, quarterOf(on)));
    if (r == null) {
      r = rates.get(key(c, null));
    }
    if (r == null && c.equals(reportingCurrency)) {
      r = BigDecimal.ONE;
    }
    return Optional.ofNullable(r);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  static String quarterOf(LocalDate d) {
    return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
  }

  private static String key(String currency, String quarter) {
    return currency.trim().toUpperCase(Locale.ROOT) + "|" + (quarter == null ? "" : quarter);
  }
}
