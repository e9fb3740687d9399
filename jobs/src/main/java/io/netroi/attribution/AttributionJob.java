package io.netroi.attribution;

import io.netroi.attribution.engine.Markov;
import io.netroi.attribution.engine.Shapley;
import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import io.netroi.relationships.RelationshipParams;
import io.netroi.relationships.RelationshipsJob.Stage;
import io.netroi.spark.Tables;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attribution stage (docs/attribution.md): journeys from the ingest tables, credit per outcome
 * under seven models, conservation checked, five tables written. I/O and orchestration only.
 */
public final class AttributionJob {
  private static final Logger LOG = LoggerFactory.getLogger(AttributionJob.class);
  /** Tables this stage writes, in order. */
  public static final List<String> TABLES = List.of("attribution", "attribution_summary", "touch_type_attribution",
      "introducer_value", "unattributed_outcomes");
  public static final String MARKOV = "markov";
  public static final String SHAPLEY = "shapley";
  /** The models of the attribution table, in the order reports show them. */
  public static final List<String> MODELS = List.of(HeuristicCredits.FIRST_TOUCH, HeuristicCredits.LAST_TOUCH,
      HeuristicCredits.LINEAR, HeuristicCredits.TIME_DECAY, HeuristicCredits.POSITION_BASED, MARKOV, SHAPLEY);

  /** The attribution settings of the configuration. */
  record Settings(int lookbackDays, String scope, double halfLifeDays, double first, double last) {
    static Settings from(NetroiConfig c) {
      String scope = c.get("netroi.attribution.scope").trim();
      if (!scope.equals(Journeys.TEAM) && !scope.equals(Journeys.OWNER)) {
        throw new ConfigException("netroi.attribution.scope must be team or owner, got '" + scope + "'");
      }
      Settings s = new Settings(c.getInt("netroi.attribution.lookback.days"), scope,
          c.getDouble("netroi.attribution.time.decay.half.life.days"), c.getDouble("netroi.attribution.position.first"),
          c.getDouble("netroi.attribution.position.last"));
      if (s.first() < 0 || s.last() < 0 || s.first() + s.last() > 1) {
        throw new ConfigException("netroi.attribution.position.first + .last must be within [0, 1]");
      }
      return s;
    }
  }

  private AttributionJob() {}

  public static void run(SparkSession spark, NetroiConfig config) {
    String out = config.get("netroi.out");
    RelationshipParams p = RelationshipParams.from(config);
    Settings s = Settings.from(config);
    Stage stage = Stage.open(spark, out, p);
    Dataset<Row> outcomes = Tables.read(spark, out, "outcomes");
    Dataset<Row> touchpoints = Touchpoints.of(stage.inputs().interactions(), stage.inputs().invitations(),
        stage.inputs().introductions(), stage.windows()).cache();
    Dataset<Row> journeys = Journeys.build(outcomes, touchpoints, stage.inputs().introductions(), stage.windows(),
        s.lookbackDays(), s.scope()).cache();
    Dataset<Row> credits = credits(journeys, touchpoints, outcomes, stage, s);
    Dataset<Row> attribution = AttributionTables.attribution(credits, p.fiscalStartMonth()).cache();
    Conservation.check(attribution, outcomes);
    Dataset<Row> unattributed = Journeys.unattributed(outcomes, journeys, touchpoints, stage.windows(), s.scope(),
        p.fiscalStartMonth());

    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("attribution", attribution);
    tables.put("attribution_summary", AttributionTables.summary(attribution, outcomes, unattributed,
        Tables.read(spark, out, "members"), p.orgName(), p.fiscalStartMonth()));
    tables.put("touch_type_attribution", AttributionTables.touchTypes(credits));
    tables.put("introducer_value", AttributionTables.introducerValue(attribution));
    tables.put("unattributed_outcomes", unattributed);
    Map<String, Long> counts = new LinkedHashMap<>();
    tables.forEach((name, df) -> {
      Tables.write(df, out, name);
      counts.put(name, Tables.read(spark, out, name).count());
    });
    LOG.info("attribution as of {} ({} scope) wrote {}", stage.asOf(), s.scope(), counts);
    attribution.unpersist();
    journeys.unpersist();
    touchpoints.unpersist();
    stage.windows().unpersist();
  }

  /** Per journey touch and model its credit: five heuristic models, then Markov and Shapley weights. */
  static Dataset<Row> credits(Dataset<Row> journeys, Dataset<Row> touchpoints, Dataset<Row> outcomes, Stage stage,
      Settings s) {
    Dataset<Row> heuristic = HeuristicCredits.credit(journeys, s.halfLifeDays(), s.first(), s.last());
    Dataset<Row> nonConverting = Journeys.nonConverting(touchpoints, stage.inputs().introductions(), stage.windows(),
        outcomes, stage.asOf(), s.lookbackDays());
    Map<String, Double> removal = markovWeights(Journeys.transitions(journeys, nonConverting));
    Map<String, Double> shapley = shapleyWeights(Journeys.typeSets(journeys));
    LOG.info("attribution weights: markov removal effects {}, shapley values {}", removal, shapley);
    return heuristic.unionByName(DataDrivenCredits.credit(journeys, removal, MARKOV))
        .unionByName(DataDrivenCredits.credit(journeys, shapley, SHAPLEY));
  }

  /** Removal effects of the exact first-order chain, from the (small) collected transition counts. */
  static Map<String, Double> markovWeights(Dataset<Row> transitions) {
    List<Markov.Transition> list = transitions.collectAsList().stream()
        .map(r -> new Markov.Transition(r.getAs("from"), r.getAs("to"), ((Number) r.getAs("count")).doubleValue()))
        .toList();
    return list.isEmpty() ? Map.of() : Markov.attribute(list).removalEffects();
  }

  /** Shapley values over touch types of v(S) = conversions of journeys whose type set lies in S. */
  static Map<String, Double> shapleyWeights(Dataset<Row> typeSets) {
    Map<Set<String>, Double> worth = new LinkedHashMap<>();
    for (Row r : typeSets.collectAsList()) {
      Set<String> types = new HashSet<>(r.<String>getList(r.fieldIndex("types")));
      worth.merge(types, ((Number) r.getAs("conversions")).doubleValue(), Double::sum);
    }
    return Shapley.values(worth);
  }
}
