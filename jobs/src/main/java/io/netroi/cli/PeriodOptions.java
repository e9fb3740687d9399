package io.netroi.cli;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import io.netroi.relationships.RelationshipParams;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The as-of date and quarter calendar, taken by every stage from relationships on. */
public final class PeriodOptions {
  @Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
      description = "Measure as of this date (default: the latest member observation date).")
  LocalDate asOf;

  @Option(names = "--fiscal-year-start-month", paramLabel = "1-12",
      description = "Fiscal quarters for a year starting in this month (default 1: calendar quarters).")
  Integer fiscalYearStartMonth;

  /** The typed flags over the configuration (they win over --config and --conf), validated. */
  NetroiConfig apply(NetroiConfig config) {
    NetroiConfig c = config;
    if (asOf != null) {
      c = c.with("netroi.as.of", asOf.toString());
    }
    if (fiscalYearStartMonth != null) {
      if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
        throw new ConfigException("--fiscal-year-start-month must be 1-12, got " + fiscalYearStartMonth);
      }
      c = c.with("netroi.quarters.fiscal.start.month", fiscalYearStartMonth.toString());
    }
    RelationshipParams.from(c); // every threshold is checked now, not after ingest has run
    return c;
  }
}
