package io.netroi.attribution.engine;

import static io.netroi.attribution.engine.PathTable.CONVERSIONS;
import static io.netroi.attribution.engine.PathTable.NULLS;
import static io.netroi.attribution.engine.PathTable.PATH;
import static io.netroi.attribution.engine.PathTable.VALUE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.netroi.spark.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel x model attribution of a path table (docs/attribution.md "Path attribution"): heuristics
 * computed in Spark per touch occurrence; Markov and Shapley from small aggregates (transition
 * counts, worth per distinct channel set) solved on the driver. Every model's conversions and value
 * sum to the table's totals, or the run fails.
 */
public final class PathAttribution {
  public static final String TABLE = "path_attribution";
  public static final List<String> MODELS =
      List.of("first_touch", "last_touch", "linear", "position_based", "markov", "shapley");
  static final StructType SCHEMA = new StructType().add("channel", DataTypes.StringType)
      .add("model", DataTypes.StringType).add("conversions", DataTypes.DoubleType)
      .add("value", DataTypes.DoubleType);
  private static final double TOLERANCE = 1e-6;
  private static final Logger LOG = LoggerFactory.getLogger(PathAttribution.class);

  private PathAttribution() {}

  /** Reads the path table at {@code pathsUri} and writes {@code path_attribution} under {@code outDir}. */
  public static void run(SparkSession spark, String pathsUri, String outDir) {
    Tables.write(attribute(PathTable.read(spark, pathsUri)), outDir, TABLE);
  }

  /** Rows (channel, model, conversions, value) for every model, checked to conserve the totals. */
  public static Dataset<Row> attribute(Dataset<Row> paths) {
    Dataset<Row> journeys = journeys(PathTable.normalise(paths, "input")).cache();
    try {
      checkJourneys(journeys);
      Dataset<Row> out = heuristics(journeys).unionByName(dataDriven(journeys)).orderBy("model", "channel");
      checkConservation(out, totals(journeys));
      return out;
    } finally {
      journeys.unpersist();
    }
  }

  /** Paths split into a trimmed channel array; rows with neither conversions nor nulls dropped. */
  static Dataset<Row> journeys(Dataset<Row> paths) {
    return paths
        .withColumn("channels", expr("transform(split(" + PATH + ", '>'), c -> trim(c))"))
        .withColumn("n", expr("size(channels)"))
        .filter(col(CONVERSIONS).notEqual(0).or(col(VALUE).notEqual(0)).or(col(NULLS).notEqual(0)));
  }

  /** Fails on a missing or empty channel name, or negative counts, naming an example path. */
  static void checkJourneys(Dataset<Row> journeys) {
    Dataset<Row> bad = journeys.filter(col(PATH).isNull()
        .or(expr("exists(channels, c -> c = '')"))
        .or(col(CONVERSIONS).lt(0)).or(col(VALUE).lt(0)).or(col(NULLS).lt(0)));
    List<Row> examples = bad.select(PATH, CONVERSIONS, VALUE, NULLS).limit(3).collectAsList();
    if (!examples.isEmpty()) {
      throw new IllegalArgumentException("path table has " + bad.count() + " invalid row(s) (null path, empty "
          + "channel name, or negative count), e.g. " + examples);
    }
  }

  /** first_touch, last_touch, linear and position_based: per-occurrence weights, summed per channel. */
  static Dataset<Row> heuristics(Dataset<Row> journeys) {
    Dataset<Row> touches = journeys.selectExpr("posexplode(channels) as (pos, channel)", "n", CONVERSIONS, VALUE);
    Dataset<Row> weighted = touches
        .withColumn("w_first", when(col("pos").equalTo(0), 1.0).otherwise(0.0))
        .withColumn("w_last", when(col("pos").equalTo(col("n").minus(1)), 1.0).otherwise(0.0))
        .withColumn("w_linear", lit(1.0).divide(col("n")))
        .withColumn("w_position", positionWeight());
    Dataset<Row> long_ = weighted.selectExpr("channel", CONVERSIONS, VALUE,
        "stack(4, 'first_touch', w_first, 'last_touch', w_last, 'linear', w_linear, "
            + "'position_based', w_position) as (model, weight)");
    return long_.groupBy("channel", "model")
        .agg(sum(col(CONVERSIONS).multiply(col("weight"))).as("conversions"),
            sum(col(VALUE).multiply(col("weight"))).as("value"))
        .select("channel", "model", "conversions", "value");
  }

  /** 40/20/40: one touch 1, two touches 1/2 each, else 0.4 to first and last, 0.2 shared in between. */
  private static org.apache.spark.sql.Column positionWeight() {
    org.apache.spark.sql.Column n = col("n");
    org.apache.spark.sql.Column pos = col("pos");
    return when(n.equalTo(1), 1.0)
        .when(n.equalTo(2), 0.5)
        .when(pos.equalTo(0).or(pos.equalTo(n.minus(1))), 0.4)
        .otherwise(lit(0.2).divide(n.minus(2)));
  }

