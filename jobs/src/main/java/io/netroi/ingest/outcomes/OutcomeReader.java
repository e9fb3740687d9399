package io.netroi.ingest.outcomes;

import io.netroi.ingest.roster.Roster;
import io.netroi.ingest.roster.SimpleCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CRM rows to canonical outcomes: maps columns, keeps won stages, parses money and dates, converts
 * to the reporting currency, resolves the owner to a rostered member. Pure Java on small files.
 */
public final class OutcomeReader {
  static final Set<String> TYPES = Set.of("deal", "placement", "referral");
  private static final Pattern NAME_AND_EMAIL = Pattern.compile("^\\s*(.*?)\\s*\\(([^()\\s]+@[^()\\s]+)\\)\\s*$");

  /** What reading needs to know besides the file. */
  public record Context(List<Roster.Member> members, FxRates fx, Map<String, Set<String>> wonStages,
      Set<String> erasedMembers) {
    public Context(List<Roster.Member> members, FxRates fx, Map<String, Set<String>> wonStages) {
      this(members, fx, wonStages, Set.of());
    }

    String ownerId(String raw, boolean byName) {
      if (raw == null) {
        return null;
      }
      String t = raw.trim();
      for (Roster.Member m : members) {
        if (m.memberId().equals(t)) {
          return m.memberId();
        }
      }
      if (byName) {
        for (Roster.Member m : members) {
          if (m.displayName() != null && m.displayName().trim().equalsIgnoreCase(t)) {
            return m.memberId();
          }
        }
      }
      return null;
    }
  }

  private OutcomeReader() {}

  /** The layout of a file: a built-in one, else the user's mapping, else null. */
  public static OutcomeFormat detect(List<String> header, OutcomeFormat userFormat) {
    if (userFormat != null && userFormat.matches(header)) {
      return userFormat;
    }
    for (OutcomeFormat f : OutcomeFormat.BUILT_IN) {
      if (f.matches(header)) {
        return f;
      }
    }
    return null;
  }

  public static List<OutcomeRow> read(SimpleCsv.Table table, OutcomeFormat format, Context ctx) {
    List<OutcomeRow> out = new ArrayList<>();
    for (SimpleCsv.Record r : table.records()) {
      out.add(r.values() == null
          ? rejected(table.file(), r.line(), format, "rejected:malformed_row")
          : toOutcome(table.file(), r.line(), format, mapped(format, r.values()), ctx));
    }
    if (table.unterminatedAtLine() > 0) {
      out.add(rejected(table.file(), table.unterminatedAtLine(), format, "rejected:unterminated_quote"));
    }
    return out;
  }

  static Map<String, String> mapped(OutcomeFormat f, Map<String, String> values) {
    Map<String, String> m = new HashMap<>(f.constants());
    f.columns().forEach((field, candidates) -> {
      for (String c : candidates) {
        if (values.get(c) != null) {
          m.put(field, values.get(c));
          break;
        }
      }
    });
    if (f.stageColumn() != null) {
      m.put("_stage", values.get(f.stageColumn()));
    }
    splitCombinedColumns(m);
    return m;
  }

  /** HubSpot's {@code Name (email)} contact and a free-form introducer (URL, email or name). */
  static void splitCombinedColumns(Map<String, String> m) {
    String contact = m.remove("associated_contact");
    if (contact != null) {
      String first = contact.split(";")[0].trim();
      Matcher nm = NAME_AND_EMAIL.matcher(first);
      if (nm.matches()) {
        m.putIfAbsent("contact_name", nm.group(1).isBlank() ? null : nm.group(1));
        m.putIfAbsent("contact_email", nm.group(2));
      } else if (first.contains("@")) {
        m.putIfAbsent("contact_email", first);
      } else {
        m.putIfAbsent("contact_name", first);
      }
    }
    String introducer = m.remove("introduced_by");
    if (introducer != null) {
      String t = introducer.trim();
      String target = t.toLowerCase(Locale.ROOT).contains("linkedin.com/") ? "introduced_by_profile_url"
          : t.contains("@") ? "introduced_by_email" : "introduced_by_name";
      m.putIfAbsent(target, t);
    }
    m.values().removeIf(v -> v == null);
  }

  private static OutcomeRow toOutcome(String file, long line, OutcomeFormat f, Map<String, String> m, Context ctx) {
    String problem = null;
    String stage = m.get("_stage");
    if (f.stageColumn() != null && !isWon(stage, ctx.wonStages().getOrDefault(f.name(), f.wonStages()))) {
      problem = "excluded:not_won";
    }
    String id = m.get("outcome_id");
    String type = m.get("type") == null ? null : m.get("type").trim().toLowerCase(Locale.ROOT);
    BigDecimal value = money(m.get("value"));
    LocalDate closedOn = date(m.get("closed_on"), f.dateFormats());
    String owner = ctx.ownerId(m.get("owner_member_id"), f.ownerByName());
    String currency = m.getOrDefault("currency", ctx.fx().reportingCurrency()).trim().toUpperCase(Locale.ROOT);
    if (problem == null) {
      problem = id == null || type == null || !TYPES.contains(type) || value == null ? "rejected:invalid_value"
          : m.get("closed_on") == null ? "rejected:missing_date"
          : closedOn == null ? "rejected:unparseable_date"
          : owner == null && m.get("owner_member_id") != null
              && ctx.erasedMembers().contains(m.get("owner_member_id").trim()) ? "excluded:erased"
          : owner == null ? "rejected:unknown_member"
          : ctx.fx().rate(currency, closedOn).isEmpty() ? "rejected:unknown_currency"
          : null;
    }
    BigDecimal reporting = problem != null ? null
        : value.multiply(ctx.fx().rate(currency, closedOn).orElseThrow()).setScale(2, RoundingMode.HALF_EVEN);
    return new OutcomeRow(file, line, f.name(), id, type, value, currency, reporting, closedOn, owner,
        m.get("contact_profile_url"), m.get("contact_email"), m.get("contact_name"), m.get("contact_company"),
        m.get("introduced_by_profile_url"), m.get("introduced_by_email"), m.get("introduced_by_name"),
        m.get("source"), problem);
  }

  static boolean isWon(String stage, Set<String> won) {
    if (stage == null) {
      return false;
    }
    String s = stage.trim().toLowerCase(Locale.ROOT);
    return won.contains(s) || won.contains(s.replace(" ", ""));
  }

  /** {@code 12,500.00}, {@code $12500}, {@code 12500.5} to decimal(18,2); null when not a number. */
  static BigDecimal money(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim().replaceAll("[\\s$€£¥]", "").replace(",", "");
    try {
      BigDecimal v = new BigDecimal(s).setScale(2, RoundingMode.HALF_EVEN);
      return v.precision() > 18 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static LocalDate date(String raw, List<String> formats) {
    if (raw == null) {
      return null;
    }
    for (String f : formats) {
      try {
        TemporalAccessor t = DateTimeFormatter.ofPattern(f, Locale.ROOT).parse(raw.trim());
        return LocalDate.from(t);
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return null;
  }

  private static OutcomeRow rejected(String file, long line, OutcomeFormat f, String problem) {
    return new OutcomeRow(file, line, f.name(), null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, problem);
  }
}
