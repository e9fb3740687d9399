package io.netroi.relationships;

import static io.netroi.relationships.Names.CHANNELS;
import static io.netroi.relationships.Names.FIRST_INTERACTION_AT;
import static io.netroi.relationships.Names.LAST_INTERACTION_AT;
import static io.netroi.relationships.Names.OBSERVED_END;
import static io.netroi.relationships.Names.SOCIAL_SHARE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Tie strength (docs/relationships.md "Tie strength"): six components in [0, 1], a 0-100 score, a band. */
final class TieStrength {
  private TieStrength() {}

  static final String INTENSITY = "tie_intensity";
  static final String RECIPROCITY = "tie_reciprocity";
  static final String RECENCY = "tie_recency";
  static final String DURATION = "tie_duration";
  static final String MULTIPLEXITY = "tie_multiplexity";
  static final String SOCIAL = "tie_social";
  static final String STRENGTH = "tie_strength";

  /**
   * Adds the components, tie_strength and tie_band to facts carrying msgs_out/in, other_out/in,
   * first/last_interaction_at, channels, social_share and observed_end. Without any message or
   * interaction every component is 0.
   */
  static Dataset<Row> score(Dataset<Row> facts, RelationshipParams.Tie t) {
    Column out = col(RelationshipFacts.MSGS_OUT).plus(col(RelationshipFacts.OTHER_OUT));
    Column in = col(RelationshipFacts.MSGS_IN).plus(col(RelationshipFacts.OTHER_IN));
    Column touched = out.plus(in).gt(0);
    return facts
        .withColumn(INTENSITY, orZero(touched, intensity(out.plus(in), t.intensityCap())))
        .withColumn(RECIPROCITY, orZero(touched, reciprocity(out, in)))
        .withColumn(RECENCY, orZero(touched, recency(col(LAST_INTERACTION_AT), col(OBSERVED_END), t.recencyHalfLifeDays())))
        .withColumn(DURATION, orZero(touched, duration(col(FIRST_INTERACTION_AT), col(LAST_INTERACTION_AT), t.durationCapDays())))
        .withColumn(MULTIPLEXITY, orZero(touched, multiplexity(col(CHANNELS), t.multiplexityCap())))
        .withColumn(SOCIAL, orZero(touched, coalesce(col(SOCIAL_SHARE), lit(0.0))))
        .withColumn(STRENGTH, strength(t))
        .withColumn("tie_band", band(col(STRENGTH), t));
  }

  /** The component where the relationship has touches, else 0. */
  static Column orZero(Column touched, Column component) {
    return when(touched, component).otherwise(lit(0.0));
  }

  /** {@code min(1, ln(1 + touches) / ln(1 + cap))}. */
  static Column intensity(Column touches, double cap) {
    return least(lit(1.0), log1p(touches).divide(Math.log1p(cap)));
  }

  /** {@code min(out, in) / max(out, in)}, 0 when either side is 0. */
  static Column reciprocity(Column out, Column in) {
    return when(least(out, in).gt(0), least(out, in).divide(greatest(out, in))).otherwise(lit(0.0));
  }

  /** {@code 0.5 ^ (days from the last touch to the end of observation / half-life)}. */
  static Column recency(Column lastTouch, Column end, double halfLifeDays) {
    return pow(lit(0.5), Durations.days(lastTouch, end).divide(halfLifeDays));
  }

  /** {@code min(1, days from first to last touch / cap)}. */
  static Column duration(Column firstTouch, Column lastTouch, double capDays) {
    return least(lit(1.0), Durations.days(firstTouch, lastTouch).divide(capDays));
  }

  /** {@code min(1, distinct channels / cap)}. */
  static Column multiplexity(Column channels, double cap) {
    return least(lit(1.0), size(channels).divide(cap));
  }

  /** {@code 100 * sum(w_i * c_i) / sum(w_i)}, rounded to 0.1. */
  static Column strength(RelationshipParams.Tie t) {
    double total = t.wIntensity() + t.wReciprocity() + t.wRecency() + t.wDuration() + t.wMultiplexity() + t.wSocial();
    Column weighted = col(INTENSITY).multiply(t.wIntensity())
        .plus(col(RECIPROCITY).multiply(t.wReciprocity()))
        .plus(col(RECENCY).multiply(t.wRecency()))
        .plus(col(DURATION).multiply(t.wDuration()))
        .plus(col(MULTIPLEXITY).multiply(t.wMultiplexity()))
        .plus(col(SOCIAL).multiply(t.wSocial()));
    return round(weighted.multiply(100.0).divide(total), 1);
  }

  /** {@code weak} below the medium cut-off, {@code strong} from the strong cut-off, else {@code medium}. */
  static Column band(Column score, RelationshipParams.Tie t) {
    return when(score.lt(t.bandMedium()), lit("weak"))
        .when(score.geq(t.bandStrong()), lit("strong"))
        .otherwise(lit("medium"));
  }
}