  /** markov and shapley rows, computed on the driver from aggregates collected from Spark. */
  static Dataset<Row> dataDriven(Dataset<Row> journeys) {
    double[] totals = totals(journeys);
    Set<String> channels = channels(journeys);
    Markov.Result markov = Markov.attribute(transitions(journeys));
    if (!markov.note().isEmpty()) {
      LOG.warn("markov: {}", markov.note());
    }
    List<Row> rows = new ArrayList<>();
    for (String c : channels) {
      double share = markov.shares().getOrDefault(c, 0.0);
      rows.add(RowFactory.create(c, "markov", totals[0] * share, totals[1] * share));
    }
    Map<Set<String>, Double> convWorth = new HashMap<>();
    Map<Set<String>, Double> valueWorth = new HashMap<>();
    collectWorths(journeys, convWorth, valueWorth);
    Map<String, Double> phiConv = Shapley.values(convWorth);
    Map<String, Double> phiValue = Shapley.values(valueWorth);
    for (String c : channels) {
      rows.add(RowFactory.create(c, "shapley", phiConv.getOrDefault(c, 0.0), phiValue.getOrDefault(c, 0.0)));
    }
    return journeys.sparkSession().createDataFrame(rows, SCHEMA);
  }

  /** Every channel named in the journeys, sorted. */
  static Set<String> channels(Dataset<Row> journeys) {
    Set<String> out = new TreeSet<>();
    journeys.selectExpr("explode(channels) as channel").distinct().collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /**
   * Transition counts: each path walked (start) > channels > (conversion) total_conversions times and
   * (start) > channels > (null) total_null times, every consecutive pair counted as it occurs.
   */
  static List<Markov.Transition> transitions(Dataset<Row> journeys) {
    Dataset<Row> walks = journeys.selectExpr("channels",
        "stack(2, '" + Markov.CONVERSION + "', " + CONVERSIONS + ", '" + Markov.NULL + "', " + NULLS
            + ") as (terminal, walks)")
        .filter(col("walks").gt(0))
        .selectExpr("concat(array('" + Markov.START + "'), channels, array(terminal)) as states", "walks");
    Dataset<Row> pairs = walks.selectExpr("posexplode(slice(states, 1, size(states) - 1)) as (pos, from_state)",
            "states", "walks")
        .selectExpr("from_state", "element_at(states, pos + 2) as to_state", "walks");
    List<Markov.Transition> out = new ArrayList<>();
    pairs.groupBy("from_state", "to_state").agg(sum("walks").as("count")).collectAsList()
        .forEach(r -> out.add(new Markov.Transition(r.getString(0), r.getString(1), r.getDouble(2))));
    return out;
  }

  /** Conversions and value per distinct channel set of the converting paths. */
  static void collectWorths(Dataset<Row> journeys, Map<Set<String>, Double> conversions,
      Map<Set<String>, Double> value) {
    journeys.filter(col(CONVERSIONS).notEqual(0).or(col(VALUE).notEqual(0)))
        .selectExpr("array_sort(array_distinct(channels)) as types", CONVERSIONS, VALUE)
        .groupBy("types").agg(sum(CONVERSIONS), sum(VALUE)).collectAsList()
        .forEach(r -> {
          Set<String> types = new LinkedHashSet<>(r.getList(0));
          conversions.put(types, r.getDouble(1));
          value.put(types, r.getDouble(2));
        });
  }

  /** The table's total conversions and value. */
  static double[] totals(Dataset<Row> journeys) {
    Row r = journeys.agg(sum(CONVERSIONS), sum(VALUE)).first();
    return new double[] {r.isNullAt(0) ? 0 : r.getDouble(0), r.isNullAt(1) ? 0 : r.getDouble(1)};
  }

  /** Fails unless each model's conversions and value sum to the table's totals. */
  static void checkConservation(Dataset<Row> out, double[] totals) {
    Map<String, double[]> byModel = new HashMap<>();
    out.groupBy("model").agg(sum("conversions"), sum("value")).collectAsList()
        .forEach(r -> byModel.put(r.getString(0), new double[] {r.getDouble(1), r.getDouble(2)}));
    for (String model : MODELS) {
      double[] got = byModel.getOrDefault(model, new double[] {0, 0});
      conserve(model, "conversions", got[0], totals[0]);
      conserve(model, "value", got[1], totals[1]);
    }
  }

  private static void conserve(String model, String what, double got, double want) {
    if (Math.abs(got - want) > TOLERANCE * Math.max(1.0, Math.abs(want))) {
      throw new IllegalStateException("path attribution does not conserve " + what + " under " + model
          + ": credited " + got + ", table total " + want
          + (want != 0 && got == 0 ? " (value or conversions without any converting path?)" : ""));
    }
  }
}
