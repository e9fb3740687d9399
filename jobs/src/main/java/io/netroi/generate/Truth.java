package io.netroi.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netroi.generate.Model.Style;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what was written and writes truth.json: counts by construction (each row's fate was
 * decided when it was made), never by re-reading the files. docs/generator.md documents every field.
 */
final class Truth {
  private final Plan plan;
  private final Generator.Options options;
  private final List<FileTally> globalFiles = new ArrayList<>();
  private final List<MemberSummary> members = new ArrayList<>();
  private final List<FileTally.Reject> fileRejects = new ArrayList<>();
  private final List<Outcomes.Outcome> outcomes = new ArrayList<>();
  private final Map<String, Long> interactionsByChannel = new TreeMap<>();
  private final Map<String, Long> writtenRows = new TreeMap<>();

  Truth(Plan plan, Generator.Options options) {
    this.plan = plan;
    this.options = options;
  }

  void global(FileTally t) {
    globalFiles.add(t);
  }

  void member(MemberSummary s) {
    members.add(s);
    for (FileTally t : s.files) {
      writtenRows.merge(t.kind, t.read, Long::sum);
    }
  }

  void fileReject(FileTally.Reject r) {
    fileRejects.add(r);
  }

  void outcome(Outcomes.Outcome o) {
    outcomes.add(o);
  }

  void interaction(String[] row) {
    interactionsByChannel.merge(row[6], 1L, Long::sum);
  }

  /** Rows written of one kind over all exports (analysed or not). */
  long writtenRows(String kind) {
    return writtenRows.getOrDefault(kind, 0L);
  }

  private static Map<String, Object> map() {
    return new LinkedHashMap<>();
  }

  void write(Path file) throws IOException {
    List<MemberSummary> analysed = members.stream().filter(s -> s.m.consent).toList();
    List<FileTally> files = new ArrayList<>(globalFiles.subList(0, 1));
    analysed.forEach(s -> files.addAll(s.files));
    files.addAll(globalFiles.subList(1, globalFiles.size()));
    List<FileTally.Reject> allFileRejects = new ArrayList<>();
    analysed.forEach(s -> allFileRejects.addAll(s.fileRejects));
    allFileRejects.addAll(fileRejects);

    Map<String, Object> root = map();
    Map<String, Object> gen = map();
    gen.put("truth_version", 1);
    gen.put("seed", options.seed());
    gen.put("members", options.members());
    gen.put("messages_requested", options.messages());
    gen.put("quirks", options.quirks());
    root.put("generator", gen);
    root.put("as_of", Formats.isoDate(plan.asOf));
    root.put("members", members());
    root.put("files", files.stream().map(Truth::file).toList());
    root.put("file_rejects", allFileRejects.stream().map(r -> reject(r, false)).toList());
    List<String> ignored = new ArrayList<>();
    analysed.forEach(s -> ignored.addAll(s.ignored));
    root.put("ignored_files", ignored);
    List<String> unread = new ArrayList<>();
    members.stream().filter(s -> !s.m.consent).forEach(s -> {
      s.files.forEach(t -> unread.add(t.sourceFile));
      unread.addAll(s.ignored);
    });
    root.put("unread_files", unread);
    List<Map<String, Object>> rejects = new ArrayList<>();
    files.forEach(t -> t.rejects.forEach(r -> rejects.add(reject(r, true))));
    root.put("rejects", rejects);
    root.put("totals", totals(files, allFileRejects));
    root.put("conversations", conversations(analysed));
    root.put("openers", openers(analysed));
    root.put("introductions", introductions(analysed));
    root.put("invitations", invitations(analysed));
    root.put("outcomes", outcomes(files));
    root.put("interactions", interactions());
    root.put("identity", identity(analysed, files));
    root.put("by_member", byMember(analysed));

    ObjectMapper mapper = new ObjectMapper();
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (OutputStream os = Files.newOutputStream(file)) {
      mapper.writer(pp).writeValue(os, root);
    }
    Files.writeString(file, Files.readString(file) + "\n");
  }

