package io.netroi.generate;

import static io.netroi.generate.Formats.DAY;
import static io.netroi.generate.Formats.HOUR;

import io.netroi.generate.Model.Rel;
import io.netroi.generate.Model.Style;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * CRM outcomes and generic interactions for one member, chosen from the relationships the member
 * really has, with the identifiers the member's export really exposes.
 */
final class Outcomes {
  static final String[] CANONICAL = {"outcome_id", "type", "value", "currency", "closed_on", "owner_member_id",
      "contact_profile_url", "contact_email", "contact_name", "contact_company", "introduced_by_profile_url",
      "introduced_by_email", "introduced_by_name", "source"};
  static final String[] HUBSPOT = {"Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Deal Currency Code",
      "Close Date", "Create Date", "Deal owner", "Associated Contact", "Associated Company", "LinkedIn URL",
      "Introduced By"};
  static final String[] INTERACTIONS = {"member_id", "contact_profile_url", "contact_email", "contact_name",
      "timestamp", "direction", "channel", "conversation_id"};
  static final Set<String> HUBSPOT_TEAMS = Set.of("Sales", "Partnerships", "Business Development", "Customer Success");

  /** One outcome row with everything the truth file reports about it. */
  static final class Outcome {
    String id;
    boolean hubspot;
    String type;
    long cents;
    String currency;
    LocalDate closedOn;
    LocalDateTime closeTime;
    LocalDateTime createTime;
    String stage = "closedwon";
    String ownerId;
    String ownerName;
    String url = "";
    String email = "";
    String name = "";
    String company = "";
    String introUrl = "";
    String introEmail = "";
    String introName = "";
    String source;
    String dealName = "";
    Fate fate = Fate.KEPT;
    /** How the contact can be matched: url, email, name_company or none. */
    String how;
    boolean detectedIntroduction;
    boolean touchesInWindow;

    boolean withIntroducer() {
      return !introUrl.isEmpty() || !introEmail.isEmpty() || !introName.isEmpty();
    }

    String[] canonicalRow() {
      return new String[] {id, type, money(cents), currency, Formats.isoDate(closedOn), ownerId, url, email, name,
          company, introUrl, introEmail, introName, source};
    }

    String[] hubspotRow() {
      String contact = email.isEmpty() ? name : name + " (" + email + ")";
      String introducedBy = !introUrl.isEmpty() ? introUrl : introEmail.isEmpty() ? introName : introName + " (" + introEmail + ")";
      return new String[] {id, dealName, stage, "Sales Pipeline", hubspotAmount(cents), currency,
          closeTime == null ? "" : Formats.hubspot(closeTime), Formats.hubspot(createTime), ownerName, contact, company,
          url, introducedBy};
    }
  }

