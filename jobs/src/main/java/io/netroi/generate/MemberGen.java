package io.netroi.generate;

import static io.netroi.generate.Formats.DAY;
import static io.netroi.generate.Formats.HOUR;

import io.netroi.generate.Model.Conv;
import io.netroi.generate.Model.ConvKind;
import io.netroi.generate.Model.ConnRow;
import io.netroi.generate.Model.Copy;
import io.netroi.generate.Model.InvRow;
import io.netroi.generate.Model.Msg;
import io.netroi.generate.Model.Rel;
import io.netroi.generate.Model.Style;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds one member's relationships, conversations, connections and invitations, each row with
 * its planned fate. Everything the truth file reports about this member is recorded here, while
 * the rows are made, never recomputed from the written files.
 */
final class MemberGen {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MemberGen.class);
  static final double P_REPLY_RELATIONSHIP = 0.50;
  static final double P_REPLY_PITCH = 0.08;
  static final double P_REPLY_INTRODUCED = 0.65;
  static final double P_ACCEPT_PERSONALISED = 0.70;
  static final double P_ACCEPT_VANILLA = 0.30;
  private static final long NONE = Long.MIN_VALUE;

  final Plan plan;
  final Plan.Member m;
  final People people;
  final SplittableRandom r;
  final Person me;
  final Vintage v;
  final long start;
  final long end;
  final LocalDate startDate;
  final LocalDate lastDate;
  /** Planted specials (exclusions, bad rows) happen after this instant (after the older export of m06). */
  final long specialsFrom;
  final long olderEnd;
  final boolean invitationsOn;

  final List<Rel> rels = new ArrayList<>();
  final List<Conv> convs = new ArrayList<>();
  final List<ConnRow> conns = new ArrayList<>();
  final List<InvRow> invs = new ArrayList<>();
  final List<String> erasedIdentifiers = new ArrayList<>();
  private final Set<Integer> used = new HashSet<>();
  private int nextPrivate;
  private int nextScan;
  int introsReceived;
  int introsMade;
  int groups;
  int largeGroups;

  MemberGen(Plan plan, Plan.Member m) {
    this.plan = plan;
    this.m = m;
    this.people = plan.people;
    this.r = Rng.stream(plan.seed, 1_000_000L + m.idx);
    this.me = m.person;
    this.v = m.vintage;
    this.start = m.windowStart;
    this.end = m.windowEnd - 600;
    this.startDate = m.historyStart;
    this.lastDate = m.exportDate.minusDays(1);
    this.olderEnd = m.olderExportDate == null ? Long.MIN_VALUE : Formats.startOf(m.olderExportDate, m.zone);
    this.specialsFrom = m.olderExportDate == null ? start + DAY : olderEnd + DAY;
    this.invitationsOn = v.invitations != Vintage.InvitationsFormat.NONE && !m.emptyInvitationsFile
        && !m.pendingOnlyInvitations;
    this.nextPrivate = m.privateBase;
    this.nextScan = m.privateBase + m.privateCap;
  }

  /** Builds the whole model. */
  MemberGen build() {
    long budget = m.budget;
    boolean hasGroups = v.messages != Vintage.MessagesFormat.INBOX;
    int nSpam = v.hasFolder() ? 1 + (int) (budget / 2500) : 0;
    int nDraft = v.hasFolder() ? 1 + (int) (budget / 4000) : 0;
    int nAccepted = hasGroups ? 1 + (int) (budget / 4000) : 0;
    int nSponsored = v.hasFolder() ? 1 + (int) (budget / 5000) : 0;
    int nAnon = v.hasFolder() ? 1 + (int) (budget / 5000) : 0;
    int nLarge = hasGroups ? 1 + (int) (budget / 8000) : 0;
    long specialsEstimate = nSpam * 2L + nDraft + nAccepted + nSponsored + nAnon * 2L + nLarge * 5L
        + m.colleagues.size() * 9L + 8;
    long relBudget = Math.max(8, budget - specialsEstimate);

    messagedRelationships(relBudget);
    silentRelationships();
    colleagues();
    if (m.erasures) {
      erasures();
    }
    twins();
    rels.sort(Comparator.comparingLong((Rel x) -> x.t0).thenComparingInt(x -> x.p.idx()));
    invitations();
    introducers();
    connections();
    for (Rel rel : new ArrayList<>(rels)) {
      if (rel.target > 0 && !rel.colleague) {
        oneToOne(rel);
      }
    }
    if (hasGroups) {
      introductionsMade();
      groups();
    }
    long reserve = Math.round(nSpam * 1.5 + nDraft + nAccepted + nSponsored + nAnon * 1.5 + nLarge * 4.5 + 3);
    topUp(budget - reserve);
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: budget {}, messages {}, relationships {}", m.id, v, budget,
          convs.stream().mapToLong(c -> c.msgs.size()).sum(), rels.size());
    }
    if (hasGroups) {
      for (int i = 0; i < nLarge; i++) {
        largeGroup();
      }
    }
    specials(nSpam, nDraft, nAccepted, nSponsored, nAnon);
    badRows();
    if (m.olderExportDate != null) {
      splitExports();
    }
    exposure();
    return this;
  }

  // ---------------------------------------------------------------- people

  private Person privatePerson() {
    while (true) {
      if (nextPrivate >= m.privateBase + m.privateCap) {
        throw new IllegalStateException("private person range exhausted for " + m.id);
      }
      Person p = people.person(nextPrivate++);
      if (v == Vintage.V2017 && !People.fitsWindows1252(p.name() + p.company() + p.position())) {
        continue;
      }
      used.add(p.idx());
      return p;
    }
  }

  /** A private person matching a predicate (used to make sure a quirk appears). */
  private Person privatePerson(java.util.function.Predicate<Person> want) {
    while (nextScan < m.privateBase + m.privateCap + m.scanZone) {
      Person p = people.person(nextScan++);
      if (v == Vintage.V2017 && !People.fitsWindows1252(p.name() + p.company() + p.position())) {
        continue;
      }
      if (want.test(p)) {
        used.add(p.idx());
        return p;
      }
    }
    return null;
  }

  /** A shared-pool person usable in this export, or a private one when none fits. */
  private Person contact(boolean allowShared, double pShared, boolean mustHaveCompany) {
    if (allowShared && Rng.chance(r, pShared) && plan.sharedSize > 0) {
      for (int attempt = 0; attempt < 20; attempt++) {
        int idx = plan.sharedPick(r, m);
        if (used.contains(idx)) {
          continue;
        }
        Person p = people.person(idx);
        if (mustHaveCompany && !p.hasCompany()) {
          continue;
        }
        if (v == Vintage.V2017 && !People.fitsWindows1252(p.name() + p.company() + p.position())) {
          continue;
        }
        used.add(idx);
        return p;
      }
    }
    return privatePerson();
  }

  private long instant(long from, long to) {
    return Rng.between(r, Math.max(from, start + HOUR), Math.max(Math.max(from, start + HOUR) + 1, to));
  }

  /** A first-touch time, weighted towards recent quarters (networks grow). */
  private long recentBiased(long from, long to) {
    double u = Math.pow(r.nextDouble(), 0.8);
    return from + (long) ((to - from) * u);
  }

  private LocalDate date(long epochSecond) {
    return Formats.localDate(epochSecond, m.zone);
  }

  private LocalDate clampDate(LocalDate d) {
    if (d.isBefore(startDate)) {
      return startDate;
    }
    return d.isAfter(lastDate) ? lastDate : d;
  }

  // ---------------------------------------------------------------- relationships

  private int drawTarget() {
    int u = r.nextInt(100);
    if (u < 35) {
      return 1 + r.nextInt(2);
    } else if (u < 70) {
      return 3 + r.nextInt(6);
    } else if (u < 92) {
      return 9 + r.nextInt(22);
    }
    return 31 + r.nextInt(120);
  }

  private Style drawStyle() {
    double u = r.nextDouble();
    boolean pitchy = m.pitchesRecruiting() || m.pitchesSales();
    double pRel = pitchy ? 0.28 : 0.40;
    double pPitch = pitchy ? 0.32 : 0.15;
    double pInbound = pitchy ? 0.30 : 0.35;
    if (u < pRel) {
      return Style.RELATIONSHIP;
    } else if (u < pRel + pPitch) {
      return Style.PITCH;
    } else if (u < pRel + pPitch + pInbound) {
      return Style.INBOUND;
    }
    return v == Vintage.V2017 ? Style.RELATIONSHIP : Style.INTRODUCED;
  }

  private void messagedRelationships(long relBudget) {
    long sum = 0;
    long goal = (long) (relBudget * 1.12);
    boolean modern = v.urlsEverywhere();
    long latest = end - 30 * DAY;
    while (sum < goal) {
      int target = drawTarget();
      Style style = drawStyle();
      Person p = modern ? contact(true, 0.4, false) : privatePerson();
      Rel x = new Rel(p, p.idx() < plan.sharedBase + plan.sharedSize);
      x.mustConnect = modern && x.shared && p.hasCompany();
      x.style = style;
      x.target = target;
      x.t0 = recentBiased(start + HOUR, latest);
      x.social = Rng.chance(r, 0.2) ? Rng.uniform(r, 0.35, 0.6) : Rng.uniform(r, 0.0, 0.25);
      rels.add(x);
      sum += target;
    }
  }

  private void silentRelationships() {
    long messaged = rels.size();
    int n = (int) Math.max(3, Math.round(messaged * Rng.uniform(r, 0.7, 1.1)));
    boolean modern = v.urlsEverywhere();
    for (int i = 0; i < n; i++) {
      Person p = modern ? contact(true, 0.45, false) : contact(true, 0.4, true);
      Rel x = new Rel(p, p.idx() < plan.sharedBase + plan.sharedSize);
      x.mustConnect = modern && x.shared && p.hasCompany();
      x.style = Style.SILENT;
      x.plainSilent = true;
      x.t0 = recentBiased(start + HOUR, end - DAY);
      rels.add(x);
    }
    // make sure the quirky names and blank companies show up in the first export
    if (m.idx == 0 && modern) {
      addSilent(privatePerson(p -> p.last().codePoints().anyMatch(cp -> cp > 0x2000)));
      addSilent(privatePerson(p -> !p.hasCompany()));
      addSilent(privatePerson(p -> p.slug().contains("%")));
      addSilent(privatePerson(p -> p.email() != null && p.hasCompany()));
    }
    if (v == Vintage.V2017) {
      for (String c : List.of("é", "ñ", "ü")) {
        addSilent(privatePerson(p -> p.name().contains(c)));
      }
    }
  }

  private void addSilent(Person p) {
    if (p == null) {
      return;
    }
    Rel x = new Rel(p, false);
    x.style = Style.SILENT;
    x.plainSilent = true;
    x.t0 = recentBiased(start + HOUR, end - DAY);
    rels.add(x);
  }

  private void colleagues() {
    for (int other : m.colleagues) {
      Plan.Member o = plan.member(other);
      Rel x = new Rel(o.person, false);
      x.colleague = true;
      x.style = Style.SILENT;
      Colleagues.Pair pair = Colleagues.pair(plan, m, o);
      x.t0 = pair.firstTs();
      x.connected = true;
      x.connectedOn = clampDate(date(pair.connectedAt()));
      Conv c = new Conv(convs.size(), ConvKind.COLLEAGUE, pair.conversationId(), List.of(me, o.person));
      for (Colleagues.Line l : pair.lines()) {
        boolean fromMe = l.fromLow() == (m.idx < other);
        c.add(l.ts(), fromMe ? 0 : 1, l.text(), Fate.KEPT);
      }
      convs.add(c);
      x.conv = c;
      rels.add(x);
    }
  }

  private void erasures() {
    Person byUrl = privatePerson(p -> p.hasCompany() && p.email() == null);
    Person byEmail = privatePerson(p -> p.email() != null);
    if (byUrl != null) {
      Rel x = new Rel(byUrl, false);
      x.erased = true;
      x.style = Style.INBOUND;
      x.t0 = instant(start + 30 * DAY, end - 60 * DAY);
      x.connected = true;
      x.connectedOn = clampDate(date(x.t0 - 5 * DAY));
      Conv c = newConv(ConvKind.ONE_TO_ONE, List.of(me, byUrl));
      long t = x.t0;
      for (int i = 0; i < 3 + r.nextInt(4); i++) {
        c.add(t, i % 2 == 0 ? 1 : 0, Texts.fill(Rng.pick(r, i == 0 ? Texts.INBOUND : Texts.NEUTRAL_REPLY), r,
            i % 2 == 0 ? byUrl : me, i % 2 == 0 ? me : byUrl, null), Fate.ERASED);
        t += Rng.between(r, HOUR, 5 * DAY);
      }
      x.conv = c;
      rels.add(x);
      erasedIdentifiers.add(byUrl.url());
    }
    if (byEmail != null) {
      Rel x = new Rel(byEmail, false);
      x.erased = true;
      x.style = Style.SILENT;
      x.connected = true;
      x.t0 = instant(start + DAY, end - DAY);
      x.connectedOn = clampDate(date(x.t0));
      rels.add(x);
      erasedIdentifiers.add(byEmail.email());
    }
  }

  private void twins() {
    for (Plan.Twins t : plan.twins) {
      Person a = people.person(t.personA());
      if (t.memberA() == m.idx) {
        addTwin(a);
      }
      if (t.memberB() == m.idx) {
        addTwin(people.twinOf(a, t.personB()));
      }
    }
  }

  private void addTwin(Person p) {
    Rel x = new Rel(p, true);
    x.twin = true;
    x.style = Style.SILENT;
    x.plainSilent = true;
    x.t0 = recentBiased(start + HOUR, end - DAY);
    used.add(p.idx());
    rels.add(x);
  }

  /** Every introduced relationship needs an earlier relationship who introduces them. */
  private void introducers() {
    List<Rel> earlier = new ArrayList<>();
    for (Rel x : rels) {
      if (x.style == Style.INTRODUCED) {
        List<Rel> ok = earlier.stream().filter(c -> c.t0 < x.t0 - 3 * DAY).toList();
        if (ok.isEmpty()) {
          x.style = Style.RELATIONSHIP;
        } else {
          x.introducer = Rng.pick(r, ok);
        }
      }
      if (x.target > 0 && x.external() && x.style != Style.SILENT && !x.noteOpened) {
        earlier.add(x);
      }
    }
  }

  private String note(Style style) {
    if (style == Style.PITCH) {
      return Rng.pick(r, m.pitchesRecruiting() ? Texts.PITCH_RECRUITING
          : m.pitchesSales() ? Texts.PITCH_SALES : r.nextBoolean() ? Texts.PITCH_SALES : Texts.PITCH_RECRUITING);
    }
    return Rng.pick(r, Texts.RELATIONSHIP);
  }

  private List<String> pitchBank() {
    return m.pitchesRecruiting() ? Texts.PITCH_RECRUITING
        : m.pitchesSales() ? Texts.PITCH_SALES : r.nextBoolean() ? Texts.PITCH_SALES : Texts.PITCH_RECRUITING;
  }

  private void invitations() {
    long latest = end - 25 * DAY;
    if (invitationsOn) {
      List<Rel> extra = new ArrayList<>();
      int pitchOrRel = 0;
      for (Rel x : rels) {
        if (!x.external() || x.twin) {
          continue;
        }
        double u = r.nextDouble();
        if (x.mustConnect) {
          if ((x.style == Style.RELATIONSHIP || x.style == Style.PITCH) && x.target > 0) {
            pitchOrRel++;
          }
        } else if ((x.style == Style.RELATIONSHIP || x.style == Style.PITCH) && x.target > 0) {
          pitchOrRel++;
          if (u < 0.25 && x.t0 <= latest) {
            x.noteOpened = true;
            invite(x, true, x.t0, Texts.fill(note(x.style), r, me, x.p, null), P_ACCEPT_PERSONALISED);
          } else if (u < 0.45 && x.t0 - 10 * DAY > start) {
            invite(x, true, x.t0 - Rng.between(r, DAY, 10 * DAY), "", P_ACCEPT_VANILLA);
          }
        } else if (x.style == Style.INBOUND && x.target > 0) {
          if (u < 0.25 && x.t0 - 3 * DAY > start) {
            String note = Rng.chance(r, 0.4) ? Texts.fill(Rng.pick(r, Texts.INBOUND), r, x.p, me, null) : "";
            invite(x, false, x.t0 - Rng.between(r, HOUR, 3 * DAY), note, 0.8);
          }
        } else if (x.plainSilent && x.t0 <= latest && (v.urlsEverywhere() || !x.shared)) {
          if (u < 0.15) {
            invite(x, true, x.t0, "", P_ACCEPT_VANILLA);
            x.plainSilent = false;
          } else if (u < 0.25) {
            invite(x, false, x.t0, "", 0.7);
            x.plainSilent = false;
          }
        }
      }
      // outreach that never got an answer: a personalised note and nothing else
      int outreach = Math.max(1, (int) Math.round(0.08 * pitchOrRel));
      for (int i = 0; i < outreach; i++) {
        // invitation-only outreach may go unanswered and unconnected: never a shared person
        Person p = privatePerson();
        Rel x = new Rel(p, false);
        x.style = r.nextBoolean() ? Style.PITCH : Style.RELATIONSHIP;
        x.noteOpened = true;
        x.t0 = recentBiased(start + HOUR, latest);
        invite(x, true, x.t0, Texts.fill(note(x.style), r, me, p, null), P_ACCEPT_PERSONALISED);
        extra.add(x);
      }
      rels.addAll(extra);
      // acceptance is measurable for this member: at least one outgoing invitee connected
      List<Rel> outgoing = rels.stream().filter(x -> x.inv != null && x.inv.outgoing).toList();
      if (!outgoing.isEmpty() && outgoing.stream().noneMatch(x -> x.invAccepted)) {
        outgoing.get(0).invAccepted = true;
      }
      rels.sort(Comparator.comparingLong((Rel x) -> x.t0).thenComparingInt(x -> x.p.idx()));
    } else if (m.pendingOnlyInvitations) {
      int k = 3 + (int) (m.budget / 400);
      for (int i = 0; i < k; i++) {
        Person p = privatePerson();
        Rel x = new Rel(p, false);
        boolean personalised = i % 2 == 0;
        x.style = personalised ? (r.nextBoolean() ? Style.PITCH : Style.RELATIONSHIP) : Style.SILENT;
        x.noteOpened = personalised;
        x.t0 = instant(end - 21 * DAY, end - HOUR);
        invite(x, true, x.t0, personalised ? Texts.fill(note(x.style), r, me, p, null) : "", 0);
        rels.add(x);
      }
      for (int i = 0; i < 2; i++) {
        Person p = privatePerson();
        Rel x = new Rel(p, false);
        x.style = Style.SILENT;
        x.t0 = instant(end - 21 * DAY, end - HOUR);
        invite(x, false, x.t0, "", 0);
        rels.add(x);
      }
    }
  }

  private void invite(Rel x, boolean outgoing, long ts, String note, double pAccept) {
    x.inv = new InvRow(x.p, outgoing, ts, note, Fate.KEPT);
    x.invAccepted = Rng.chance(r, pAccept);
    invs.add(x.inv);
  }

  private void connections() {
    for (Rel x : rels) {
      if (x.colleague || x.erased) {
        continue;
      }
      if (x.inv != null) {
        x.connected = x.invAccepted;
        if (x.connected) {
          LocalDate d = date(x.inv.ts).plusDays(r.nextInt(21));
          x.connectedOn = d.isAfter(lastDate) ? lastDate : d;
        }
      } else if (x.plainSilent || x.twin) {
        x.connected = true;
        x.connectedOn = clampDate(date(x.t0));
      } else if (x.target > 0) {
        x.connected = x.mustConnect || Rng.chance(r, x.style == Style.INTRODUCED ? 0.6 : 0.7);
        if (x.connected) {
          long at = x.style == Style.INTRODUCED ? x.t0 + Rng.between(r, DAY, 40 * DAY)
              : x.t0 + Rng.between(r, -120 * DAY, 60 * DAY);
          x.connectedOn = clampDate(date(at));
        }
      }
      if (x.connected) {
        conns.add(new ConnRow(x.p, x.connectedOn, x.erased ? Fate.ERASED : Fate.KEPT, false));
      }
    }
    for (Rel x : rels) {
      if ((x.colleague || x.erased) && x.connected) {
        conns.add(new ConnRow(x.p, x.connectedOn, x.erased ? Fate.ERASED : Fate.KEPT, false));
      }
    }
  }

  // ---------------------------------------------------------------- conversations

  private String conversationId() {
    byte[] b = new byte[15 + r.nextInt(10)];
    r.nextBytes(b);
    return "2-" + Base64.getEncoder().encodeToString(b);
  }

  private Conv newConv(ConvKind kind, List<Person> people) {
    Conv c = new Conv(convs.size(), kind, conversationId(), people);
    c.archived = Rng.chance(r, 0.15);
    convs.add(c);
    return c;
  }

  private Msg say(Conv c, long ts, int sender, String text) {
    Msg msg = c.add(ts, sender, text, Fate.KEPT);
    if (v.messages == Vintage.MessagesFormat.M2025 && Rng.chance(r, 0.02)) {
      msg.attachment = "https://www.linkedin.com/dms/prv/attachment/" + Long.toHexString(r.nextLong() >>> 4);
    }
    return msg;
  }

  private String memberText(Rel x, List<String> fallback) {
    double u = r.nextDouble();
    if (u < x.social) {
      return Texts.fill(Rng.pick(r, Texts.SOCIAL), r, me, x.p, null);
    }
    return Texts.fill(Rng.pick(r, fallback), r, me, x.p, null);
  }

  private String contactText(Rel x, List<String> fallback) {
    double u = r.nextDouble();
    if (u < x.social) {
      return Texts.fill(Rng.pick(r, Texts.SOCIAL), r, x.p, me, null);
    }
    return Texts.fill(Rng.pick(r, fallback), r, x.p, me, null);
  }

  /** Result of one session: who opened and whether the other side answered within 30 x 24 h. */
  private record Session(boolean answered, boolean answered30) {}

  /**
   * One session of a one-to-one conversation. The first answer comes 1-20 days after the opener
   * (or 1 h - 20 days for later sessions), or 46-85 days later, or never; never in between, so the
   * 30-day reply count is unambiguous. Follow-ups by the opener come before the answer.
   */
  private Session session(Rel x, Conv c, int opener, long t, String openerText, double pAnswer, boolean firstSession) {
    say(c, t, opener, openerText);
    int other = 1 - opener;
    long answerAt;
    if (Rng.chance(r, pAnswer)) {
      answerAt = t + (firstSession ? Rng.between(r, DAY, 20 * DAY) : Rng.between(r, HOUR, 20 * DAY));
    } else if (Rng.chance(r, 0.4)) {
      answerAt = t + Rng.between(r, 46 * DAY, 85 * DAY);
    } else {
      answerAt = NONE;
    }
    if (Rng.chance(r, 0.3)) {
      long fu = t + Rng.between(r, 2 * DAY, 8 * DAY);
      if ((answerAt == NONE || fu < answerAt - HOUR) && fu < end) {
        say(c, fu, opener, Texts.fill(Rng.pick(r, Texts.FOLLOW_UP), r, opener == 0 ? me : x.p, opener == 0 ? x.p : me, null));
      }
    }
    if (answerAt == NONE || answerAt >= end) {
      c.lastSessionAnswered = false;
      return new Session(false, false);
    }
    c.lastSessionAnswered = true;
    say(c, answerAt, other, other == 0 ? memberText(x, Texts.NEUTRAL_REPLY) : contactText(x, Texts.NEUTRAL_REPLY));
    // the conversation goes on for a while
    int more = Math.min(x.target - c.msgs.size(), 1 + r.nextInt(Math.max(1, Math.min(30, x.target))));
    long cur = answerAt;
    int side = other;
    for (int i = 0; i < more; i++) {
      cur += Rng.between(r, 600, 12 * DAY);
      if (cur >= end) {
        break;
      }
      side = Rng.chance(r, 0.7) ? 1 - side : side;
      say(c, cur, side, side == 0 ? memberText(x, Texts.NEUTRAL_REPLY) : contactText(x, Texts.NEUTRAL_REPLY));
    }
    return new Session(true, answerAt - t <= 30 * DAY);
  }

  private void oneToOne(Rel x) {
    Conv c = newConv(ConvKind.ONE_TO_ONE, List.of(me, x.p));
    x.conv = c;
    boolean continueAfter = true;
    switch (x.style) {
      case RELATIONSHIP, PITCH -> {
        double p = x.style == Style.PITCH ? P_REPLY_PITCH : P_REPLY_RELATIONSHIP;
        if (x.noteOpened) {
          // the invitation note was the opener: the contact may write back, the member waits
          long first;
          if (Rng.chance(r, p)) {
            first = x.inv.ts + Rng.between(r, DAY, 20 * DAY);
          } else if (Rng.chance(r, 0.3) && x.target > 0) {
            first = x.inv.ts + Rng.between(r, 46 * DAY, 85 * DAY);
          } else {
            first = NONE;
          }
          if (x.target == 0 || first == NONE || first >= end) {
            x.replied30 = false;
            continueAfter = false;
          } else {
            x.replied30 = first - x.inv.ts <= 30 * DAY;
            Session s = session(x, c, 1, first, contactText(x, Texts.NEUTRAL_REPLY), 0.85, false);
            tally(x, 1, s);
          }
        } else {
          String text = x.style == Style.PITCH ? Texts.fill(Rng.pick(r, pitchBank()), r, me, x.p, null)
              : Texts.fill(Rng.pick(r, Rng.chance(r, 0.35) ? Texts.SOCIAL : Texts.RELATIONSHIP), r, me, x.p, null);
          Session s = session(x, c, 0, x.t0, text, p, true);
          tally(x, 0, s);
          x.replied30 = s.answered30();
          continueAfter = s.answered() || Rng.chance(r, 0.3);
        }
      }
      case INBOUND -> {
        List<String> bank = Rng.chance(r, 0.25) ? (r.nextBoolean() ? Texts.PITCH_RECRUITING : Texts.PITCH_SALES)
            : Texts.INBOUND;
        String text = Texts.fill(Rng.pick(r, bank), r, x.p, me, null);
        Session s = session(x, c, 1, x.t0, text, 0.75, false);
        tally(x, 1, s);
      }
      case INTRODUCED -> {
        long intro = x.t0;
        Rel via = x.introducer;
        Conv g = newConv(ConvKind.INTRO_RECEIVED, List.of(me, via.p, x.p));
        say(g, intro, 1, Texts.fillIntro(Rng.pick(r, Texts.INTRO), r, via.p, me, x.p));
        long a = intro + Rng.between(r, HOUR, 20 * HOUR);
        long b = intro + Rng.between(r, HOUR, 20 * HOUR);
        say(g, Math.min(a, b), a <= b ? 2 : 0,
            Texts.fill(Rng.pick(r, Texts.INTRO_THANKS), r, a <= b ? x.p : me, a <= b ? me : x.p, via.p));
        say(g, Math.max(a, b) + 60, a <= b ? 0 : 2,
            Texts.fill(Rng.pick(r, Texts.INTRO_THANKS), r, a <= b ? me : x.p, a <= b ? x.p : me, via.p));
        introsReceived++;
        long first = Math.max(a, b) + Rng.between(r, DAY, 5 * DAY);
        Session s = session(x, c, 0, first, Texts.fill(Rng.pick(r, Texts.AFTER_INTRO), r, me, x.p, via.p),
            P_REPLY_INTRODUCED, true);
        tally(x, 0, s);
        x.replied30 = s.answered30();
        continueAfter = s.answered() || Rng.chance(r, 0.3);
      }
      default -> throw new IllegalStateException(x.style.name());
    }
    while (continueAfter && c.msgs.size() < x.target) {
      long t = c.last() + Rng.between(r, 100 * DAY, 400 * DAY);
      if (t >= end - DAY) {
        break;
      }
      boolean mine = r.nextBoolean();
      String text;
      if (mine) {
        text = (m.pitchesSales() || m.pitchesRecruiting()) && Rng.chance(r, 0.1)
            ? Texts.fill(Rng.pick(r, pitchBank()), r, me, x.p, null) : memberText(x, Texts.CHECK_IN);
      } else {
        text = contactText(x, Texts.CHECK_IN);
      }
      Session s = session(x, c, mine ? 0 : 1, t, text, 0.7, false);
      tally(x, mine ? 0 : 1, s);
    }
    if (c.msgs.isEmpty()) {
      convs.remove(c);
      x.conv = null;
    }
  }

  /**
   * Unanswered openers leave much of the planned volume unused; later sessions on relationships
   * that do talk fill the member's message budget. Only sessions after the last message are added,
   * so every planted first opener and its reply stay as they are.
   */
  private void topUp(long goal) {
    long total = 0;
    for (Conv c : convs) {
      total += c.msgs.size();
    }
    long deficit = goal - total;
    List<Rel> pool = new ArrayList<>();
    for (Rel x : rels) {
      if (x.external() && x.messaged() && x.conv.kind == ConvKind.ONE_TO_ONE
          && x.conv.msgs.stream().anyMatch(q -> q.sender == 0) && x.conv.msgs.stream().anyMatch(q -> q.sender == 1)) {
        pool.add(x);
      }
    }
    while (deficit > 0 && !pool.isEmpty()) {
      int i = r.nextInt(pool.size());
      Rel x = pool.get(i);
      long t = x.conv.last() + Rng.between(r, 100 * DAY, 400 * DAY);
      if (t >= end - DAY) {
        pool.set(i, pool.get(pool.size() - 1));
        pool.remove(pool.size() - 1);
        continue;
      }
      int before = x.conv.msgs.size();
      x.target = before + 2 + r.nextInt((int) Math.max(1, Math.min(40, deficit)));
      boolean mine = r.nextBoolean();
      String text = mine ? memberText(x, Texts.CHECK_IN) : contactText(x, Texts.CHECK_IN);
      Session s = session(x, x.conv, mine ? 0 : 1, t, text, 0.75, false);
      tally(x, mine ? 0 : 1, s);
      deficit -= x.conv.msgs.size() - before;
    }
    // still short (short histories): answered sessions simply go on for longer
    pool.clear();
    for (Rel x : rels) {
      if (x.external() && x.messaged() && x.conv.kind == ConvKind.ONE_TO_ONE && x.conv.lastSessionAnswered) {
        pool.add(x);
      }
    }
    while (deficit > 0 && !pool.isEmpty()) {
      int i = r.nextInt(pool.size());
      Rel x = pool.get(i);
      Conv c = x.conv;
      long t = c.last() + Rng.between(r, 600, 12 * DAY);
      if (t >= end) {
        pool.set(i, pool.get(pool.size() - 1));
        pool.remove(pool.size() - 1);
        continue;
      }
      int side = Rng.chance(r, 0.7) ? 1 - c.msgs.get(c.msgs.size() - 1).sender : c.msgs.get(c.msgs.size() - 1).sender;
      say(c, t, side, side == 0 ? memberText(x, Texts.NEUTRAL_REPLY) : contactText(x, Texts.NEUTRAL_REPLY));
      deficit--;
    }
  }

  private void tally(Rel x, int opener, Session s) {
    if (opener == 0) {
      x.outboundOpeners++;
      if (s.answered30()) {
        x.outboundReplied++;
      }
    }
  }

  private List<Rel> talkedBefore(long t, int min) {
    List<Rel> out = new ArrayList<>();
    for (Rel x : rels) {
      if (x.external() && x.messaged() && x.conv.msgs.get(0).ts < t - 7 * DAY && !x.twin) {
        out.add(x);
      }
    }
    return out.size() >= min ? out : List.of();
  }

  private List<Rel> distinct(List<Rel> pool, int k) {
    List<Rel> copy = new ArrayList<>(pool);
    List<Rel> out = new ArrayList<>();
    for (int i = 0; i < k && !copy.isEmpty(); i++) {
      out.add(copy.remove(r.nextInt(copy.size())));
    }
    return out;
  }

  private void introductionsMade() {
    int n = Math.max(m.idx < Plan.FIRST_VINTAGES.size() ? 1 : 0, (int) (rels.size() / 60));
    for (int i = 0; i < n; i++) {
      long t = instant(start + 120 * DAY, end - 10 * DAY);
      List<Rel> pool = talkedBefore(t, 2);
      if (pool.isEmpty()) {
        continue;
      }
      List<Rel> ab = distinct(pool, 2);
      Person a = ab.get(0).p;
      Person b = ab.get(1).p;
      Conv g = newConv(ConvKind.INTRO_MADE, List.of(me, a, b));
      say(g, t, 0, Texts.fillIntro(Rng.pick(r, Texts.INTRO), r, me, a, b));
      say(g, t + Rng.between(r, HOUR, DAY), 1, Texts.fill(Rng.pick(r, Texts.INTRO_THANKS), r, a, b, me));
      say(g, t + DAY + Rng.between(r, HOUR, 2 * DAY), 2, Texts.fill(Rng.pick(r, Texts.INTRO_THANKS), r, b, a, me));
      introsMade++;
    }
  }

  private void groups() {
    int n = 1 + (int) (rels.size() / 25);
    for (int i = 0; i < n; i++) {
      long t = instant(start + 90 * DAY, end - 5 * DAY);
      List<Rel> pool = talkedBefore(t, 3);
      if (pool.isEmpty()) {
        continue;
      }
      List<Rel> ps = distinct(pool, 2 + r.nextInt(2));
      List<Person> people = new ArrayList<>();
      people.add(me);
      ps.forEach(x -> people.add(x.p));
      Conv g = newConv(ConvKind.GROUP, List.copyOf(people));
      if (v.hasConversationTitle() && Rng.chance(r, 0.3)) {
        g.title = Rng.pick(r, List.of("Project sync", "Q3 planning", "Panel prep", "Alumni catch-up"));
      }
      int k = 3 + r.nextInt(8);
      long cur = t;
      for (int j = 0; j < k && cur < end; j++) {
        int sender = r.nextInt(people.size());
        String text = Rng.chance(r, 0.2) ? Texts.fill(Rng.pick(r, Texts.SOCIAL), r, people.get(sender), null, null)
            : Texts.fill(Rng.pick(r, Texts.GROUP), r, people.get(sender), null, null);
        say(g, cur, sender, text);
        cur += Rng.between(r, 600, 5 * DAY);
      }
      groups++;
    }
  }

  private void largeGroup() {
    long t = instant(specialsFrom, end - 3 * DAY);
    List<Rel> pool = new ArrayList<>();
    for (Rel x : rels) {
      if (x.external() && !x.twin && (x.messaged() || x.plainSilent) && x.shared == false) {
        pool.add(x);
      }
    }
    if (pool.size() < 4) {
      return;
    }
    List<Rel> ps = distinct(pool, 4 + r.nextInt(3));
    List<Person> people = new ArrayList<>();
    people.add(me);
    ps.forEach(x -> people.add(x.p));
    Conv g = newConv(ConvKind.LARGE_GROUP, List.copyOf(people));
    if (v.hasConversationTitle()) {
      g.title = Rng.pick(r, List.of("Class of 2012 reunion", "Community leaders circle", "Event volunteers"));
    }
    int k = 3 + r.nextInt(4);
    long cur = t;
    for (int j = 0; j < k && cur < end; j++) {
      int sender = r.nextInt(people.size());
      g.add(cur, sender, Texts.fill(Rng.pick(r, Texts.GROUP), r, people.get(sender), null, null), Fate.LARGE_GROUP);
      cur += Rng.between(r, 600, DAY);
    }
    largeGroups++;
  }

  // ---------------------------------------------------------------- planted exclusions and bad rows

  private void specials(int nSpam, int nDraft, int nAccepted, int nSponsored, int nAnon) {
    for (int i = 0; i < nSpam; i++) {
      Person p = privatePerson();
      Conv c = newConv(ConvKind.SPAM, List.of(me, p));
      c.archived = false;
      long t = instant(specialsFrom, end - DAY);
      int k = 1 + r.nextInt(2);
      for (int j = 0; j < k; j++) {
        c.add(t + j * Rng.between(r, HOUR, 3 * DAY), 1, Texts.fill(Rng.pick(r, Texts.SPAM), r, p, me, null), Fate.SPAM);
      }
    }
    // name-only rows (old formats) never name a shared person outside Connections.csv
    boolean nameOnly = !v.urlsEverywhere();
    List<Rel> silent = rels.stream().filter(x -> x.plainSilent && x.connected && !x.twin && x.external()
        && !(nameOnly && x.shared)).toList();
    for (int i = 0; i < nDraft && !silent.isEmpty(); i++) {
      Rel x = Rng.pick(r, silent);
      Conv c = newConv(ConvKind.DRAFT, List.of(me, x.p));
      c.archived = false;
      Msg d = c.add(instant(specialsFrom, end - HOUR), 0, Texts.fill(Rng.pick(r, Texts.DRAFT), r, me, x.p, null), Fate.DRAFT);
      d.draft = true;
    }
    // "Message request accepted" right after an inbound opener, before the member's answer
    List<Rel> inbound = rels.stream().filter(x -> x.style == Style.INBOUND && x.external() && x.messaged()
        && x.conv.msgs.get(0).ts > specialsFrom).toList();
    List<Rel> pickFrom = new ArrayList<>(inbound);
    for (int i = 0; i < nAccepted && !pickFrom.isEmpty(); i++) {
      Rel x = pickFrom.remove(r.nextInt(pickFrom.size()));
      Msg first = x.conv.msgs.get(0);
      long at = first.ts + Rng.between(r, 60, 600);
      if (x.conv.msgs.size() > 1 && x.conv.msgs.get(1).ts <= at) {
        continue;
      }
      x.conv.add(at, 0, Texts.REQUEST_ACCEPTED, Fate.SYSTEM);
    }
    // "A LinkedIn member left the conversation." at the end of a 3-4 person thread
    if (v.messages != Vintage.MessagesFormat.INBOX) {
      Conv host = null;
      for (Conv c : convs) {
        if (c.kind == ConvKind.GROUP && c.last() > specialsFrom && c.last() < end - DAY) {
          host = c;
        }
      }
      if (host == null) {
        long t = instant(specialsFrom, end - 3 * DAY);
        List<Rel> pool = talkedBefore(t, 2);
        if (!pool.isEmpty()) {
          List<Rel> ps = distinct(pool, 2);
          host = newConv(ConvKind.GROUP, List.of(me, ps.get(0).p, ps.get(1).p));
          say(host, t, 1, Texts.fill(Rng.pick(r, Texts.GROUP), r, ps.get(0).p, null, null));
          say(host, t + HOUR, 0, Texts.fill(Rng.pick(r, Texts.GROUP), r, me, null, null));
          groups++;
        }
      }
      if (host != null) {
        host.add(host.last() + Rng.between(r, HOUR, DAY), 1 + r.nextInt(host.people.size() - 1),
            Texts.LEFT_CONVERSATION, Fate.SYSTEM);
      }
    }
    for (int i = 0; i < nSponsored; i++) {
      Person p = privatePerson();
      Conv c = newConv(ConvKind.SPONSORED, List.of(me, p));
      c.archived = false;
      if (v.hasConversationTitle()) {
        c.title = Rng.pick(r, Texts.SPONSORED_TITLES);
      }
      c.subject = "Exclusive invitation";
      c.add(instant(specialsFrom, end - HOUR), 1, Texts.fill(Rng.pick(r, Texts.SPONSORED_HTML), r, p, me, null), Fate.SPONSORED);
    }
    for (int i = 0; i < nAnon; i++) {
      Conv c = newConv(ConvKind.ANONYMOUS, List.of(me, Person.LINKEDIN_MEMBER));
      c.archived = false;
      long t = instant(specialsFrom, end - DAY);
      int k = 1 + r.nextInt(2);
      for (int j = 0; j < k; j++) {
        c.add(t + j * Rng.between(r, HOUR, DAY), 1, Rng.pick(r, Texts.ANONYMOUS), Fate.LINKEDIN_MEMBER);
      }
    }
  }

  private void badRows() {
    boolean messagesHaveDates = v.messages != Vintage.MessagesFormat.INBOX;
    List<Rel> hosts = rels.stream().filter(x -> x.external() && x.messaged() && x.conv.kind == ConvKind.ONE_TO_ONE
        && x.conv.last() > specialsFrom).toList();
    if (messagesHaveDates && !hosts.isEmpty() && (m.guaranteedBadRows || Rng.chance(r, 0.25))) {
      Rel x = Rng.pick(r, hosts);
      Msg bad = x.conv.add(instant(specialsFrom, end - HOUR), 1, contactText(x, Texts.NEUTRAL_REPLY), Fate.BAD_DATE);
      bad.badDate = v.messages == Vintage.MessagesFormat.M2020 ? "0000-00-00T00:00:00" : "0000-00-00 00:00:00 UTC";
    }
    if (messagesHaveDates && !hosts.isEmpty() && ((m.guaranteedBadRows && m.idx == 0) || Rng.chance(r, 0.15))) {
      Rel x = Rng.pick(r, hosts);
      Msg bad = x.conv.add(instant(specialsFrom, end - HOUR), 1, contactText(x, Texts.NEUTRAL_REPLY), Fate.MALFORMED);
      bad.extraField = true;
    }
    boolean invitationFile = v.invitations != Vintage.InvitationsFormat.NONE && !m.emptyInvitationsFile;
    List<Rel> connected = rels.stream().filter(x -> x.external() && x.connected && !x.twin
        && (v.urlsEverywhere() || !x.shared)).toList();
    if (invitationFile && !connected.isEmpty() && (m.guaranteedBadRows || Rng.chance(r, 0.25))) {
      Rel x = Rng.pick(r, connected);
      InvRow bad = new InvRow(x.p, false, instant(specialsFrom, end - HOUR), "", Fate.BAD_DATE);
      bad.badDate = "00/00/00, 0:00 AM";
      invs.add(bad);
    }
    if (invitationFile && m.commaRowInvitations) {
      InvRow commas = new InvRow(null, false, instant(specialsFrom, end - HOUR), "", Fate.EMPTY_ROW);
      commas.commas = true;
      invs.add(commas);
    }
    if (v.connections == Vintage.ConnectionsFormat.PREAMBLE_URL
        || v.connections == Vintage.ConnectionsFormat.PREAMBLE_NO_URL) {
      int k = 2 + r.nextInt(4) + conns.size() / 150;
      LocalDate from = date(specialsFrom);
      for (int i = 0; i < k; i++) {
        LocalDate d = from.plusDays(r.nextLong(Math.max(1, lastDate.toEpochDay() - from.toEpochDay() + 1)));
        conns.add(new ConnRow(null, d.isAfter(lastDate) ? lastDate : d, Fate.UNIDENTIFIABLE, false));
      }
    }
    if (m.commaRowConnections) {
      conns.add(new ConnRow(null, lastDate, Fate.EMPTY_ROW, true));
    }
  }

  /** Member m06: which rows sit in both exports, only the newer, or only the older one. */
  private void splitExports() {
    for (Conv c : convs) {
      for (Msg msg : c.msgs) {
        msg.copy = msg.fate.kept() && msg.ts < olderEnd ? Copy.BOTH : Copy.NEWER;
      }
    }
    for (ConnRow c : conns) {
      c.copy = c.fate.kept() && c.date.isBefore(m.olderExportDate) ? Copy.BOTH : Copy.NEWER;
    }
    for (InvRow i : invs) {
      i.copy = i.fate.kept() && !i.commas && i.ts < olderEnd ? Copy.BOTH : Copy.NEWER;
    }
    // a conversation deleted between the two exports: only the older one has it
    Rel deleted = null;
    for (Rel x : rels) {
      if (x.external() && x.messaged() && x.conv.kind == ConvKind.ONE_TO_ONE && x.inv == null
          && x.conv.last() < olderEnd - DAY && x.conv.msgs.stream().allMatch(q -> q.fate.kept())
          && !isGroupMember(x) && (deleted == null || x.conv.msgs.size() > deleted.conv.msgs.size())) {
        deleted = x;
        if (x.conv.msgs.size() >= 4) {
          break;
        }
      }
    }
    if (deleted != null) {
      deleted.conv.msgs.forEach(q -> q.copy = Copy.OLDER);
      deleted.olderOnly = true;
    }
    // a connection removed between the two exports
    for (Rel x : rels) {
      if (x.plainSilent && x.external() && !x.twin && x.connected && x.connectedOn.isBefore(m.olderExportDate)
          && convs.stream().noneMatch(c -> c.people.contains(x.p) && c.kind != ConvKind.ONE_TO_ONE)) {
        for (ConnRow c : conns) {
          if (c.p == x.p) {
            c.copy = Copy.OLDER;
          }
        }
        break;
      }
    }
  }

  private boolean isGroupMember(Rel x) {
    for (Conv c : convs) {
      if (c.kind != ConvKind.ONE_TO_ONE && c.people.contains(x.p)) {
        return true;
      }
    }
    return false;
  }

  /** Which identifiers of each contact the kept rows of this export carry. */
  private void exposure() {
    for (Rel x : rels) {
      if (x.erased) {
        continue;
      }
      boolean connectionKept = x.connected;
      if (v.urlsEverywhere()) {
        x.urlExposed = true;
      } else if (v.senderUrlsOnly() && x.messaged()) {
        x.urlExposed = x.conv.msgs.stream().anyMatch(q -> q.fate.kept() && q.sender == 1);
      }
      x.emailExposed = connectionKept && x.p.email() != null;
      x.nameCompanyExposed = connectionKept && x.p.hasCompany();
    }
  }

  /** Every kept touch time of a relationship (messages either way, group messages, invitations). */
  List<Long> touches(Rel x) {
    List<Long> out = new ArrayList<>();
    for (Conv c : convs) {
      if (c.people.contains(x.p)) {
        for (Msg q : c.msgs) {
          if (q.fate.kept() && (c.kind == ConvKind.ONE_TO_ONE || c.kind == ConvKind.COLLEAGUE || q.sender == 0
              || c.people.get(q.sender) == x.p)) {
            out.add(q.ts);
          }
        }
      }
    }
    if (x.inv != null && x.inv.fate.kept()) {
      out.add(x.inv.ts);
    }
    out.sort(Long::compare);
    return out;
  }
}
