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
 * {@code identifier}). Read at every ingest; every row resolving to such a person is excluded.
 */
public final class Erasures {
  public static final String FILE = "erasures.csv";

  /** Identifiers in the resolver's {@code type:value} form, plus the ledger of the file's rows. */
  public record Loaded(Set<String> identifiers, List<Problem> ledger) {}

  private Erasures() {}

  public static Loaded read(InputFiles input) {
    Set<String> ids = new LinkedHashSet<>();
    List<Problem> ledger = new ArrayList<>();
    if (!input.exists(FILE)) {
      return new Loaded(ids, ledger);
    }
    SimpleCsv.Table t = SimpleCsv.parse(input.read(FILE));
    String column = t.columns().contains("identifier") ? "identifier" : t.columns().isEmpty() ? null : t.columns().get(0);
    for (SimpleCsv.Record r : t.records()) {
      String raw = r.values() == null || column == null ? null : r.values().get(column);
      String id = toIdentifier(raw);
      ledger.add(new Problem(null, FILE, r.line(), id == null ? "rejected:invalid_value" : null));
      if (id != null) {
        ids.add(id);
      }
    }
    return new Loaded(ids, ledger);
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
