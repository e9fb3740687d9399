package io.netroi.relationships;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The thresholds of docs/relationships.md, read once from the configuration. */
public record RelationshipParams(
    Optional<LocalDate> asOf,
    int fiscalStartMonth,
    int sessionGapDays,
    int replyWindowHours,
    int twoWayWindowDays,
    int outcomeWindowDays,
    double socialMostlyShare,
    Tie tie,
    String orgName,
    int bootstrapReplicates,
    long bootstrapSeed) implements Serializable {

  /** Tie-strength weights, caps and band cut-offs. */
  public record Tie(double wIntensity, double wReciprocity, double wRecency, double wDuration,
      double wMultiplexity, double wSocial, double intensityCap, double recencyHalfLifeDays,
      double durationCapDays, double multiplexityCap, double bandMedium, double bandStrong) implements Serializable {}

  public static RelationshipParams from(NetroiConfig c) {
    int fiscal = c.getInt("netroi.quarters.fiscal.start.month");
    if (fiscal < 1 || fiscal > 12) {
      throw new ConfigException("netroi.quarters.fiscal.start.month must be 1-12, got " + fiscal);
    }
    Tie tie = new Tie(c.getDouble("netroi.tie.weight.intensity"), c.getDouble("netroi.tie.weight.reciprocity"),
        c.getDouble("netroi.tie.weight.recency"), c.getDouble("netroi.tie.weight.duration"),
        c.getDouble("netroi.tie.weight.multiplexity"), c.getDouble("netroi.tie.weight.social"),
        c.getDouble("netroi.tie.intensity.cap"), c.getDouble("netroi.tie.recency.half.life.days"),
        c.getDouble("netroi.tie.duration.cap.days"), c.getDouble("netroi.tie.multiplexity.cap"),
        c.getDouble("netroi.tie.band.medium"), c.getDouble("netroi.tie.band.strong"));
    if (tie.wIntensity() + tie.wReciprocity() + tie.wRecency() + tie.wDuration() + tie.wMultiplexity()
        + tie.wSocial() <= 0) {
      throw new ConfigException("netroi.tie.weight.* must not all be zero");
    }
    return new RelationshipParams(asOf(c), fiscal, c.getInt("netroi.messages.session.gap.days"),
        c.getInt("netroi.replies.window.hours"), c.getInt("netroi.relationships.two.way.window.days"),
        c.getInt("netroi.outcomes.window.days"), c.getDouble("netroi.social.mostly.share"), tie,
        c.get("netroi.org.name"), c.getInt("netroi.stats.bootstrap.replicates"),
        Long.parseLong(c.get("netroi.stats.bootstrap.seed").trim()));
  }

  /** The defaults, for tests. */
  public static RelationshipParams defaults() {
    return from(NetroiConfig.defaults());
  }

  private static Optional<LocalDate> asOf(NetroiConfig c) {
    String v = c.find("netroi.as.of").map(String::trim).orElse("");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v));
    } catch (DateTimeParseException e) {
      throw new ConfigException("netroi.as.of must be a date yyyy-MM-dd, got '" + v + "'");
    }
  }

  public RelationshipParams withAsOf(LocalDate date) {
    return new RelationshipParams(Optional.of(date), fiscalStartMonth, sessionGapDays, replyWindowHours,
        twoWayWindowDays, outcomeWindowDays, socialMostlyShare, tie, orgName, bootstrapReplicates, bootstrapSeed);
  }

  public RelationshipParams withFiscalStartMonth(int month) {
    return new RelationshipParams(asOf, month, sessionGapDays, replyWindowHours, twoWayWindowDays,
        outcomeWindowDays, socialMostlyShare, tie, orgName, bootstrapReplicates, bootstrapSeed);
  }
}
