package io.netroi.identity;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.netroi.config.NetroiConfig;
import io.netroi.spark.Joins;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity resolution: which records describe the same person. A contact is a connected
 * component over identifiers, each record a hyperedge joining the identifiers it carries; see
 * docs/identity.md for the rules and their reasons.
 *
 * <p>Input ({@link #INPUT_COLUMNS}, values already normalised with {@link Identifiers}, all
 * strings, nullable): {@code record_id} (unique per source record and role), {@code scope} (the
 * member export the record comes from, or e.g. {@code crm}), {@code url}, {@code email},
 * {@code name}, {@code company}, and optionally {@code records} (long: how many source records this
 * row stands for, when the caller has already folded identical records of one scope into one row
 * with a record_id of its own; 1 when absent). Identifiers, strongest first:
 * {@code url:<url>} (rank 0), {@code email:<email>} (1), {@code name_company:<name>|<company>}
 * (2), {@code scoped_name:<scope>|<name>} (3).
 *
 * <p>Steps: (1) identifiers that co-occur with two profile URLs (or, for a scoped name, two
 * emails) are ambiguous and link nothing; (2) components over the remaining identifiers; (3) a
 * component holding two or more URLs is recomputed without its scoped names, then without its
 * name + company, then without its emails, until no component holds two URLs; (4) the contact
 * key is the HMAC of the component's strongest identifier (smallest rank, then value).
 */
public final class ContactResolver {
  private ContactResolver() {}

  private static final Logger LOG = LoggerFactory.getLogger(ContactResolver.class);

  public static final String MAX_COMPONENT_IDENTIFIERS = "netroi.identity.max.component.identifiers";
  public static final int MAX_ITERATIONS = 50;
  public static final List<String> INPUT_COLUMNS =
      List.of("record_id", "scope", "url", "email", "name", "company");
  /** The optional input column: source records a row stands for. */
  public static final String RECORDS = "records";
  /** What makes two records the same hyperedge: every input column but record_id. */
  private static final List<String> TUPLE_COLUMNS = INPUT_COLUMNS.subList(1, INPUT_COLUMNS.size());
  /** Identifier types; the index is the rank (0 strongest). */
  public static final List<String> TYPES = List.of("url", "email", "name_company", "scoped_name");
  private static final int WEAKEST_RANK = TYPES.size() - 1;
  private static final int MAX_GIANT_SIZES_REPORTED = 20;

  /** Resolves with the giant-component threshold from {@link #MAX_COMPONENT_IDENTIFIERS}. */
  public static Resolution resolve(Dataset<Row> occurrences, byte[] key, NetroiConfig config) {
    return resolve(occurrences, key, config.getInt(MAX_COMPONENT_IDENTIFIERS));
  }

  /**
   * Resolves contacts. Runs Spark jobs (the component iterations need them) and returns
   * locally checkpointed keys, so reading {@link Resolution#keys()} recomputes nothing.
   *
   * @param maxComponentIdentifiers contacts with more identifiers are reported as a warning
   */
  public static Resolution resolve(Dataset<Row> occurrences, byte[] key, int maxComponentIdentifiers) {
    ConnectedComponents.requireColumns(occurrences, INPUT_COLUMNS.toArray(String[]::new));
    Dataset<Row> clean = occurrences.transform(ContactResolver::withBlankAsNull).localCheckpoint();
    // Records that carry the same identifiers in the same scope are the same hyperedge: each
    // distinct one is resolved once (as a record whose record_id is its tuple id) and the keys are
    // given back to all its records at the end. The same person recurs in many message rows.
    Dataset<Row> tuples = distinctTuples(clean).localCheckpoint();
    Dataset<Row> incidences = tuples.transform(ContactResolver::explodeIdentifiers).localCheckpoint();
    Dataset<Row> numbered = numberIdentifiers(incidences, ambiguousIdentifiers(tuples)).localCheckpoint();
    Dataset<Row> records = collectRecords(incidences, numbered).localCheckpoint();

    // Rounds: all records with every type, then only the records of components that hold two
    // URLs, each time with the weakest remaining type withdrawn.
    Dataset<Row> active = records.withColumn("max_rank", lit(WEAKEST_RANK));
    Dataset<Row> settledRecords = null;
    Dataset<Row> settledNodes = null;
    long splitComponents = 0;
    for (int maxRank = WEAKEST_RANK; ; maxRank--) {
      Round round = round(active);
      long conflicts = round.conflictedRoots.count();
      if (maxRank == WEAKEST_RANK) {
        splitComponents = conflicts;
      }
      Dataset<Row> doneRecords = round.recordRoots;
      Dataset<Row> doneNodes = round.nodeRoots;
      if (conflicts > 0) {
        Column conflicted = col("root").equalTo(col("conflicted_root"));
        doneRecords = doneRecords.join(round.conflictedRoots, conflicted, "left_anti");
        doneNodes = doneNodes.join(round.conflictedRoots, conflicted, "left_anti");
      }
      settledRecords = settledRecords == null ? doneRecords : settledRecords.unionByName(doneRecords);
      settledNodes = settledNodes == null ? doneNodes : settledNodes.unionByName(doneNodes);
      if (conflicts == 0) {
        break;
      }
      if (maxRank == 0) {
        throw new IllegalStateException("identity: components still hold two URLs with URL links "
            + "only; is record_id unique per record?");
      }
      LOG.info("identity: {} component(s) hold two or more profile URLs; recomputing them without "
          + "{} links", conflicts, TYPES.get(maxRank));
      active = round.recordRoots
          .join(round.conflictedRoots, col("root").equalTo(col("conflicted_root")), "left_semi")
          .select(col("record_id"), col("ids"), lit(maxRank - 1).as("max_rank"));
    }
    settledRecords = settledRecords.localCheckpoint();

    Dataset<Row> sizes = settledNodes.groupBy("root").agg(count(lit(1)).as("component_size"));
    Dataset<Row> finalRecords = settledRecords
        .withColumn("is_own", col("root").isNull())
        .withColumn("basis_id", coalesce(col("root"), element_at(col("ids"), 1).getField("id")));
    Dataset<Row> bases = finalRecords.select("basis_id", "is_own").distinct()
        .join(sizes, col("basis_id").equalTo(col("root")), "left")
        .join(numbered, col("basis_id").equalTo(col("id")))
        .select(col("basis_id"), col("identifier"),
            element_at(typeNames(), col("rank").plus(1)).as("key_basis"),
            when(col("is_own"), lit(1L)).otherwise(col("component_size")).as("component_size"));
    bases = Pseudonyms.withHmac(bases, key, col("identifier"), "contact_key").drop("identifier")
        .localCheckpoint();
    Dataset<Row> tupleKeys = finalRecords.join(bases, "basis_id")
        .select(col("record_id").as("tuple_id"), col("contact_key"), col("key_basis"), col("component_size"))
        .localCheckpoint();
    Dataset<Row> keys = recordKeys(clean, tuples, tupleKeys).localCheckpoint();

    Dataset<Row> recordIdentifiers = finalRecords
        .select(col("record_id"), col("max_rank"), explode(col("ids")).as("x"))
        .select(col("record_id"), col("x.id").as("id"),
            not(col("x.is_ambiguous")).and(col("x.rank").leq(col("max_rank"))).as("is_linking"));
    Dataset<Row> identifierKeys = recordIdentifiers
        .join(tupleKeys.select(col("tuple_id").as("record_id"), col("contact_key")), "record_id")
        .join(numbered.select("id", "identifier"), "id")
        .select("identifier", "contact_key", "is_linking")
        .distinct()
        .localCheckpoint(); // read by erasure flags, colleague flags and the identity map: computed once

    ResolutionStats stats = stats(clean, settledRecords.join(tuples.select("record_id", "records"), "record_id"),
        numbered, bases, splitComponents,
        maxComponentIdentifiers);
    LOG.info("identity: {}", stats.asMap());
    if (stats.giantComponents() > 0) {
      LOG.warn("identity: {} contact(s) hold more than {} identifiers (largest: {}); such giant "
          + "components usually come from a shared identifier (a team mailbox, a placeholder URL, "
          + "a common name at a large company) and should be checked",
          stats.giantComponents(), maxComponentIdentifiers, stats.giantComponentSizes());
    }
    return new Resolution(keys, identifierKeys, stats);
  }

  // ---------------------------------------------------------------------- transformations

  /**
   * Blank identifier values (and blank scopes) become null: they identify nobody. Adds
   * {@link #RECORDS} (1 where absent or null).
   */
  static Dataset<Row> withBlankAsNull(Dataset<Row> occurrences) {
    Column records = Arrays.asList(occurrences.columns()).contains(RECORDS)
        ? coalesce(col(RECORDS).cast(DataTypes.LongType), lit(1L)) : lit(1L);
    Dataset<Row> out = occurrences.select(Stream.concat(
        INPUT_COLUMNS.stream().map(c -> col(c).cast(DataTypes.StringType).as(c)),
        Stream.of(records.as(RECORDS))).toArray(Column[]::new));
    for (String c : INPUT_COLUMNS.subList(1, INPUT_COLUMNS.size())) {
      out = out.withColumn(c, when(trim(col(c)).notEqual(""), col(c)));
    }
    return out.filter(col("record_id").isNotNull());
  }

  /** The input's columns but record_id, once per distinct combination: record_id (a long tuple id), records. */
  static Dataset<Row> distinctTuples(Dataset<Row> clean) {
    return clean.groupBy(TUPLE_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(sum(col(RECORDS)).as(RECORDS))
        .withColumn("record_id", monotonically_increasing_id());
  }

  /** Each input record with the key of its tuple (null-safe equality: null identifiers are part of the tuple). */
  static Dataset<Row> recordKeys(Dataset<Row> clean, Dataset<Row> tuples, Dataset<Row> tupleKeys) {
    Dataset<Row> keyed = tuples.join(tupleKeys, col("record_id").equalTo(col("tuple_id")))
        .select(Stream.concat(TUPLE_COLUMNS.stream().map(c -> col(c).as("t_" + c)),
            Stream.of(col("contact_key"), col("key_basis"), col("component_size"))).toArray(Column[]::new));
    Column same = TUPLE_COLUMNS.stream().map(c -> col(c).eqNullSafe(col("t_" + c))).reduce(Column::and).orElseThrow();
    return Joins.withSmallSide(clean.select(INPUT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new)),
            keyed, same, "inner")
        .select("record_id", "contact_key", "key_basis", "component_size");
  }

  /**
   * One row per record and identifier: {@code record_id}, {@code rank}, {@code identifier}
   * ({@code <type>:<value>}). Name + company needs both; the scoped name needs a scope.
   */
  static Dataset<Row> explodeIdentifiers(Dataset<Row> clean) {
    Column url = col("url");
    Column email = col("email");
    Column name = col("name");
    Column company = col("company");
    Column scope = col("scope");
    Column candidates = array(
        identifier(url.isNotNull(), 0, concat(lit("url:"), url)),
        identifier(email.isNotNull(), 1, concat(lit("email:"), email)),
        identifier(name.isNotNull().and(company.isNotNull()), 2,
            concat(lit("name_company:"), name, lit("|"), company)),
        identifier(name.isNotNull().and(scope.isNotNull()), 3,
            concat(lit("scoped_name:"), scope, lit("|"), name)));
    return clean.select(col("record_id"), explode(candidates).as("i"))
        .filter(col("i").isNotNull())
        .select(col("record_id"), col("i.rank").as("rank"), col("i.identifier").as("identifier"))
        .distinct();
  }

  private static Column identifier(Column present, int rank, Column identifier) {
    return when(present, struct(lit(rank).as("rank"), identifier.as("identifier")));
  }

  /**
   * {@code identifier} of every ambiguous identifier, decided on the records before any linking:
   * a scoped name whose records (in its scope) carry 2+ distinct URLs or 2+ distinct emails; a
   * name + company whose records carry 2+ distinct URLs; an email whose records carry 2+
   * distinct URLs.
   */
  static Dataset<Row> ambiguousIdentifiers(Dataset<Row> clean) {
    Dataset<Row> scopedNames = clean.filter(col("name").isNotNull().and(col("scope").isNotNull()))
        .groupBy("scope", "name")
        .agg(twoDistinct("url").or(twoDistinct("email")).as("is_ambiguous"))
        .filter(col("is_ambiguous"))
        .select(concat(lit("scoped_name:"), col("scope"), lit("|"), col("name")).as("identifier"));
    Dataset<Row> nameCompanies = clean.filter(col("name").isNotNull().and(col("company").isNotNull()))
        .groupBy("name", "company")
        .agg(twoDistinct("url").as("is_ambiguous"))
        .filter(col("is_ambiguous"))
        .select(concat(lit("name_company:"), col("name"), lit("|"), col("company")).as("identifier"));
    Dataset<Row> emails = clean.filter(col("email").isNotNull())
        .groupBy("email")
        .agg(twoDistinct("url").as("is_ambiguous"))
        .filter(col("is_ambiguous"))
        .select(concat(lit("email:"), col("email")).as("identifier"));
    return scopedNames.union(nameCompanies).union(emails);
  }

  /** Within a group: at least two distinct non-null values (min differs from max). */
  private static Column twoDistinct(String column) {
    return coalesce(min(column).notEqual(max(column)), lit(false));
  }

  /**
   * Distinct identifiers with a long {@code id} whose order is the strength order (rank, then
   * value), so the smallest id of a component is its key basis: {@code id}, {@code rank},
   * {@code identifier}, {@code is_ambiguous}. The ids come from a global sort followed by
   * {@code monotonically_increasing_id}, which is increasing across sorted partitions; the
   * caller checkpoints the result so they are computed once.
   */
  static Dataset<Row> numberIdentifiers(Dataset<Row> incidences, Dataset<Row> ambiguous) {
    return incidences.select("rank", "identifier").distinct()
        .join(ambiguous.withColumn("is_ambiguous", lit(true)), new String[] {"identifier"}, "left")
        .withColumn("is_ambiguous", coalesce(col("is_ambiguous"), lit(false)))
        .orderBy("rank", "identifier")
        .withColumn("id", monotonically_increasing_id())
        .select("id", "rank", "identifier", "is_ambiguous");
  }

  /** {@code record_id}, {@code ids}: the record's identifiers as structs (id, rank, is_ambiguous) sorted by id. */
  static Dataset<Row> collectRecords(Dataset<Row> incidences, Dataset<Row> numbered) {
    return incidences.join(numbered, new String[] {"identifier", "rank"}, "inner")
        .groupBy("record_id")
        .agg(array_sort(collect_list(struct(col("id"), col("rank"), col("is_ambiguous")))).as("ids"));
  }

  /** {@code linking}: the record's identifiers that may link at its {@code max_rank}; {@code hub}: the strongest of them. */
  static Dataset<Row> withLinking(Dataset<Row> records) {
    return records
        .withColumn("linking", expr("filter(ids, x -> NOT x.is_ambiguous AND x.rank <= max_rank)"))
        .withColumn("hub", when(size(col("linking")).gt(0), element_at(col("linking"), 1).getField("id")));
  }

  /** Star edges {@code src} (the record's hub) to {@code dst} (each other linking identifier), distinct. */
  static Dataset<Row> starEdges(Dataset<Row> withLinking) {
    return withLinking.filter(size(col("linking")).geq(2))
        .select(col("hub").as("src"), explode(col("linking")).as("x"))
        .select(col("src"), col("x.id").as("dst"))
        .filter(col("src").notEqual(col("dst")))
        .distinct();
  }

  private record Round(Dataset<Row> recordRoots, Dataset<Row> nodeRoots, Dataset<Row> conflictedRoots) {}

  /**
   * Components of the active records: {@code recordRoots} (record_id, ids, max_rank, root; root
   * null for a record with no linking identifier), {@code nodeRoots} (id, rank, root) and the
   * roots of components holding 2+ URLs ({@code conflicted_root}).
   */
  private static Round round(Dataset<Row> active) {
    Dataset<Row> linked = active.transform(ContactResolver::withLinking).localCheckpoint();
    Dataset<Row> labels = ConnectedComponents.of(linked.transform(ContactResolver::starEdges), MAX_ITERATIONS);
    Dataset<Row> nodeRoots = linked.select(explode(col("linking")).as("x"))
        .select(col("x.id").as("id"), col("x.rank").as("rank"))
        .distinct()
        .join(labels, col("id").equalTo(col("node")), "left")
        .select(col("id"), col("rank"), coalesce(col("root"), col("id")).as("root"))
        .localCheckpoint();
    Dataset<Row> conflicted = nodeRoots.filter(col("rank").equalTo(0))
        .groupBy("root").agg(count(lit(1)).as("urls"))
        .filter(col("urls").geq(2))
        .select(col("root").as("conflicted_root"));
    Dataset<Row> recordRoots = linked
        .join(nodeRoots.select(col("id").as("hub"), col("root")), new String[] {"hub"}, "left")
        .select("record_id", "ids", "max_rank", "root");
    return new Round(recordRoots, nodeRoots, conflicted);
  }

  private static Column typeNames() {
    return array(TYPES.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
  }

  // --------------------------------------------------------------------------------- stats

  private static ResolutionStats stats(Dataset<Row> clean, Dataset<Row> settledRecords,
      Dataset<Row> numbered, Dataset<Row> bases, long splitComponents, int threshold) {
    Row input = clean.agg(sum(col(RECORDS))).first();
    long inputRecords = input.isNullAt(0) ? 0 : input.getLong(0);
    Row links = settledRecords.agg(
            sum(col("records")),
            sum(size(expr("filter(ids, x -> x.is_ambiguous)")).multiply(col("records"))),
            sum(size(expr("filter(ids, x -> NOT x.is_ambiguous AND x.rank > max_rank)")).multiply(col("records"))))
        .first();
    long identifiers = 0;
    Map<String, Long> ambiguous = new HashMap<>();
    for (String type : TYPES.subList(1, TYPES.size())) {
      ambiguous.put(type, 0L);
    }
    for (Row r : numbered.groupBy("rank", "is_ambiguous").count().collectAsList()) {
      identifiers += r.getLong(2);
      if (r.getBoolean(1)) {
        ambiguous.put(TYPES.get(r.getInt(0)), r.getLong(2));
      }
    }
    Row comp = bases.agg(count(lit(1)), max("component_size"),
            sum(when(col("component_size").gt(threshold), 1L).otherwise(0L)))
        .first();
    long giant = comp.isNullAt(2) ? 0 : comp.getLong(2);
    List<Long> giantSizes = giant == 0 ? List.of() : bases.filter(col("component_size").gt(threshold))
        .select("component_size").orderBy(col("component_size").desc())
        .limit(MAX_GIANT_SIZES_REPORTED)
        .collectAsList().stream().map(r -> r.getLong(0)).toList();
    long records = links.isNullAt(0) ? 0 : links.getLong(0);
    return new ResolutionStats(
        records,
        inputRecords - records,
        identifiers,
        comp.getLong(0),
        ambiguous,
        links.isNullAt(1) ? 0 : links.getLong(1),
        links.isNullAt(2) ? 0 : links.getLong(2),
        splitComponents,
        comp.isNullAt(1) ? 0 : comp.getLong(1),
        threshold,
        giant,
        giantSizes);
  }
}
