package io.netroi.bench;

import io.netroi.config.NetroiConfig;
import io.netroi.identity.KeySource;
import io.netroi.identity.Pseudonyms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The peer of bench/run.sh (docs/benchmark.md): the pipeline's core work done a second way, in
 * DuckDB SQL ({@code bench/peer/*.sql}) over the same input files: parsing and exclusions,
 * relationships, relationship_quarters, the cohort matrix and linear attribution. Java only fills
 * in what SQL cannot do the same way: the HMAC-SHA256 contact keys of the identifiers the SQL
 * found, and the lexicon's introduction cues (Java regexes with look-arounds, which DuckDB's RE2
 * lacks) on the few candidate opening messages. Then {@link Parity} compares the results with the
 * pipeline's Parquet tables.
 *
 * <p>{@code DuckDbPeer INPUT FLAT OUT [--key TEXT] [--lexicon v2] [--sql DIR] [--spill DIR]
 * [--no-check]}: FLAT is INPUT's exports unpacked by {@code ReplicateTables flatten-exports}; OUT the
 * pipeline's output of the same run ({@code OUT/tables/<table>}); {@code --spill} the folder DuckDB
 * spills to when a step outgrows its memory limit (default {@link #defaultSpill()}, never the working
 * directory). Prints the compute time, one line per compared
 * table, and exits 0 when everything is equal, 1 on any difference, 2 on a usage error.
 */
public final class DuckDbPeer {
  static final List<String> STEPS = List.of("01_parse.sql", "02_identity.sql", "03_keyed.sql", "04_relationships.sql",
      "05_cohorts.sql", "06_attribution.sql");

  /** DuckDB's memory limit: bin/netroi's default driver memory. */
  static final String MEMORY_LIMIT = "4GB";

  /** What to run on. {@code key} is the text of {@code netroi.key} (bench/run.sh: {@code bench}). */
  record Options(Path input, Path flat, Path out, Path sqlDir, String key, String lexicon, Path spill, boolean check) {}

  /** Seconds spent computing (SQL and the two Java steps) and comparing, and the comparison per table. */
  record Result(double computeSeconds, double checkSeconds, List<Parity.TableResult> tables) {
    boolean allEqual() {
      return tables.stream().allMatch(Parity.TableResult::equal);
    }
  }

  private DuckDbPeer() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("DuckDbPeer: " + e.getMessage());
      System.err.println("usage: DuckDbPeer INPUT FLAT OUT [--key TEXT] [--lexicon v2] [--sql DIR] [--spill DIR] [--no-check]");
      System.exit(2);
      return;
    }
    Result r = run(o);
    System.out.printf(Locale.ROOT, "peer: computed in %.2f s%n", r.computeSeconds());
    if (o.check()) {
      System.out.printf(Locale.ROOT, "check: compared in %.2f s%n", r.checkSeconds());
    }
    r.tables().forEach(t -> System.out.println(t.describe()));
    System.exit(r.allEqual() ? 0 : 1);
  }

  static Options parse(String[] args) {
    List<String> positional = new ArrayList<>();
    String key = "bench";
    String lexicon = "v2";
    Path sql = Path.of("bench", "peer");
    Path spill = defaultSpill();
    boolean check = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--key" -> key = value(args, ++i, "--key");
        case "--lexicon" -> lexicon = value(args, ++i, "--lexicon");
        case "--sql" -> sql = Path.of(value(args, ++i, "--sql"));
        case "--spill" -> spill = Path.of(value(args, ++i, "--spill"));
        case "--no-check" -> check = false;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          positional.add(args[i]);
        }
      }
    }
    if (positional.size() != 3) {
      throw new IllegalArgumentException("need INPUT FLAT OUT, got " + positional);
    }
    if (!Files.isDirectory(sql)) {
      throw new IllegalArgumentException("no SQL folder " + sql.toAbsolutePath() + " (run from the repository root or pass --sql)");
    }
    return new Options(Path.of(positional.get(0)), Path.of(positional.get(1)), Path.of(positional.get(2)), sql,
        key, lexicon, spill, check);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  static Result run(Options o) throws SQLException, IOException {
    try (Connection c = connect(o.spill())) {
      double seconds = compute(c, o);
      long checkStart = System.nanoTime();
      List<Parity.TableResult> tables = o.check() ? Parity.compare(c, o.out().resolve("tables")) : List.of();
      return new Result(seconds, (System.nanoTime() - checkStart) / 1e9, tables);
    }
  }

  /** Where DuckDB spills unless told otherwise: a folder under java.io.tmpdir. */
  static Path defaultSpill() {
    return Path.of(System.getProperty("java.io.tmpdir"), "netroi-duckdb-spill");
  }

  /** {@link #connect(Path)} spilling to {@link #defaultSpill()}. */
  static Connection connect() throws SQLException {
    return connect(defaultSpill());
  }

  /**
   * An in-memory DuckDB with the memory limit of the benchmark, spilling to {@code spill} (DuckDB's
   * own default is {@code .tmp} in the working directory, which at 10M filled the checkout).
   */
  static Connection connect(Path spill) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'"); // as much as bin/netroi gives Spark's driver
      s.execute("SET temp_directory = '" + sqlPath(spill.toAbsolutePath()) + "'");
    }
    return c;
  }

  /** Every step, leaving the peer_* tables in the connection; returns the seconds it took. */
  static double compute(Connection c, Options o) throws SQLException, IOException {
    long start = System.nanoTime();
    Lexicon lexicon = Lexicon.load(o.lexicon());
    timed("01_parse.sql", () -> script(c, o, "01_parse.sql", lexicon));
    timed("02_identity.sql", () -> script(c, o, "02_identity.sql", lexicon));
    timed("contact keys (Java HMAC)", () -> contactKeys(c, keyBytes(o.key())));
    timed("03_keyed.sql", () -> script(c, o, "03_keyed.sql", lexicon));
    timed("introduction cues (Java regex)", () -> introCues(c, lexicon));
    for (String step : STEPS.subList(3, STEPS.size())) {
      timed(step, () -> script(c, o, step, lexicon));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  interface Step {
    void run() throws SQLException, IOException;
  }

  /** Runs a step and prints how long it took ("peer: step NAME S s"). */
  static void timed(String name, Step step) throws SQLException, IOException {
    long t = System.nanoTime();
    step.run();
    System.out.printf(Locale.ROOT, "peer: step %s %.2f s%n", name, (System.nanoTime() - t) / 1e9);
  }

  /** Runs one SQL file, statement by statement, with its placeholders filled in. */
  static void script(Connection c, Options o, String file, Lexicon lexicon) throws SQLException, IOException {
    String sql = Files.readString(o.sqlDir().resolve(file), StandardCharsets.UTF_8)
        .replace("{{input}}", sqlPath(o.input()))
        .replace("{{flat}}", sqlPath(o.flat()))
        .replace("{{lexicon_system}}", lexicon.systemAlternation().replace("'", "''"))
        .replace("{{messages_csv}}", file.equals("01_parse.sql") ? messagesCsv(o.flat()) : "")
        .replace("{{interactions_csv}}", csvFiles(o.input().resolve("interactions"), INTERACTION_COLUMNS))
        .replace("{{hubspot_csv}}", csvFiles(o.input().resolve("outcomes"), HUBSPOT_COLUMNS))
        .replace("{{fx_csv}}", csvFile(o.input().resolve("fx.csv"), List.of("currency", "rate", "quarter")))
        .replace("{{outcomes_csv}}", csvFile(o.input().resolve("outcomes.csv"), OUTCOME_COLUMNS))
        .replace("{{erasures_csv}}", csvFile(o.input().resolve("erasures.csv"), List.of("identifier")));
    try (Statement s = c.createStatement()) {
      for (String statement : statements(sql)) {
        try {
          s.execute(statement);
        } catch (SQLException e) {
          throw new SQLException(file + ": " + e.getMessage() + "\nin statement:\n" + statement, e);
        }
      }
    }
  }

  /** Columns the SQL reads from interactions/*.csv and from HubSpot deal exports in outcomes/. */
  static final List<String> INTERACTION_COLUMNS = List.of("member_id", "contact_profile_url", "contact_email",
      "contact_name", "timestamp", "direction", "channel", "conversation_id");
  static final List<String> HUBSPOT_COLUMNS = List.of("Record ID", "Deal Stage", "Amount", "Deal Currency Code",
      "Close Date", "Deal owner", "Associated Contact", "Associated Company", "LinkedIn URL", "Introduced By");

  static final List<String> OUTCOME_COLUMNS = List.of("outcome_id", "type", "value", "currency", "closed_on",
      "owner_member_id", "contact_profile_url", "contact_email", "contact_name", "contact_company",
      "introduced_by_profile_url", "introduced_by_email", "introduced_by_name", "source");

  /** One CSV file as a relation, or an empty one with the given columns when it is missing. */
  static String csvFile(Path file, List<String> columns) {
    return Files.isRegularFile(file)
        ? "read_csv('" + sqlPath(file) + "', header = true, all_varchar = true)"
        : emptyRelation(columns);
  }

  static String emptyRelation(List<String> columns) {
    return "(SELECT " + columns.stream().map(c -> "NULL::VARCHAR AS \"" + c + "\"").reduce((a, b) -> a + ", " + b)
        .orElseThrow() + " WHERE false)";
  }

  /** The CSV files of a folder as one relation (columns by name), or an empty one with the given columns. */
  static String csvFiles(Path folder, List<String> columns) throws IOException {
    boolean any = false;
    if (Files.isDirectory(folder)) {
      try (var s = Files.list(folder)) {
        any = s.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"));
      }
    }
    if (any) {
      return "read_csv('" + sqlPath(folder) + "/*.csv', header = true, all_varchar = true, union_by_name = true)";
    }
    return emptyRelation(columns);
  }

  /**
   * The messages files as one relation: a read_csv per distinct header line with exactly that
   * header's columns plus {@code _extra} (null_padding fills it only for a row with a field too many),
   * all VARCHAR with empty strings kept, unioned by column name; plus the file name.
   */
  static String messagesCsv(Path flat) throws IOException {
    java.util.Map<String, List<String>> byHeader = new java.util.TreeMap<>();
    try (var walk = Files.walk(flat)) {
      for (Path f : walk.filter(p -> p.getFileName().toString().equals("messages.csv")).sorted().toList()) {
        String header;
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          header = r.readLine();
        }
        byHeader.computeIfAbsent(header == null ? "" : header.strip(), h -> new ArrayList<>()).add(sqlPath(f));
      }
    }
    if (byHeader.isEmpty()) {
      throw new IllegalArgumentException("no messages.csv under " + flat + " (run ReplicateTables flatten-exports first)");
    }
    List<String> reads = new ArrayList<>();
    for (var e : byHeader.entrySet()) {
      List<String> columns = new ArrayList<>(List.of(e.getKey().split(",", -1)));
      columns.add("_extra");
      String types = columns.stream().map(c -> "'" + c.strip().replace("'", "''") + "': 'VARCHAR'")
          .reduce((a, b) -> a + ", " + b).orElseThrow();
      String files = e.getValue().stream().map(f -> "'" + f + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
      reads.add("SELECT * FROM read_csv([" + files + "], auto_detect = false, header = true, delim = ',', quote = '\"', "
          + "escape = '\"', columns = {" + types + "}, null_padding = true, parallel = false, nullstr = '\\N', "
          + "filename = true)");
    }
    return "(" + String.join(" UNION ALL BY NAME ", reads) + ")";
  }

  /** A folder for a SQL string literal: absolute, forward slashes, quotes doubled. */
  static String sqlPath(Path p) {
    return p.toAbsolutePath().normalize().toString().replace('\\', '/').replace("'", "''");
  }

  /** Statements of a script: split at a semicolon that ends a line; comment-only pieces dropped. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    for (String piece : sql.split(";[ \\t]*(\\r?\\n|$)")) {
      String code = piece.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
      if (!code.isEmpty()) {
        out.add(piece.strip());
      }
    }
    return out;
  }

  /** The key's bytes as the pipeline derives them from {@code netroi.key} ({@link KeySource}). */
  static byte[] keyBytes(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("the pseudonymisation key is empty");
    }
    return KeySource.load(NetroiConfig.builder().set(KeySource.KEY, key).build(), true);
  }

  /** contact_keys(identifier, contact_key): HMAC-SHA256 hex of every identifier in peer_identifiers. */
  static void contactKeys(Connection c, byte[] key) throws SQLException {
    UnaryOperator<String> hmac = Pseudonyms.hmacHexer(key);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE contact_keys (identifier VARCHAR, contact_key VARCHAR)");
      try (ResultSet rs = s.executeQuery("SELECT identifier FROM peer_identifiers");
           DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("main", "contact_keys")) {
        while (rs.next()) {
          String id = rs.getString(1);
          a.beginRow().append(id).append(hmac.apply(id)).endRow();
        }
      }
    }
  }

  /** intro_cues(member_id, conversation_ref): the candidate openers whose plain text carries an introduction cue. */
  static void introCues(Connection c, Lexicon lexicon) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE intro_cues (member_id VARCHAR, conversation_ref VARCHAR)");
      try (ResultSet rs = s.executeQuery("SELECT member_id, conversation_ref, content FROM intro_candidates");
           DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender("main", "intro_cues")) {
        while (rs.next()) {
          if (lexicon.isIntroduction(rs.getString(3))) {
            a.beginRow().append(rs.getString(1)).append(rs.getString(2)).endRow();
          }
        }
      }
    }
  }

  /**
   * The two cue lists the peer needs, read from the lexicon files themselves (one Java regex per
   * line, '#' comments; matched case-insensitively on plain text: HTML removed, lower case, white
   * space collapsed), as lexicons/README.md defines them.
   */
  record Lexicon(List<String> system, List<Pattern> intro) {
    static Lexicon load(String version) throws IOException {
      List<String> intro = lines(version, "intro.txt");
      return new Lexicon(lines(version, "system.txt"),
          intro.stream().map(l -> Pattern.compile(l, Pattern.CASE_INSENSITIVE)).toList());
    }

    private static List<String> lines(String version, String file) throws IOException {
      String resource = "lexicons/" + version + "/" + file;
      try (InputStream in = DuckDbPeer.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no lexicon file " + resource + " on the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      }
    }

    /** The system patterns as one case-insensitive RE2 alternation for DuckDB's regexp_matches. */
    String systemAlternation() {
      return "(?i)" + String.join("|", system.stream().map(l -> "(?:" + l + ")").toList());
    }

    boolean isIntroduction(String content) {
      String text = plainText(content == null ? "" : content);
      return intro.stream().anyMatch(p -> p.matcher(text).find());
    }

    static String plainText(String content) {
      return content.replaceAll("<[^>]+>", " ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }
  }
}
