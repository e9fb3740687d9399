package io.netroi.generate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Who the members are and what each export looks like, decided up front from the seed (cheap, no
 * messages yet), so members can then be generated independently and in parallel.
 */
final class Plan {
  static final List<String> TEAMS = List.of("Recruiting", "Sales", "Consulting", "Executive Search",
      "Partnerships", "Customer Success", "Advisory", "Business Development");
  static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Berlin",
      "America/Los_Angeles", "Australia/Sydney", "Asia/Singapore", "America/Sao_Paulo", "Europe/Madrid",
      "America/Chicago", "Africa/Lagos", "Asia/Tokyo");
  /** Vintages handed out one each to the first members, in this order. */
  static final List<Vintage> FIRST_VINTAGES = List.of(Vintage.V2025, Vintage.V2023, Vintage.V2021, Vintage.V2020,
      Vintage.V2017, Vintage.TWO_EXPORTS, Vintage.GERMAN);
  /** With {@code urlVintagesOnly}: the vintages whose every row carries the contact's profile URL, in this order. */
  static final List<Vintage> URL_VINTAGES = FIRST_VINTAGES.stream().filter(Vintage::urlsEverywhere).toList();
  static final LocalDate TWO_OLDER = LocalDate.of(2025, 3, 2);
  static final LocalDate TWO_NEWER = LocalDate.of(2025, 11, 10);

  enum Layout { ZIP, FOLDER, DOUBLED_FOLDER }

  /** One member and their export(s). */
  static final class Member {
    int idx;
    String id;
    Person person;
    String team;
    ZoneId zone;
    boolean consent = true;
    boolean rosterUrlEmpty;
    boolean hasExport = true;
    Vintage vintage;
    Layout layout;
    String archivePrefix;
    LocalDate exportDate;
    LocalDate olderExportDate;
    LocalDate historyStart;
    long windowStart;
    long windowEnd;
    long budget;
    int privateBase;
    /** Private indices handed out in order; then a zone scanned for people with a given trait. */
    int privateCap;
    int scanZone;
    // quirks placed on this member
    boolean bomMessages;
    boolean pendingOnlyInvitations;
    boolean emptyInvitationsFile;
    boolean commaRowConnections;
    boolean commaRowMessages;
    boolean commaRowInvitations;
    boolean blankLinesMessages;
    boolean trailingBlankConnections;
    boolean corruptZip;
    boolean unsafeEntry;
    boolean irrelevantFiles;
    boolean erasures;
    boolean guaranteedBadRows;
    boolean interactions;
    final List<Integer> colleagues = new ArrayList<>();

    boolean analysed() {
      return consent && hasExport;
    }

    boolean pitchesRecruiting() {
      return team.equals("Recruiting") || team.equals("Executive Search");
    }

    boolean pitchesSales() {
      return !pitchesRecruiting() && !team.equals("Consulting") && !team.equals("Advisory");
    }

    String position() {
      return switch (team) {
        case "Recruiting" -> "Senior Recruiter";
        case "Executive Search" -> "Search Partner";
        case "Sales" -> "Account Executive";
        case "Consulting" -> "Senior Consultant";
        case "Advisory" -> "Advisor";
        case "Customer Success" -> "Customer Success Lead";
        default -> "Business Development Manager";
      };
    }
  }

  /** Two different people with the same name and company, both with profile URLs. */
  record Twins(int personA, int personB, int memberA, int memberB) {}

  final long seed;
  final int n;
  final long messages;
  final boolean quirks;
  /** Every member's export uses a vintage with profile URLs on every row (2025 and 2023 formats). */
  final boolean urlVintagesOnly;
  final People people;
  final List<Member> members = new ArrayList<>();
  final int teams;
  int sharedBase;
  int sharedSize;
  int teamWindow;
  int specialBase;
  final List<Twins> twins = new ArrayList<>();
  int outsider;
  LocalDate asOf;

  Plan(long seed, int n, long messages, boolean quirks) {
    this(seed, n, messages, quirks, false);
  }

  Plan(long seed, int n, long messages, boolean quirks, boolean urlVintagesOnly) {
    if (n < 1) {
      throw new IllegalArgumentException("members must be >= 1, got " + n);
    }
    this.seed = seed;
    this.n = n;
    this.messages = messages;
    this.quirks = quirks;
    this.urlVintagesOnly = urlVintagesOnly;
    this.people = new People(seed);
    this.teams = n == 1 ? 1 : Math.min(TEAMS.size(), Math.max(2, (int) Math.ceil(n / 15.0)));
    SplittableRandom r = Rng.stream(seed, 1);
    int width = Math.max(2, String.valueOf(n).length());
    int noConsent = n >= 6 ? n - 1 : -1;
    int missing = n >= 7 ? n - 2 : -1;
    int nextVintage = 0;
    List<Vintage> first = urlVintagesOnly ? URL_VINTAGES : FIRST_VINTAGES;
    for (int i = 0; i < n; i++) {
      Member m = new Member();
      m.idx = i;
      m.id = String.format(Locale.ROOT, "m%0" + width + "d", i + 1);
      m.team = TEAMS.get(i % teams);
      m.person = people.member(i, m.position());
      m.zone = ZoneId.of(i < 6 ? ZONES.get(i) : Rng.pick(r, ZONES));
      m.consent = i != noConsent;
      m.hasExport = i != missing;
      if (i != noConsent && i != missing && nextVintage < first.size()) {
        m.vintage = first.get(nextVintage++);
      } else {
        m.vintage = laterVintage(r.nextDouble(), urlVintagesOnly);
      }
      if (m.vintage == Vintage.GERMAN) {
        m.zone = ZoneId.of("Europe/Berlin");
      }
      dates(m, r, i);
      members.add(m);
    }
    if (n >= 6) {
      // the 2023 member (m02) is rostered without a profile URL: the pipeline must infer it
      members.stream().filter(m -> m.analysed() && m.vintage == Vintage.V2023).findFirst()
          .ifPresent(m -> m.rosterUrlEmpty = true);
    }
    placeQuirks();
    budgets(r);
    ranges();
    colleagues();
    asOf = members.stream().filter(m -> m.hasExport).map(m -> m.exportDate).max(LocalDate::compareTo)
        .orElse(LocalDate.of(2025, 11, 1));
  }

  /** The vintage of a member after the first ones, from a uniform draw: 70% 2025, 20% 2023, 10% 2021 (2023 when URL-only). */
  static Vintage laterVintage(double u, boolean urlVintagesOnly) {
    if (u < 0.7) {
      return Vintage.V2025;
    }
    return u < 0.9 || urlVintagesOnly ? Vintage.V2023 : Vintage.V2021;
  }

  private void dates(Member m, SplittableRandom r, int i) {
    LocalDate export;
    int quarters = 8 + r.nextInt(4);
    switch (m.vintage) {
      case V2025, GERMAN -> export = day(r, LocalDate.of(2025, 5, 1), LocalDate.of(2026, 10, 31));
      case V2023 -> export = day(r, LocalDate.of(2023, 3, 1), LocalDate.of(2024, 10, 31));
      case V2021 -> export = day(r, LocalDate.of(2021, 8, 1), LocalDate.of(2022, 12, 31));
      case V2020 -> export = day(r, LocalDate.of(2020, 2, 1), LocalDate.of(2020, 10, 31));
      case V2017 -> {
        export = day(r, LocalDate.of(2018, 2, 1), LocalDate.of(2018, 3, 31));
        quarters = 8;
      }
      case TWO_EXPORTS -> {
        export = TWO_NEWER;
        m.olderExportDate = TWO_OLDER;
        quarters = 9;
      }
      default -> throw new IllegalStateException(m.vintage.name());
    }
    m.exportDate = export;
    LocalDate q = export.withDayOfMonth(1).withMonth(((export.getMonthValue() - 1) / 3) * 3 + 1);
    m.historyStart = q.minusMonths(3L * quarters);
    m.windowStart = Formats.startOf(m.historyStart, m.zone);
    m.windowEnd = Formats.startOf(export, m.zone);
    switch (m.vintage) {
      case V2025 -> {
        double u = r.nextDouble();
        m.layout = i == 0 || u < 0.6 ? Layout.ZIP : u < 0.85 ? Layout.FOLDER : Layout.DOUBLED_FOLDER;
        m.archivePrefix = "Complete";
      }
      case V2023 -> {
        m.layout = i < FIRST_VINTAGES.size() || r.nextBoolean() ? Layout.FOLDER : Layout.ZIP;
        m.archivePrefix = "Basic";
      }
      case V2021 -> {
        m.layout = Layout.ZIP;
        m.archivePrefix = "Basic";
      }
      case V2020 -> {
        m.layout = Layout.FOLDER;
        m.archivePrefix = "Basic";
      }
      case V2017 -> {
        m.layout = Layout.ZIP;
        m.archivePrefix = "Initial";
      }
      case TWO_EXPORTS -> {
        m.layout = Layout.DOUBLED_FOLDER;
        m.archivePrefix = "Complete";
      }
      case GERMAN -> {
        m.layout = Layout.FOLDER;
        m.archivePrefix = "Complete";
      }
      default -> throw new IllegalStateException();
    }
  }

  private static LocalDate day(SplittableRandom r, LocalDate from, LocalDate to) {
    return from.plusDays(r.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
  }

  private Member firstAnalysed(Vintage v) {
    return members.stream().filter(m -> m.analysed() && m.vintage == v).findFirst().orElse(null);
  }

  private void placeQuirks() {
    Member m01 = members.get(0);
    Member m2023 = firstAnalysed(Vintage.V2023);
    Member m2021 = firstAnalysed(Vintage.V2021);
    Member m2020 = firstAnalysed(Vintage.V2020);
    if (m01.analysed()) {
      m01.commaRowConnections = true;
      m01.irrelevantFiles = true;
      m01.erasures = true;
      m01.guaranteedBadRows = true;
      m01.corruptZip = quirks;
      m01.unsafeEntry = quirks;
    }
    (m2023 != null ? m2023 : m01).bomMessages = true;
    (m2023 != null ? m2023 : m01).blankLinesMessages = true;
    if (m2023 != null) {
      m2023.pendingOnlyInvitations = true;
      m2023.guaranteedBadRows = true;
    }
    (m2020 != null ? m2020 : m01).commaRowMessages = true;
    if (m2020 != null) {
      m2020.trailingBlankConnections = true;
    }
    (m2021 != null ? m2021 : m01).commaRowInvitations = true;
    if (quirks) {
      Member empty = m2020;
      if (empty == null) {
        // the last analysed member with an Invitations file that carries no other invitation quirk
        for (Member m : members) {
          if (m.analysed() && m.vintage.invitations != Vintage.InvitationsFormat.NONE && !m.pendingOnlyInvitations
              && !m.commaRowInvitations && m != m01) {
            empty = m;
          }
        }
      }
      if (empty != null) {
        empty.emptyInvitationsFile = true;
      }
    }
    int withInteractions = 0;
    for (Member m : members) {
      if (m.analysed() && m.vintage.urlsEverywhere() && withInteractions < 3) {
        m.interactions = true;
        withInteractions++;
      }
    }
  }

  private void budgets(SplittableRandom r) {
    double[] w = new double[n];
    double sum = 0;
    for (Member m : members) {
      if (!m.hasExport) {
        continue;
      }
      double f = switch (m.vintage) {
        case V2023 -> 0.9;
        case V2021 -> 0.8;
        case V2020 -> 0.6;
        case V2017 -> 0.5;
        default -> 1.0;
      };
      w[m.idx] = f * Rng.uniform(r, 0.6, 1.4) * (m.consent ? 1.0 : 0.5);
      sum += w[m.idx];
    }
    for (Member m : members) {
      m.budget = m.hasExport ? Math.max(40, Math.round(messages * w[m.idx] / sum)) : 0;
    }
  }

  /** Person index ranges: members, a shared pool in team windows, one private range per member, specials. */
  private void ranges() {
    double avgBudget = members.stream().filter(m -> m.hasExport).mapToLong(m -> m.budget).average().orElse(100);
    double relsPerMember = 0.24 * avgBudget + 30;
    int teamSize = (int) Math.ceil((double) n / teams);
    teamWindow = (int) Math.max(60, Math.round(0.4 * relsPerMember * (2 + teamSize / 4.0)));
    sharedBase = n;
    sharedSize = teamWindow * teams;
    int next = sharedBase + sharedSize;
    for (Member m : members) {
      m.privateBase = next;
      m.privateCap = m.hasExport ? (int) Math.min(Integer.MAX_VALUE / 4, 0.4 * m.budget + 200) : 0;
      m.scanZone = m.hasExport && (m.idx == 0 || m.erasures || m.vintage == Vintage.V2017) ? 6000 : 0;
      next += m.privateCap + m.scanZone;
    }
    specialBase = next;
    // twins: scan special indices for people with a company and no emoji (clean twin rows)
    int k = specialBase;
    Member m01 = members.get(0);
    Member second = members.stream().filter(m -> m.idx > 0 && m.analysed() && m.vintage.urlsEverywhere())
        .findFirst().orElse(m01);
    if (m01.analysed() && m01.vintage.urlsEverywhere()) {
      for (int t = 0; t < 2; t++) {
        while (!people.person(k).hasCompany() || !People.isAscii(people.person(k).last())) {
          k++;
        }
        twins.add(new Twins(k, k + 1, m01.idx, t == 0 ? m01.idx : second.idx));
        k += 2;
      }
    }
    outsider = k++;
    if ((long) k + 16 >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many people for one run: " + k);
    }
  }

  /** Colleague pairs: members with URL-bearing exports message their teammates (and one cross-team pair). */
  private void colleagues() {
    List<List<Member>> byTeam = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      byTeam.add(new ArrayList<>());
    }
    for (Member m : members) {
      if (m.analysed() && m.vintage.urlsEverywhere()) {
        byTeam.get(TEAMS.indexOf(m.team)).add(m);
      }
    }
    for (List<Member> l : byTeam) {
      for (int k = 0; k < l.size(); k++) {
        for (int d = 1; d <= 2 && k + d < l.size(); d++) {
          pair(l.get(k), l.get(k + d));
        }
      }
    }
    for (int t = 0; t + 1 < teams; t++) {
      if (!byTeam.get(t).isEmpty() && !byTeam.get(t + 1).isEmpty()) {
        pair(byTeam.get(t).get(0), byTeam.get(t + 1).get(0));
      }
    }
  }

  private void pair(Member a, Member b) {
    long from = Math.max(a.windowStart, b.windowStart);
    long to = Math.min(a.windowEnd, b.windowEnd);
    if (to - from >= 120 * Formats.DAY && !a.colleagues.contains(b.idx)) {
      a.colleagues.add(b.idx);
      b.colleagues.add(a.idx);
    }
  }

  Member member(int idx) {
    return members.get(idx);
  }

  /** Index of a shared-pool person for this member: mostly from the team's window. */
  int sharedPick(SplittableRandom r, Member m) {
    if (r.nextInt(5) == 0) {
      return sharedBase + r.nextInt(sharedSize);
    }
    int t = TEAMS.indexOf(m.team);
    return sharedBase + t * teamWindow + r.nextInt(teamWindow);
  }
}