  private Map<String, Object> members() {
    Map<String, Object> out = map();
    out.put("total", plan.n);
    out.put("consenting", plan.members.stream().filter(m -> m.consent).count());
    out.put("analysed", plan.members.stream().filter(Plan.Member::analysed).count());
    out.put("teams", plan.members.stream().map(m -> m.team).distinct().toList());
    out.put("no_consent", plan.members.stream().filter(m -> !m.consent).map(m -> m.id).toList());
    out.put("missing_export", plan.members.stream().filter(m -> m.consent && !m.hasExport).map(m -> m.id).toList());
    out.put("inferred_identity", plan.members.stream().filter(m -> m.rosterUrlEmpty).map(m -> m.id).toList());
    List<Map<String, Object>> list = new ArrayList<>();
    for (Plan.Member m : plan.members) {
      Map<String, Object> x = map();
      x.put("member_id", m.id);
      x.put("team", m.team);
      x.put("timezone", m.zone.getId());
      x.put("consent", m.consent);
      x.put("profile_url", m.person.url());
      x.put("roster_profile_url_empty", m.rosterUrlEmpty);
      x.put("has_export", m.hasExport);
      if (m.hasExport) {
        x.put("vintage", m.vintage.label);
        List<String> exports = new ArrayList<>();
        if (m.olderExportDate != null) {
          exports.add("exports/" + m.id + "/" + ExportWriter.archiveName("Basic", m.olderExportDate) + ".zip");
        }
        String name = ExportWriter.archiveName(m.archivePrefix, m.exportDate);
        exports.add("exports/" + m.id + "/" + name + (m.layout == Plan.Layout.ZIP ? ".zip" : ""));
        x.put("exports", exports);
        x.put("export_date", Formats.isoDate(m.exportDate));
        x.put("history_start", Formats.isoDate(m.historyStart));
        x.put("colleagues", m.colleagues.stream().map(i -> plan.member(i).id).toList());
      }
      list.add(x);
    }
    out.put("list", list);
    return out;
  }

  private static Map<String, Object> file(FileTally t) {
    Map<String, Object> x = map();
    x.put("member_id", t.memberId);
    x.put("source_file", t.sourceFile);
    x.put("kind", t.kind);
    x.put("read", t.read);
    x.put("kept", t.kept);
    x.put("rejected", t.rejected);
    x.put("excluded", t.excluded);
    return x;
  }

  private static Map<String, Object> reject(FileTally.Reject r, boolean withRow) {
    Map<String, Object> x = map();
    x.put("member_id", r.memberId());
    x.put("source_file", r.sourceFile());
    if (withRow) {
      x.put("row_number", r.rowNumber());
    }
    x.put("reason", r.reason());
    return x;
  }

  private static Map<String, Object> totals(List<FileTally> files, List<FileTally.Reject> fileRejects) {
    Map<String, Object> x = map();
    long read = 0;
    long kept = 0;
    Map<String, Long> keptByKind = new TreeMap<>();
    Map<String, Long> readByKind = new TreeMap<>();
    Map<String, Long> excluded = new TreeMap<>();
    Map<String, Long> rejected = new TreeMap<>();
    for (FileTally t : files) {
      read += t.read;
      kept += t.kept;
      keptByKind.merge(t.kind, t.kept, Long::sum);
      readByKind.merge(t.kind, t.read, Long::sum);
      t.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
      t.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    }
    Map<String, Long> fileRejected = new TreeMap<>();
    fileRejects.forEach(r -> fileRejected.merge(r.reason(), 1L, Long::sum));
    x.put("read", read);
    x.put("kept", kept);
    x.put("connections_kept", keptByKind.getOrDefault("connections", 0L));
    x.put("messages_kept", keptByKind.getOrDefault("messages", 0L));
    x.put("invitations_kept", keptByKind.getOrDefault("invitations", 0L));
    x.put("read_by_kind", readByKind);
    x.put("kept_by_kind", keptByKind);
    x.put("excluded", excluded);
    x.put("rejected", rejected);
    x.put("file_rejected", fileRejected);
    return x;
  }

  private static Map<String, Object> conversations(List<MemberSummary> analysed) {
    Map<String, Object> x = map();
    x.put("one_to_one_external", analysed.stream().mapToLong(s -> s.oneToOneConversations).sum());
    x.put("groups_3_4", analysed.stream().mapToLong(s -> s.groupConversations).sum());
    x.put("group_messages_kept", analysed.stream().mapToLong(s -> s.groupMessages).sum());
    x.put("large_groups_5_plus", analysed.stream().mapToLong(s -> s.largeGroups).sum());
    x.put("large_group_messages", analysed.stream().mapToLong(s -> s.largeGroupMessages).sum());
    x.put("colleague_conversations", analysed.stream().mapToLong(s -> s.colleagueConversations).sum());
    x.put("colleague_messages_kept", analysed.stream().mapToLong(s -> s.colleagueMessages).sum());
    x.put("messages_only_in_older_export", analysed.stream().mapToLong(s -> s.olderOnlyMessages).sum());
    return x;
  }

