package io.netroi.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import io.netroi.config.NetroiConfig;
import io.netroi.identity.ContactResolver;
import io.netroi.identity.IdentityMap;
import io.netroi.identity.KeySource;
import io.netroi.identity.Resolution;
import io.netroi.ingest.connections.Connections;
import io.netroi.ingest.costs.Costs;
import io.netroi.ingest.files.ExportCatalog;
import io.netroi.ingest.files.ExportSource;
import io.netroi.ingest.files.FileKind;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.interactions.GenericInteractions;
import io.netroi.ingest.introductions.Introductions;
import io.netroi.ingest.invitations.Invitations;
import io.netroi.ingest.messages.MemberMessages;
import io.netroi.ingest.outcomes.FxRates;
import io.netroi.ingest.outcomes.OutcomeReader;
import io.netroi.ingest.outcomes.Outcomes;
import io.netroi.ingest.roster.Roster;
import io.netroi.ingest.text.Lexicon;
import io.netroi.io.InputFiles;
import io.netroi.publish.Publication;
import io.netroi.publish.RunIds;
import io.netroi.spark.Sparks;
import io.netroi.spark.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: reads every input once and writes the pseudonymised tables. I/O lives here;
 * each transformation is a pure function in its own package.
 */
public final class IngestJob {
  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
  /** Tables this stage writes, in order. */
  public static final List<String> TABLES = List.of("members", "contacts", "connections", "interactions",
      "invitations", "introductions", "outcomes", "costs", "rejects", "data_quality", "run_manifest");

  private IngestJob() {}