  static String money(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  static String hubspotAmount(long cents) {
    return cents % 100 == 0 ? Long.toString(cents / 100) : money(cents);
  }

  private final MemberGen g;
  private final Plan.Member m;
  private final SplittableRandom r;
  final List<Outcome> outcomes = new ArrayList<>();
  final List<String[]> interactions = new ArrayList<>();

  Outcomes(MemberGen g) {
    this.g = g;
    this.m = g.m;
    this.r = Rng.stream(g.plan.seed, 3_000_000L + m.idx);
  }

  Outcomes build() {
    if (!m.analysed()) {
      return this;
    }
    outcomes();
    if (m.interactions) {
      interactions();
    }
    return this;
  }

  private boolean identifiable(Rel x) {
    return x.urlExposed || x.emailExposed || x.nameCompanyExposed;
  }

  private void outcomes() {
    int k = (int) Math.max(2, Math.min(60, Math.round(m.budget / 250.0)));
    List<Rel> touched = new ArrayList<>();
    List<Rel> untouched = new ArrayList<>();
    for (Rel x : g.rels) {
      if (!x.external() || x.twin || !identifiable(x)) {
        continue;
      }
      if (x.messaged() || (x.inv != null && x.inv.fate.kept())) {
        touched.add(x);
      } else if (x.plainSilent && x.connected && !x.shared && x.inv == null) {
        untouched.add(x);
      }
    }
    boolean hubspotMember = HUBSPOT_TEAMS.contains(m.team) || g.plan.teams == 1;
    int seq = 0;
    for (int i = 0; i < k; i++) {
      Rel x;
      boolean noTouch = (i % 8 == 7 || (i == k - 1 && m.idx % 2 == 0)) && !untouched.isEmpty();
      if (noTouch) {
        x = untouched.remove(r.nextInt(untouched.size()));
      } else {
        x = weightedPick(touched);
        if (x == null) {
          break;
        }
        touched.remove(x);
        if (g.touches(x).stream().noneMatch(t -> t < g.end - 6 * DAY)) {
          i--;
          continue;
        }
      }
      x.usedForOutcome = true;
      Outcome o = base(x, hubspotMember && (g.plan.teams > 1 || i % 2 == 1), ++seq);
      if (noTouch) {
        LocalDate from = x.connectedOn.plusDays(30);
        o.closedOn = from.isAfter(g.lastDate) ? g.lastDate : from.plusDays(r.nextLong(g.lastDate.toEpochDay() - from.toEpochDay() + 1));
        o.touchesInWindow = false;
      } else {
        List<Long> touches = g.touches(x).stream().filter(t -> t < g.end - 6 * DAY).toList();
        long t = touches.get(r.nextInt(touches.size()));
        LocalDate d = Formats.localDate(t, m.zone);
        long room = g.lastDate.toEpochDay() - d.toEpochDay();
        o.closedOn = room <= 0 ? d : d.plusDays(Math.min(room, 5 + r.nextInt(296)));
        o.touchesInWindow = true;
      }
      finish(o);
      outcomes.add(o);
    }
    if (hubspotMember) {
      // deals that did not close: not outcomes, counted as excluded:not_won
      int notWon = (int) Math.ceil(outcomes.stream().filter(o -> o.hubspot).count() * 0.4);
      List<Rel> pool = g.rels.stream().filter(x -> x.external() && !x.twin && identifiable(x)).toList();
      for (int i = 0; i < notWon && !pool.isEmpty(); i++) {
        Rel x = Rng.pick(r, pool);
        Outcome o = base(x, true, ++seq);
        o.stage = Rng.chance(r, 0.6) ? "closedlost" : "appointmentscheduled";
        o.fate = Fate.NOT_WON;
        LocalDate d = g.startDate.plusDays(r.nextLong(g.lastDate.toEpochDay() - g.startDate.toEpochDay() + 1));
        o.closedOn = d;
        finish(o);
        outcomes.add(o);
      }
    }
    if (m.idx == g.plan.members.stream().filter(Plan.Member::analysed).findFirst().orElseThrow().idx) {
      // one outcome whose contact is in no export at all
      Person outsider = g.people.outsider(g.plan.outsider, "Quarry Logistics");
      Outcome o = new Outcome();
      o.id = String.format(Locale.ROOT, "O-%s-%03d", m.id, ++seq);
      o.ownerId = m.id;
      o.ownerName = m.person.name();
      o.type = "referral";
      o.source = "manual";
      o.url = outsider.url();
      o.name = outsider.name();
      o.company = outsider.company();
      o.how = "none";
      o.currency = currency();
      o.cents = value(o.type);
      o.closedOn = g.lastDate.minusDays(r.nextInt(90));
      finish(o);
      outcomes.add(o);
      // one outcome in a currency without an fx rate
      List<Rel> withUrl = g.rels.stream().filter(y -> y.external() && !y.twin && y.urlExposed).toList();
      if (withUrl.isEmpty()) {
        return;
      }
      Rel x = Rng.pick(r, withUrl);
      Outcome bad = base(x, false, ++seq);
      bad.hubspot = false;
      bad.how = "url";
      bad.url = x.p.url();
      bad.email = "";
      bad.currency = "CHF";
      bad.fate = Fate.UNKNOWN_CURRENCY;
      bad.closedOn = g.lastDate.minusDays(r.nextInt(60));
      finish(bad);
      outcomes.add(bad);
    }
  }

  private Rel weightedPick(List<Rel> pool) {
    if (pool.isEmpty()) {
      return null;
    }
    double total = 0;
    double[] w = new double[pool.size()];
    for (int i = 0; i < w.length; i++) {
      Rel x = pool.get(i);
      double base = switch (x.style) {
        case INTRODUCED -> 4.0;
        case RELATIONSHIP -> 1.5;
        case SILENT -> 0.5;
        default -> 1.0;
      };
      w[i] = base * (x.social > 0.3 ? 1.5 : 1.0);
      total += w[i];
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u <= 0) {
        return pool.get(i);
      }
    }
    return pool.get(pool.size() - 1);
  }

  private String currency() {
    if (Rng.chance(r, 0.1)) {
      return Rng.pick(r, List.of("USD", "EUR", "GBP"));
    }
    String z = m.zone.getId();
    return z.equals("Europe/London") ? "GBP" : z.startsWith("Europe/") ? "EUR" : "USD";
  }

  private long value(String type) {
    long units = switch (type) {
      case "placement" -> 12_000 + r.nextInt(48_000);
      case "referral" -> 500 + r.nextInt(7_500);
      default -> 5_000 + r.nextInt(245_000);
    };
    long cents = units * 100;
    if (Rng.chance(r, 0.3)) {
      cents += 50;
    }
    return cents;
  }

