package io.netroi.ingest.roster;

import io.netroi.ingest.Problem;
import io.netroi.io.InputException;
import io.netroi.io.InputFiles;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** roster.csv: who the members are, their team, time zone, profile URL and consent. */
public final class Roster {
  public static final String FILE = "roster.csv";
  static final List<String> REQUIRED = List.of("member_id", "team", "timezone", "consent");

  /** One rostered member. {@code profileUrl} and {@code displayName} may be null. */
  public record Member(String memberId, String displayName, String team, String profileUrl,
      String timezone, boolean consent, long rowNumber) implements java.io.Serializable {}

  /** The members read, and the rows that could not be used. */
  public record Result(List<Member> members, List<Problem> problems, long rowsRead, Set<String> erased) {
    public Result(List<Member> members, List<Problem> problems, long rowsRead) {
      this(members, problems, rowsRead, Set.of());
    }

    public List<Member> consenting() {
      return members.stream().filter(Member::consent).toList();
    }

    /**
     * Without the members on the erasure list: their roster row becomes {@code excluded:erased}, so
     * no export of theirs is read and no table names them; {@link #erased} says who they were, for
     * the files that refer to members (outcomes, costs).
     */
    public Result erase(Set<String> memberIds) {
      List<Member> kept = new ArrayList<>();
      List<Problem> ledger = new ArrayList<>(problems);
      Set<String> gone = new java.util.TreeSet<>();
      for (Member m : members) {
        if (memberIds.contains(m.memberId())) {
          gone.add(m.memberId());
          ledger.removeIf(p -> m.memberId().equals(p.memberId()) && FILE.equals(p.sourceFile()));
          ledger.add(new Problem(m.memberId(), FILE, m.rowNumber(), "excluded:erased"));
        } else {
          kept.add(m);
        }
      }
      return new Result(kept, ledger, rowsRead, Set.copyOf(gone));
    }
  }

  private Roster() {}

  public static Result read(InputFiles input) {
    if (!input.exists(FILE)) {
      throw new InputException(FILE, "missing: the roster names the members to analyse");
    }
    SimpleCsv.Table table = SimpleCsv.parse(input.read(FILE));
    List<String> missing = REQUIRED.stream().filter(c -> !table.columns().contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new InputException(FILE, 1, "missing columns " + missing + "; found " + table.columns());
    }
    List<Member> members = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SimpleCsv.Record r : table.records()) {
      String problem = check(r.values(), seen);
      if (problem != null) {
        problems.add(new Problem(r.values().get("member_id"), FILE, r.line(), problem));
        continue;
      }
      Map<String, String> v = r.values();
      boolean consent = parseConsent(v.get("consent"));
      members.add(new Member(v.get("member_id"), v.get("display_name"), v.get("team"), v.get("profile_url"),
          v.get("timezone"), consent, r.line()));
      if (!consent) {
        problems.add(new Problem(v.get("member_id"), FILE, r.line(), "excluded:no_consent"));
      }
    }
    if (table.unterminatedAtLine() > 0) {
      problems.add(new Problem(null, FILE, table.unterminatedAtLine(), "rejected:unterminated_quote"));
    }
    return new Result(members, problems, table.records().size() + (table.unterminatedAtLine() > 0 ? 1 : 0));
  }

  private static String check(Map<String, String> v, Set<String> seen) {
    if (v == null) {
      return "rejected:malformed_row";
    }
    String id = v.get("member_id");
    if (id == null || !id.matches("[A-Za-z0-9._-]+")) {
      return "rejected:invalid_value";
    }
    if (!seen.add(id)) {
      return "rejected:duplicate_member";
    }
    if (v.get("consent") == null || parseConsentOrNull(v.get("consent")) == null) {
      return "rejected:invalid_value";
    }
    try {
      ZoneId.of(v.getOrDefault("timezone", ""));
    } catch (DateTimeException e) {
      return "rejected:invalid_timezone";
    }
    return null;
  }

  static boolean parseConsent(String s) {
    Boolean b = parseConsentOrNull(s);
    return b != null && b;
  }

  private static Boolean parseConsentOrNull(String s) {
    switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
      case "yes": case "true": case "1": case "y":
        return true;
      case "no": case "false": case "0": case "n":
        return false;
      default:
        return null;
    }
  }
}