  private static Map<String, Object> openers(List<MemberSummary> analysed) {
    Map<String, Object> x = map();
    Map<String, Object> byStyle = map();
    for (Style st : Style.values()) {
      Map<String, Object> s = map();
      long rels = analysed.stream().mapToLong(m -> m.relationships[st.ordinal()]).sum();
      s.put("relationships", rels);
      s.put("connected", analysed.stream().mapToLong(m -> m.connectedByStyle[st.ordinal()]).sum());
      if (st == Style.RELATIONSHIP || st == Style.PITCH || st == Style.INTRODUCED) {
        long replied = analysed.stream().mapToLong(m -> m.replied30[st.ordinal()]).sum();
        s.put("replied_30d", replied);
        s.put("reply_rate", rate(replied, rels));
      }
      s.put("outbound_session_openers", analysed.stream().mapToLong(m -> m.outboundByStyle[st.ordinal()]).sum());
      s.put("outbound_session_openers_replied_30d",
          analysed.stream().mapToLong(m -> m.outboundRepliedByStyle[st.ordinal()]).sum());
      byStyle.put(st.name().toLowerCase(Locale.ROOT), s);
    }
    x.put("by_style", byStyle);
    long out = analysed.stream().mapToLong(m -> m.outboundOpeners).sum();
    long replied = analysed.stream().mapToLong(m -> m.outboundReplied30).sum();
    Map<String, Object> o = map();
    o.put("openers", out);
    o.put("replied_30d", replied);
    o.put("reply_rate", rate(replied, out));
    x.put("outbound_session_openers", o);
    return x;
  }

