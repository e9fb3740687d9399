package io.netroi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The peer's check (docs/benchmark.md): each compared table of the pipeline's output (read with
 * DuckDB's read_parquet) against the peer's table of the same name, joined on its key: rows only
 * on one side and rows whose compared columns differ. Counts, dates, labels and flags must be equal,
 * money equal to the cent, doubles within 1e-9.
 */
final class Parity {
  static final double TOLERANCE = 1e-9;
  /** How many differing rows a table's line shows. */
  static final int SHOWN = 5;

  enum Kind { EXACT, DOUBLE, MONEY, TIMESTAMP }

  record Col(String name, Kind kind) {
    static Col exact(String name) {
      return new Col(name, Kind.EXACT);
    }
  }

  /** A table compared on {@code keys}, optionally restricted to rows of ours matching {@code filter}. */
  record Spec(String table, String filter, List<String> keys, List<Col> columns) {}

  record TableResult(String table, long ours, long peer, long differing, List<String> examples) {
    boolean equal() {
      return differing == 0;
    }

    String describe() {
      if (equal()) {
        return table + ": " + ours + " rows, all equal";
      }
      return table + ": " + differing + " of " + Math.max(ours, peer) + " rows differ (ours " + ours + ", peer " + peer
          + ")\n  " + String.join("\n  ", examples);
    }
  }

  static final List<Spec> SPECS = List.of(
      new Spec("contacts", null, List.of("contact_key"), List.of()),
      new Spec("outcomes", null, List.of("outcome_id"), cols("closed_on", "owner_member_id", "contact_key",
          "introducer_key").plus(new Col("value_reporting", Kind.MONEY))),
      new Spec("relationships", null, List.of("member_id", "contact_key"), cols(
          "team", "is_colleague", "is_connected", "connected_on", "started_on", "first_quarter", "msgs_out", "msgs_in",
          "other_out", "other_in", "conversations", "is_two_way", "active_quarters", "introductions", "observed_until")
          .plus(new Col("first_touch_at", Kind.TIMESTAMP), new Col("last_touch_at", Kind.TIMESTAMP))),
      new Spec("relationship_quarters", null, List.of("member_id", "contact_key", "quarter"), cols(
          "team", "is_colleague", "quarter_index", "quarter_start", "quarters_since_start", "msgs_out", "msgs_in",
          "other_out", "other_in", "active_months", "tier", "is_connected", "is_partial").list()),
      new Spec("cohort_retention", null, List.of("scope", "scope_id", "cohort_quarter", "quarters_since"),
          cols("quarter", "cohort_size", "relationships", "engaged").plus(new Col("engaged_share", Kind.DOUBLE))),
      new Spec("attribution", "model = 'linear'", List.of("outcome_id", "member_id", "contact_key", "role"),
          cols("touch_count").plus(new Col("credit", Kind.DOUBLE), new Col("credited_value", Kind.MONEY))));

  private Parity() {}

  /** Exact columns, to which more can be added. */
  record Cols(List<Col> list) {
    List<Col> plus(Col... more) {
      return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
  }

  static Cols cols(String... names) {
    return new Cols(Stream.of(names).map(Col::exact).toList());
  }

  static List<TableResult> compare(Connection c, Path tables) throws SQLException {
    List<TableResult> out = new ArrayList<>();
    for (Spec s : SPECS) {
      out.add(compare(c, tables, s));
    }
    return out;
  }

  static TableResult compare(Connection c, Path tables, Spec s) throws SQLException {
    Path dir = tables.resolve(s.table());
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no pipeline table " + dir + " to compare with");
    }
    List<String> names = Stream.concat(s.keys().stream(), s.columns().stream().map(Col::name)).toList();
    String select = String.join(", ", names);
    String where = s.filter() == null ? "" : " WHERE " + s.filter();
    try (Statement st = c.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE ours_" + s.table() + " AS SELECT " + select + " FROM read_parquet('"
          + DuckDbPeer.sqlPath(dir) + "/*.parquet')" + where);
      st.execute("CREATE OR REPLACE TEMP TABLE theirs_" + s.table() + " AS SELECT " + select + " FROM peer_" + s.table()
          + where);
      long ours = count(st, "ours_" + s.table());
      long peer = count(st, "theirs_" + s.table());
      long differing = 0;
      List<String> examples = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(differences(s))) {
        while (rs.next()) {
          differing++;
          if (examples.size() < SHOWN) {
            examples.add(example(rs, s));
          }
        }
      }
      return new TableResult(s.table(), ours, peer, differing, examples);
    }
  }

  private static long count(Statement st, String table) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows on one side only, or with a compared column that differs; ours then peer value per column. */
  static String differences(Spec s) {
    String on = s.keys().stream().map(k -> "o." + k + " = p." + k).collect(Collectors.joining(" AND "));
    String keys = s.keys().stream().map(k -> "coalesce(o." + k + ", p." + k + ") AS " + k)
        .collect(Collectors.joining(", "));
    String values = s.columns().stream().map(col -> "o." + col.name() + " AS ours_" + col.name() + ", p." + col.name()
        + " AS peer_" + col.name() + ", " + same(col) + " AS same_" + col.name()).collect(Collectors.joining(", "));
    String allSame = s.columns().isEmpty() ? "true"
        : s.columns().stream().map(Parity::same).collect(Collectors.joining(" AND "));
    String k0 = s.keys().get(0);
    return "SELECT " + keys + ", o." + k0 + " IS NULL AS only_peer, p." + k0 + " IS NULL AS only_ours"
        + (values.isEmpty() ? "" : ", " + values)
        + " FROM ours_" + s.table() + " o FULL OUTER JOIN theirs_" + s.table() + " p ON " + on
        + " WHERE o." + k0 + " IS NULL OR p." + k0 + " IS NULL OR NOT (" + allSame + ")"
        + " ORDER BY " + String.join(", ", s.keys());
  }

  /** SQL: is the column the same on both sides (null = null)? */
  static String same(Col col) {
    String o = "o." + col.name();
    String p = "p." + col.name();
    return switch (col.kind()) {
      case EXACT -> "coalesce(" + o + " IS NOT DISTINCT FROM " + p + ", false)";
      case DOUBLE -> "coalesce((" + o + " IS NULL AND " + p + " IS NULL) OR abs(" + o + " - " + p + ") <= " + TOLERANCE
          + ", false)";
      case MONEY -> "coalesce(CAST(" + o + " AS DECIMAL(18, 2)) IS NOT DISTINCT FROM CAST(" + p
          + " AS DECIMAL(18, 2)), false)";
      case TIMESTAMP -> "coalesce(CAST(" + o + " AS TIMESTAMP) IS NOT DISTINCT FROM CAST(" + p
          + " AS TIMESTAMP), false)";
    };
  }

  private static String example(ResultSet rs, Spec s) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (String k : s.keys()) {
      b.append(k).append('=').append(rs.getString(k)).append(' ');
    }
    if (rs.getBoolean("only_ours")) {
      return b.append("only in the pipeline's table").toString();
    }
    if (rs.getBoolean("only_peer")) {
      return b.append("only in the peer's").toString();
    }
    for (Col col : s.columns()) {
      if (!rs.getBoolean("same_" + col.name())) {
        b.append(col.name()).append(": ours ").append(rs.getString("ours_" + col.name())).append(", peer ")
            .append(rs.getString("peer_" + col.name())).append("; ");
      }
    }
    return b.toString().strip();
  }
}
