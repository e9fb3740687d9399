package io.netroi.ingest;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.roster.SimpleCsv;
import io.netroi.io.InputFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * erasures.csv: people who asked to be forgotten, by profile URL or email (column
 * {@code identifier}), and members, as {@code member:<member_id>}. Read at every ingest and by
 * {@code erase}: every row resolving to such a person is excluded, and an erased member's roster
 * row, exports, costs and owned outcomes are excluded.
 */
public final class Erasures {
  public static final String FILE = "erasures.csv";

  /** Identifiers in the resolver's {@code type:value} form, plus the ledger of the file's rows. */
  public record Loaded(Set<String> identifiers, Set<String> members, List<Problem> ledger) {}

  /** The prefix of a row that erases a member: {@code member:m07}. */
  public static final String MEMBER = "member:";

  private Erasures() {}

  public static Loaded read(InputFiles input) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> members = new LinkedHashSet<>();
    List<Problem> ledger = new ArrayList<>();
    if (!input.exists(FILE)) {
      return new Loaded(ids, members, ledger);
    }
    SimpleCsv.Table t = SimpleCsv.parse(input.read(FILE));
    String column = t.columns().contains("identifier") ? "identifier" : t.columns().isEmpty() ? null : t.columns().get(0);
    for (SimpleCsv.Record r : t.records()) {
      String raw = r.values() == null || column == null ? null : r.values().get(column);
      String member = toMember(raw);
      String id = member == null ? toIdentifier(raw) : null;
      ledger.add(new Problem(null, FILE, r.line(), id == null && member == null ? "rejected:invalid_value" : null));
      if (id != null) {
        ids.add(id);
      }
      if (member != null) {
        members.add(member);
      }
    }
    return new Loaded(ids, members, ledger);
  }

  /** {@code member:<member_id>} to the member id; null for anything else. */
  static String toMember(String raw) {
    if (raw == null || !raw.trim().regionMatches(true, 0, MEMBER, 0, MEMBER.length())) {
      return null;
    }
    String id = raw.trim().substring(MEMBER.length()).trim();
    return id.matches("[A-Za-z0-9._-]+") ? id : null;
  }

  static String toIdentifier(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.contains("@")) {
      String email = Identifiers.normaliseEmail(raw);
      return email == null ? null : "email:" + email;
    }
    String url = Identifiers.normaliseUrl(raw);
    return url == null ? null : "url:" + url;
  }
}