  private static BigDecimal rate(long a, long b) {
    return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, java.math.RoundingMode.HALF_UP);
  }

  private static Map<String, Object> introductions(List<MemberSummary> analysed) {
    Map<String, Object> x = map();
    x.put("received", analysed.stream().mapToLong(s -> s.introsReceived).sum());
    x.put("made", analysed.stream().mapToLong(s -> s.introsMade).sum());
    return x;
  }

  private static Map<String, Object> invitations(List<MemberSummary> analysed) {
    Map<String, Object> x = map();
    List<MemberSummary> measurable = analysed.stream().filter(MemberSummary::acceptanceMeasurable).toList();
    Map<String, Object> p = map();
    long ps = measurable.stream().mapToLong(s -> s.personalisedSent).sum();
    long pa = measurable.stream().mapToLong(s -> s.personalisedAccepted).sum();
    p.put("sent", ps);
    p.put("accepted", pa);
    p.put("acceptance_rate", rate(pa, ps));
    Map<String, Object> v = map();
    long vs = measurable.stream().mapToLong(s -> s.vanillaSent).sum();
    long va = measurable.stream().mapToLong(s -> s.vanillaAccepted).sum();
    v.put("sent", vs);
    v.put("accepted", va);
    v.put("acceptance_rate", rate(va, vs));
    x.put("personalised", p);
    x.put("vanilla", v);
    x.put("incoming", analysed.stream().mapToLong(s -> s.incomingInvitations).sum());
    List<MemberSummary> notMeasurable = analysed.stream()
        .filter(s -> s.personalisedSent + s.vanillaSent > 0 && !s.acceptanceMeasurable()).toList();
    x.put("not_measurable_members", notMeasurable.stream().map(s -> s.m.id).toList());
    Map<String, Object> nm = map();
    nm.put("personalised_sent", notMeasurable.stream().mapToLong(s -> s.personalisedSent).sum());
    nm.put("vanilla_sent", notMeasurable.stream().mapToLong(s -> s.vanillaSent).sum());
    x.put("not_measurable_sent", nm);
    x.put("members_without_outgoing_invitations", analysed.stream()
        .filter(s -> s.personalisedSent + s.vanillaSent == 0).map(s -> s.m.id).toList());
    return x;
  }

  private Map<String, Object> outcomes(List<FileTally> files) {
    Map<String, Object> x = map();
    Map<String, Object> perFile = map();
    for (FileTally t : files) {
      if (t.kind.equals("outcomes")) {
        Map<String, Object> f = map();
        f.put("read", t.read);
        f.put("kept", t.kept);
        f.put("not_won", t.excluded.getOrDefault("not_won", 0L));
        f.put("rejected", t.rejected);
        perFile.put(t.sourceFile, f);
      }
    }
    x.put("files", perFile);
    List<Outcomes.Outcome> kept = outcomes.stream().filter(o -> o.fate.kept()).toList();
    x.put("kept", kept.size());
    Map<String, Long> byType = new TreeMap<>();
    kept.forEach(o -> byType.merge(o.type, 1L, Long::sum));
    x.put("kept_by_type", byType);
    Map<String, Long> notWon = new TreeMap<>();
    outcomes.stream().filter(o -> o.fate == Fate.NOT_WON).forEach(o -> notWon.merge(o.stage, 1L, Long::sum));
    x.put("not_won", notWon.values().stream().mapToLong(Long::longValue).sum());
    x.put("not_won_by_stage", notWon);
    Map<String, Long> rejected = new TreeMap<>();
    outcomes.stream().filter(o -> o.fate.kind() == Fate.Kind.REJECTED)
        .forEach(o -> rejected.merge(o.fate.reason(), 1L, Long::sum));
    x.put("rejected", rejected);
    Map<String, Long> matched = new LinkedHashMap<>();
    for (String how : List.of("url", "email", "name_company", "none")) {
      matched.put(how, kept.stream().filter(o -> o.how.equals(how)).count());
    }
    x.put("matched_by", matched);
    x.put("with_introducer", kept.stream().filter(Outcomes.Outcome::withIntroducer).count());
    x.put("with_detected_introduction", kept.stream().filter(o -> o.detectedIntroduction).count());
    x.put("with_introducer_and_detected_introduction",
        kept.stream().filter(o -> o.detectedIntroduction && o.withIntroducer()).count());
    x.put("matched_without_touches", kept.stream().filter(o -> !o.how.equals("none") && !o.touchesInWindow).count());
    Map<String, BigDecimal> value = new TreeMap<>();
    kept.forEach(o -> value.merge(o.currency, BigDecimal.valueOf(o.cents, 2), BigDecimal::add));
    x.put("value_by_currency", value);
    return x;
  }

  private Map<String, Object> interactions() {
    Map<String, Object> x = map();
    x.put("rows", interactionsByChannel.values().stream().mapToLong(Long::longValue).sum());
    x.put("by_channel", interactionsByChannel);
    return x;
  }

  private Map<String, Object> identity(List<MemberSummary> analysed, List<FileTally> files) {
    BitSet once = new BitSet();
    BitSet twice = new BitSet();
    BitSet colleagues = new BitSet();
    for (MemberSummary s : analysed) {
      for (int p : s.persons) {
        if (once.get(p)) {
          twice.set(p);
        }
        once.set(p);
      }
      for (int c : s.colleagues) {
        colleagues.set(c);
      }
    }
    Map<String, Object> x = map();
    x.put("distinct_people", once.cardinality() + colleagues.cardinality());
    x.put("distinct_external_people", once.cardinality());
    x.put("distinct_colleagues", colleagues.cardinality());
    x.put("external_people_in_several_members_exports", twice.cardinality());
    Map<String, Object> erased = map();
    List<String> ids = new ArrayList<>();
    analysed.forEach(s -> ids.addAll(s.erased));
    erased.put("identifiers", ids);
    erased.put("people", ids.size());
    Map<String, Long> rows = new TreeMap<>();
    for (FileTally t : files) {
      long n = t.excluded.getOrDefault("erased", 0L);
      if (n > 0) {
        rows.merge(t.kind, n, Long::sum);
      }
    }
    erased.put("rows_by_kind", rows);
    x.put("erased", erased);
    Map<String, Map<String, Object>> pairs = new LinkedHashMap<>();
    for (MemberSummary s : analysed) {
      for (String[] t : s.twins) {
        String key = t[0] + "|" + t[1];
        Map<String, Object> p = pairs.computeIfAbsent(key, k -> {
          Map<String, Object> e = map();
          e.put("name", t[0]);
          e.put("company", t[1]);
          e.put("profile_urls", new ArrayList<String>());
          e.put("member_ids", new ArrayList<String>());
          return e;
        });
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) p.get("profile_urls");
        @SuppressWarnings("unchecked")
        List<String> ms = (List<String>) p.get("member_ids");
        urls.add(t[2]);
        ms.add(t[3]);
      }
    }
    x.put("same_name_same_company_pairs", new ArrayList<>(pairs.values()));
    return x;
  }

  private static List<Map<String, Object>> byMember(List<MemberSummary> analysed) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MemberSummary s : analysed) {
      if (!s.m.hasExport) {
        continue;
      }
      Map<String, Object> x = map();
      x.put("member_id", s.m.id);
      long conns = 0;
      long msgs = 0;
      long invs = 0;
      for (FileTally t : s.files) {
        switch (t.kind) {
          case "connections" -> conns += t.kept;
          case "messages" -> msgs += t.kept;
          case "invitations" -> invs += t.kept;
          default -> { }
        }
      }
      x.put("connections_kept", conns);
      x.put("messages_kept", msgs);
      x.put("invitations_kept", invs);
      Map<String, Object> styles = map();
      for (Style st : Style.values()) {
        Map<String, Object> e = map();
        e.put("relationships", s.relationships[st.ordinal()]);
        if (st == Style.RELATIONSHIP || st == Style.PITCH || st == Style.INTRODUCED) {
          e.put("replied_30d", s.replied30[st.ordinal()]);
        }
        styles.put(st.name().toLowerCase(Locale.ROOT), e);
      }
      x.put("relationships_by_style", styles);
      x.put("outbound_session_openers", s.outboundOpeners);
      x.put("outbound_session_openers_replied_30d", s.outboundReplied30);
      x.put("acceptance_measurable", s.acceptanceMeasurable());
      out.add(x);
    }
    return out;
  }
}