  public static void run(SparkSession spark, NetroiConfig given) {
    RunClock clock = new RunClock();
    NetroiConfig config = given.find(RunIds.KEY).isPresent() ? given
        : given.with(RunIds.KEY, java.util.UUID.randomUUID().toString());
    String outDir = config.get("netroi.out");
    InputFiles input = new InputFiles(new Path(config.get("netroi.input")), spark.sparkContext().hadoopConfiguration());
    byte[] key = KeySource.load(config, Sparks.isLocal(spark));
    Lexicon lexicon = Lexicon.load(config.get("netroi.lexicon.version"));

    Erasures.Loaded erasures = Erasures.read(input);
    Roster.Result roster = Roster.read(input).erase(erasures.members());
    List<Problem> driverLedger = new ArrayList<>(roster.problems());
    roster.consenting().forEach(m -> driverLedger.add(new Problem(m.memberId(), Roster.FILE, m.rowNumber(), null)));
    List<RawRecords.Unit> units = new ArrayList<>();
    for (Roster.Member m : roster.consenting()) {
      List<ExportSource> found = ExportCatalog.sources(input.fs(), input.root(), m.memberId());
      if (found.isEmpty()) {
        driverLedger.add(new Problem(m.memberId(), "exports/" + m.memberId(), 0, "rejected:missing_export"));
      }
      units.add(new RawRecords.Unit(new MemberMessages.Member(m.memberId(), m.timezone(), m.profileUrl()), found));
    }
    for (String f : input.csvFilesIn("interactions")) {
      units.add(new RawRecords.Unit(null,
          List.of(new ExportSource(null, f, null, input.resolve(f).toUri().toString(), f, false))));
    }
    FxRates.Loaded fx = FxRates.read(input, config.get("netroi.reporting.currency"));
    driverLedger.addAll(fx.ledger());
    Costs.Loaded costs = Costs.read(input, roster.members(), roster.erased());
    driverLedger.addAll(costs.ledger());
    driverLedger.addAll(erasures.ledger());
    Outcomes.Read outcomeFiles = Outcomes.read(input,
        new OutcomeReader.Context(roster.members(), fx.rates(), Outcomes.wonStages(config), roster.erased()), config);
    clock.lap("read_driver_inputs");

    // Cached in Spark's columnar form, whose per-batch statistics let each kind's filter below skip
    // the batches of other kinds (a file's records are adjacent), so splitting by kind reads the
    // raw records about once; everything parse derives is checkpointed, so the cache goes after it.
    Dataset<Row> raw = RawRecords.read(spark, units, lexicon, config.getInt("netroi.messages.large.group.participants"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> files = raw.where(col("record_type").equalTo(RawRecord.FILE)).localCheckpoint();
    Dataset<Row> members = membersFrame(spark, roster.consenting());
    Parsed parsed = parse(raw, members, lexicon);
    raw.unpersist();
    Dataset<Row> outcomes = Outcomes.toDataFrame(spark, outcomeFiles.rows());
    clock.lap("parse");

    Dataset<Row> occurrences = Occurrences.ofRows(parsed.connections)
        .unionByName(Occurrences.ofMessageTuples(parsed.messageTuples))
        .unionByName(Occurrences.ofRows(parsed.invitations))
        .unionByName(Occurrences.ofRows(parsed.generic))
        .unionByName(Occurrences.ofOutcomes(outcomes));
    Resolution resolution = ContactResolver.resolve(occurrences, key, config);
    Dataset<Row> keys = resolution.keys();
    Dataset<Row> special = SpecialPeople.of(spark, resolution.identifierKeys(), erasures.identifiers(),
        parsed.identity).localCheckpoint(); // small, and joined to every keyed table
    clock.lap("identity");

    IngestTables tables = IngestTables.build(parsed, outcomes, keys, special, key, config);
    Dataset<Row> ledger = tables.ledger.unionByName(Ledger.fromProblems(spark, driverLedger))
        .unionByName(Ledger.of(fileLevelProblems(files)))
        .localCheckpoint();

    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    out.put("members", MembersTable.build(spark, roster, parsed.identity, files, tables.observedUntil));
    out.put("contacts", tables.contacts);
    out.put("connections", tables.connections);
    out.put("interactions", tables.interactions);
    out.put("invitations", tables.invitations);
    out.put("introductions", tables.introductions);
    out.put("outcomes", tables.outcomes);
    out.put("costs", Costs.toDataFrame(spark, costs.rows()));
    out.put("rejects", Ledger.rejects(ledger));
    out.put("data_quality", Ledger.dataQuality(ledger));
    Map<String, Long> rowCounts = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : out.entrySet()) {
      Tables.write(e.getValue(), outDir, e.getKey());
      rowCounts.put(e.getKey(), Tables.read(spark, outDir, e.getKey()).count());
      clock.lap("write_" + e.getKey());
    }
    writeIdentityMap(spark, config, resolution, key);
    Dataset<Row> manifest = RunManifest.build(spark, config, files, outcomeFiles, input, resolution.stats().asMap(),
        rowCounts, clock);
    Tables.write(manifest, outDir, "run_manifest");
    LOG.info("ingest wrote {} tables to {}: {}", out.size() + 1, Tables.path(outDir, ""), rowCounts);
  }

  /** The private identifier-to-key map of this run, for erase ({@link IdentityMap}). */
  private static void writeIdentityMap(SparkSession spark, NetroiConfig config, Resolution resolution, byte[] key) {
    String location = IdentityMap.location(config, Sparks.isLocal(spark), Publication.outputRoot(config),
        config.get(RunIds.KEY));
    IdentityMap.write(IdentityMap.of(resolution.identifierKeys(), key), location);
    LOG.info("identity map for erasure written beside the key");
  }

  /** The parsed (not yet keyed) inputs. */
  static final class Parsed {
    Dataset<Row> identity;
    Dataset<Row> connections;
    Dataset<Row> messages;
    /** {@link Occurrences#explodeMessageContacts} of {@link #messages}. */
    Dataset<Row> messageContacts;
    /** {@link Occurrences#messageTuples}: what the resolver sees of the message contacts. */
    Dataset<Row> messageTuples;
    Dataset<Row> invitations;
    Dataset<Row> generic;
    Dataset<Row> profiles;
  }

  /**
   * The raw records split by kind and parsed; messages and the members' identities were parsed in
   * the reader ({@link MemberMessages}).
   */
  static Parsed parse(Dataset<Row> raw, Dataset<Row> members, Lexicon lexicon) {
    Parsed p = new Parsed();
    p.profiles = rows(raw, FileKind.PROFILE).localCheckpoint();
    // every consenting member is a read unit, so every member has an identity record
    p.identity = members.join(raw.where(col("record_type").equalTo(RawRecords.IDENTITY)).select("identity.*"),
            "member_id", "left")
        .localCheckpoint();
    // msg_id: a row's id within this run, fixed by the checkpoint (joins on it beat file + row)
    p.messages = raw.where(col("record_type").equalTo(RawRecords.MESSAGE)).select("message.*")
        .withColumn("msg_id", monotonically_increasing_id()).localCheckpoint();
    p.messageContacts = Occurrences.explodeMessageContacts(p.messages); // narrow, read twice from the checkpoint
    p.messageTuples = Occurrences.messageTuples(p.messageContacts).localCheckpoint();
    p.connections = Connections.parse(rows(raw, FileKind.CONNECTIONS)).localCheckpoint();
    p.invitations = Invitations.parse(rows(raw, FileKind.INVITATIONS)
        .join(members.select("member_id", "timezone"), "member_id"), lexicon).localCheckpoint();
    p.generic = GenericInteractions.parse(rows(raw, FileKind.INTERACTIONS).drop("member_id"), members)
        .localCheckpoint();
    return p;
  }

  static Dataset<Row> rows(Dataset<Row> raw, FileKind kind) {
    return raw.where(col("record_type").equalTo(RawRecord.ROW).and(col("file_kind").equalTo(kind.label())));
  }

  /** Whole files that could not be used count as one row read and rejected (row 0). */
  static Dataset<Row> fileLevelProblems(Dataset<Row> files) {
    return files.where(col("record_type").equalTo(RawRecord.FILE).and(col("problem").isNotNull()));
  }

  static Dataset<Row> membersFrame(SparkSession spark, List<Roster.Member> consenting) {
    StructType schema = new StructType()
        .add("member_id", DataTypes.StringType, false)
        .add("team", DataTypes.StringType, true)
        .add("timezone", DataTypes.StringType, false)
        .add("profile_url", DataTypes.StringType, true);
    List<Row> rows = consenting.stream()
        .map(m -> RowFactory.create(m.memberId(), m.team(), m.timezone(), m.profileUrl())).toList();
    return spark.createDataFrame(rows, schema);
  }
}