  private Outcome base(Rel x, boolean hubspot, int seq) {
    Outcome o = new Outcome();
    o.ownerId = m.id;
    o.ownerName = m.person.name();
    o.hubspot = hubspot;
    if (hubspot) {
      o.id = Long.toString(20_000_000_000L + m.idx * 10_000L + seq);
      o.type = "deal";
    } else {
      o.id = String.format(Locale.ROOT, "O-%s-%03d", m.id, seq);
      double u = r.nextDouble();
      o.type = m.pitchesRecruiting() ? (u < 0.8 ? "placement" : "referral")
          : m.pitchesSales() ? (u < 0.85 ? "deal" : "referral") : (u < 0.6 ? "deal" : "referral");
      if (o.type.equals("referral") && hubspot) {
        o.type = "deal";
      }
    }
    o.source = hubspot ? "hubspot" : o.type.equals("placement") ? "bullhorn" : o.type.equals("deal") ? "salesforce" : "manual";
    o.currency = currency();
    o.cents = value(o.type);
    o.detectedIntroduction = x.style == Style.INTRODUCED && x.introducer != null;
    // how the CRM names the contact: whatever this export really exposes
    List<String> ways = new ArrayList<>();
    if (x.urlExposed) {
      ways.add("url");
      ways.add("url");
      ways.add("url");
      ways.add("url");
    }
    if (x.emailExposed) {
      ways.add("email");
    }
    if (x.nameCompanyExposed) {
      ways.add("name_company");
      ways.add("name_company");
    }
    o.how = x.emailExposed && Rng.chance(r, 0.5) ? "email" : Rng.pick(r, ways);
    Person p = x.p;
    switch (o.how) {
      case "url" -> {
        o.url = urlVariant(p);
        o.name = p.name();
        o.company = p.company();
      }
      case "email" -> {
        o.email = p.email();
        if (hubspot) {
          o.name = p.name();
          o.company = p.company();
        }
      }
      default -> {
        o.name = p.name();
        o.company = p.company();
      }
    }
    if (x.introducer != null && x.style == Style.INTRODUCED && Rng.chance(r, 0.8)) {
      introducer(o, x.introducer);
    } else if (Rng.chance(r, 0.04)) {
      List<Rel> referrers = g.rels.stream().filter(y -> y != x && y.external() && !y.twin && y.urlExposed
          && y.messaged()).toList();
      if (!referrers.isEmpty()) {
        introducer(o, Rng.pick(r, referrers));
      }
    }
    if (hubspot) {
      o.dealName = (p.hasCompany() ? p.company() : p.last()) + " - "
          + Rng.pick(r, List.of("Annual licence", "Pilot", "Expansion", "Retainer", "Rollout phase 2"));
    }
    return o;
  }

  private void introducer(Outcome o, Rel c) {
    if (c.urlExposed) {
      o.introUrl = c.p.url();
      o.introName = c.p.name();
    } else if (c.emailExposed) {
      o.introEmail = c.p.email();
      o.introName = c.p.name();
    }
  }

  private void finish(Outcome o) {
    o.closeTime = o.stage.equals("appointmentscheduled") && Rng.chance(r, 0.5) ? null
        : o.closedOn.atTime(9 + r.nextInt(9), 15 * r.nextInt(4));
    o.createTime = o.closedOn.minusDays(14 + r.nextInt(107)).atTime(8 + r.nextInt(10), r.nextInt(60));
  }

  private String urlVariant(Person p) {
    String slug = p.slug();
    if (!Rng.chance(r, 0.3)) {
      return p.url();
    }
    return switch (r.nextInt(slug.contains("%") ? 6 : 5)) {
      case 0 -> p.url() + "/";
      case 1 -> "http://www.linkedin.com/in/" + slug;
      case 2 -> "https://linkedin.com/in/" + slug + "/";
      case 3 -> p.url() + "?originalSubdomain=uk";
      case 4 -> "https://WWW.LinkedIn.com/in/" + slug;
      default -> "https://www.linkedin.com/in/" + java.net.URLDecoder.decode(slug, java.nio.charset.StandardCharsets.UTF_8);
    };
  }

  private void interactions() {
    List<Rel> pool = g.rels.stream().filter(x -> x.external() && !x.twin && x.messaged() && x.urlExposed
        && x.t0 + 40 * DAY < g.end).toList();
    int n = Math.min(pool.size(), Math.max(3, pool.size() / 20));
    List<Rel> copy = new ArrayList<>(pool);
    for (int i = 0; i < n; i++) {
      Rel x = copy.remove(r.nextInt(copy.size()));
      int k = 1 + r.nextInt(4);
      for (int j = 0; j < k; j++) {
        long ts = Rng.between(r, x.t0 + 35 * DAY, g.end - HOUR);
        double u = r.nextDouble();
        String channel = u < 0.5 ? "email" : u < 0.8 ? "meeting" : "phone";
        String conv = switch (channel) {
          case "email" -> "email-" + Long.toHexString(r.nextLong() >>> 20);
          case "meeting" -> "mtg-" + Long.toHexString(r.nextLong() >>> 24);
          default -> "";
        };
        boolean byEmail = x.emailExposed && Rng.chance(r, 0.5);
        String when = Rng.chance(r, 0.5) ? Formats.isoOffset(ts, m.zone) : Formats.isoOffset(ts, java.time.ZoneOffset.UTC);
        interactions.add(new String[] {m.id, byEmail ? "" : x.p.url(), byEmail ? x.p.email() : "", x.p.name(), when,
            r.nextBoolean() ? "out" : "in", channel, conv});
      }
    }
  }
}
