package io.netroi.ingest.costs;

import io.netroi.ingest.Problem;
import io.netroi.ingest.roster.Roster;
import io.netroi.ingest.roster.SimpleCsv;
import io.netroi.io.InputFiles;
import io.netroi.spark.Tables;
import io.netroi.time.Quarters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * costs.csv (optional, docs/inputs.md "Costs"): {@code member_id,quarter,hours,cost}, the time and
 * money a member spent on networking in a quarter, cost in the reporting currency. Quarter labels
 * are those of the run's calendar ({@code 2026-Q3}, or {@code FY2027-Q1} with a fiscal year).
 * Several rows of one member and quarter add up.
 */
public final class Costs {
  public static final String FILE = "costs.csv";

  /** A kept row. */
  public record Cost(String memberId, String quarter, Double hours, BigDecimal cost) {}

  /** The kept rows and the ledger of every row read (kept: metric null). */
  public record Loaded(List<Cost> rows, List<Problem> ledger) {}

  private Costs() {}

  public static Loaded read(InputFiles input, List<Roster.Member> members) {
    return read(input, members, Set.of());
  }

  /** Rows of an erased member are {@code excluded:erased}. */
  public static Loaded read(InputFiles input, List<Roster.Member> members, Set<String> erasedMembers) {
    List<Cost> rows = new ArrayList<>();
    List<Problem> ledger = new ArrayList<>();
    if (!input.exists(FILE)) {
      return new Loaded(rows, ledger);
    }
    Set<String> rostered = members.stream().map(Roster.Member::memberId).collect(Collectors.toSet());
    SimpleCsv.Table t = SimpleCsv.parse(input.read(FILE));
    for (SimpleCsv.Record r : t.records()) {
      Map<String, String> v = r.values();
      String problem = v != null && erasedMembers.contains(v.get("member_id")) ? "excluded:erased" : check(v, rostered);
      String member = v == null ? null : v.get("member_id");
      ledger.add(new Problem(null, FILE, r.line(), problem));
      if (problem == null) {
        rows.add(new Cost(member, v.get("quarter"), number(v.get("hours")).map(BigDecimal::doubleValue).orElse(null),
            number(v.get("cost")).map(c -> c.setScale(2, RoundingMode.HALF_UP)).orElse(null)));
      }
    }
    if (t.unterminatedAtLine() > 0) {
      ledger.add(new Problem(null, FILE, t.unterminatedAtLine(), "rejected:unterminated_quote"));
    }
    return new Loaded(rows, ledger);
  }

  /** Null for a usable row, else its reject metric. */
  static String check(Map<String, String> v, Set<String> rostered) {
    if (v == null || v.get("member_id") == null || v.get("quarter") == null
        || (v.get("hours") == null && v.get("cost") == null)) {
      return "rejected:malformed_row";
    }
    if (!rostered.contains(v.get("member_id"))) {
      return "rejected:unknown_member";
    }
    boolean valid = Quarters.isLabel(v.get("quarter"))
        && validAmount(v.get("hours")) && validAmount(v.get("cost"));
    return valid ? null : "rejected:invalid_value";
  }

  private static boolean validAmount(String s) {
    return s == null || number(s).filter(n -> n.signum() >= 0).isPresent();
  }

  private static java.util.Optional<BigDecimal> number(String s) {
    if (s == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new BigDecimal(s.trim()));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** The costs table (schemas/costs.json). */
  public static Dataset<Row> toDataFrame(SparkSession spark, List<Cost> rows) {
    List<Row> out = rows.stream()
        .map(c -> RowFactory.create(c.memberId(), c.quarter().trim(), c.hours(), c.cost())).toList();
    return spark.createDataFrame(out, Tables.schema("costs"));
  }
}
