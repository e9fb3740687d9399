package io.netroi.ingest.messages;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.text.Lexicon;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkUpgradeException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.LegacyDateFormats$;
import org.apache.spark.sql.catalyst.util.TimestampFormatter;
import org.apache.spark.sql.catalyst.util.TimestampFormatter$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One member's message rows parsed together, in plain Java inside the task that read the member's
 * export: who the member is in their own messages (design.md's identity inference), then each row's
 * UTC time, sender and recipients, direction, contacts, conversation, the participants of the whole
 * conversation and the exclusion that applies. A member's rows are all in one task, so none of this
 * needs a shuffle, a join or a second scan of the raw rows.
 *
 * <p>It gives exactly what the Spark expressions it replaced gave (all ten ingest tables compared
 * identical before and after, README's fourth tuning round): time formats are parsed by Spark's own
 * {@link TimestampFormatter} and converted by {@link DateTimeUtils#toUTCTime} (gaps and overlaps of
 * daylight-saving time as {@code to_utc_timestamp} resolves them; {@code MemberMessagesTest} checks
 * them against those functions), names and URLs are normalised by
 * {@link Identifiers}' functions, and strings are trimmed, split and sorted as Spark does
 * ({@link SparkStrings}).
 */
public final class MemberMessages {
  /** {@code 2021-06-11 15:33:58 UTC} (2021+) and {@code 2019-11-06T02:08:20} (2020): UTC. */
  static final List<String> UTC_FORMATS = List.of("yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd'T'HH:mm:ss",
      "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'");
  /** {@code November 6, 2017, 2:08 AM} (Inbox.csv, ~2017): the member's wall clock. */
  static final List<String> LOCAL_FORMATS = List.of("MMMM d, yyyy, h:mm a", "MMM d, yyyy, h:mm a");
  static final String LINKEDIN_MEMBER = "linkedin member";
  /** Participant id used for the member in participant sets. */
  public static final String MEMBER = "@member";
  /** The canonical field of a message's text, which never becomes a column ({@link MessageText}). */
  public static final String CONTENT = "content";

  /**
   * A participant as later steps see them: normalised name and URL (the raw name, which only the
   * linkedin_member exclusion reads, stays in this class).
   */
  public static final StructType PERSON = new StructType()
      .add("name", DataTypes.StringType, true)
      .add("url", DataTypes.StringType, true);

  /**
   * A parsed message row: the raw record's place, the parse and the text's features (the member's
   * zone and identity, the same on every row, are in the identity record, not repeated here).
   */
  public static final StructType SCHEMA = new StructType()
      .add("member_id", DataTypes.StringType, false)
      .add("export_id", DataTypes.StringType, true)
      .add("export_date", DataTypes.StringType, true)
      .add("source_file", DataTypes.StringType, false)
      .add("row_number", DataTypes.LongType, false)
      .add("problem", DataTypes.StringType, true)
      .add("ts", DataTypes.TimestampType, true)
      .add("sender", PERSON, true)
      .add("is_out", DataTypes.BooleanType, true)
      .add("contacts", DataTypes.createArrayType(PERSON, true), true)
      .add("conversation_ref", DataTypes.StringType, true)
      .add("content_length", DataTypes.IntegerType, true)
      .add("is_pitch", DataTypes.BooleanType, true)
      .add("is_social", DataTypes.BooleanType, true)
      .add("is_intro_cue", DataTypes.BooleanType, true)
      .add("has_question", DataTypes.BooleanType, true)
      .add("content_hash", DataTypes.StringType, true)
      .add("participants", DataTypes.IntegerType, true)
      // the row's rank among the member's copies of the same message (Copies) and their group,
      // null for a row no other row copies
      .add("copy", DataTypes.IntegerType, true)
      .add("copy_group", DataTypes.IntegerType, true);

  /** Who the member is: {@link Identity}. */
  public static final StructType IDENTITY_SCHEMA = new StructType()
      .add("member_id", DataTypes.StringType, false)
      .add("identity_coverage", DataTypes.DoubleType, true)
      .add("member_url", DataTypes.StringType, true)
      .add("member_name", DataTypes.StringType, true)
      .add("identity_source", DataTypes.StringType, true);

  /** The roster's facts about a member that parsing needs. */
  public record Member(String memberId, String timezone, String profileUrl) implements Serializable {}

  /**
   * Who the member is inside their export. URL from the roster, else the URL the inferred person
   * sends from most; name from Profile.csv, else the person present in the most rows (the member is
   * in every one), whose share of the rows is the coverage; source roster / inferred / unknown.
   */
  public record Identity(String memberId, Double coverage, String memberUrl, String memberName, String source) {
    public Row toRow() {
      return RowFactory.create(memberId, coverage, memberUrl, memberName, source);
    }
  }

  /** The member's identity and their message rows ({@link #SCHEMA}), in the order read. */
  public record Result(Identity identity, List<Row> messages) {}

  private MemberMessages() {}

  /**
   * @param messages the member's raw message records (every export), parse problems included
   * @param profiles the member's raw Profile.csv records
   */
  public static Result parse(Member member, List<RawRecord> messages, List<RawRecord> profiles, Lexicon lexicon,
      int largeGroup) {
    Identity identity = identify(member, messages, profiles);
    Times times = new Times(member.timezone());
    List<Parsed> rows = new ArrayList<>(messages.size());
    for (RawRecord r : messages) {
      rows.add(parseRow(r, identity, times, lexicon));
    }
    Map<String, Set<String>> people = peoplePerConversation(rows);
    int[] participants = new int[rows.size()];
    String[] problems = new String[rows.size()];
    List<Copies.Key> keys = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Parsed p = rows.get(i);
      participants[i] = people.get(p.conversationRef).size();
      problems[i] = p.problem() != null ? p.problem() : exclusion(p, participants[i], largeGroup);
      keys.add(problems[i] == null ? p.copyKey() : null);
    }
    Copies copies = Copies.rank(messages, keys);
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(rows.get(i).toRow(participants[i], problems[i], copies.rank(i), copies.group(i)));
    }
    return new Result(identity, out);
  }

  // ------------------------------------------------------------------------- identity

  static Identity identify(Member member, List<RawRecord> messages, List<RawRecord> profiles) {
    String rosterUrl = Identifiers.rememberedUrl(member.profileUrl());
    String profileName = profileName(profiles);
    Inferred inferred = infer(messages);
    String url = rosterUrl != null ? rosterUrl : inferred.url();
    String name = profileName != null ? profileName : inferred.name();
    String source = rosterUrl != null ? "roster"
        : inferred.url() != null || inferred.name() != null ? "inferred" : "unknown";
    return new Identity(member.memberId(), inferred.coverage(), url, name, source);
  }

  /** The first Profile.csv row's name (first and last name joined by a space, normalised). */
  static String profileName(List<RawRecord> profiles) {
    for (RawRecord r : profiles) {
      List<String> parts = new ArrayList<>(2);
      for (String f : List.of("first_name", "last_name")) {
        String v = r.fields().get(f);
        if (v != null) {
          parts.add(v);
        }
      }
      String name = Identifiers.rememberedName(String.join(" ", parts));
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  record Inferred(String name, Double coverage, String url) {}

  /**
   * The person in the most well-formed rows (each person once per row; ties to the smaller name in
   * binary order) and, of the rows they sent, their most frequent URL (ties to the smaller URL).
   */
  static Inferred infer(List<RawRecord> messages) {
    Map<String, Long> mentions = new HashMap<>();
    long rows = 0;
    for (RawRecord r : messages) {
      if (r.problem() != null) {
        continue;
      }
      rows++;
      Set<String> people = new HashSet<>();
      people.add(Identifiers.rememberedName(SparkStrings.trim(r.fields().get("from"))));
      for (String to : SparkStrings.split(orEmpty(r.fields().get("to")), ',')) {
        people.add(Identifiers.rememberedName(SparkStrings.trim(to)));
      }
      people.remove(null);
      people.forEach(p -> mentions.merge(p, 1L, Long::sum));
    }
    Map.Entry<String, Long> top = most(mentions);
    if (top == null) {
      return new Inferred(null, null, null);
    }
    Map<String, Long> urls = new HashMap<>();
    for (RawRecord r : messages) {
      if (r.problem() == null && top.getKey().equals(Identifiers.rememberedName(r.fields().get("from")))) {
        String url = Identifiers.rememberedUrl(r.fields().get("sender_url"));
        if (url != null) {
          urls.merge(url, 1L, Long::sum);
        }
      }
    }
    Map.Entry<String, Long> topUrl = most(urls);
    return new Inferred(top.getKey(), top.getValue() / (double) rows, topUrl == null ? null : topUrl.getKey());
  }

  /** The entry with the largest count, ties to the smallest key in binary order; null when empty. */
  private static Map.Entry<String, Long> most(Map<String, Long> counts) {
    Map.Entry<String, Long> best = null;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (best == null || e.getValue() > best.getValue()
          || e.getValue().equals(best.getValue()) && SparkStrings.compare(e.getKey(), best.getKey()) < 0) {
        best = e;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------------- rows

  record Person(String name, String url, String rawNameLower) {
    static Person of(String rawName, String rawUrl) {
      String trimmed = SparkStrings.trim(rawName);
      return new Person(Identifiers.rememberedName(rawName), Identifiers.rememberedUrl(rawUrl),
          trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT));
    }

    /** The member when the URL is theirs, or when there is no URL and the name is theirs. */
    boolean isMember(Identity me) {
      return url != null ? url.equals(me.memberUrl()) : name != null && name.equals(me.memberName());
    }

    Row toRow() {
      return RowFactory.create(name, url);
    }
  }

  /** One row's parse before the conversation's participants are known. */
  record Parsed(RawRecord raw, Long micros, String problem, Person sender, boolean isOut, List<Person> contacts,
      List<String> participantIds, String conversationRef, String contentExclusion, MessageText text) {

    /** The row's {@link Copies.Key}: de-duplication's natural key within the member. */
    Copies.Key copyKey() {
      return new Copies.Key(conversationRef, sender.url() != null ? sender.url() : sender.name(), micros,
          text.contentHash());
    }

    Row toRow(int participants, String finalProblem, Integer copy, Integer copyGroup) {
      List<Row> contactRows = new ArrayList<>(contacts.size());
      contacts.forEach(c -> contactRows.add(c.toRow()));
      return RowFactory.create(raw.memberId(), raw.exportId(), raw.exportDate(), raw.sourceFile(), raw.rowNumber(),
          finalProblem, micros == null ? null : DateTimeUtils.toJavaTimestamp(micros),
          sender.toRow(), isOut,
          scala.collection.JavaConverters.asScalaBuffer(contactRows), // Spark's row encoder takes arrays as Seqs
          conversationRef, text.contentLength(), text.isPitch(), text.isSocial(), text.isIntroCue(),
          text.hasQuestion(), text.contentHash(), participants, copy, copyGroup);
    }
  }

  static Parsed parseRow(RawRecord r, Identity me, Times times, Lexicon lexicon) {
    Map<String, String> f = r.fields();
    String date = f.get("date");
    Long micros = times.parse(date);
    String problem = r.problem() != null ? r.problem()
        : date == null ? "rejected:missing_date" : micros == null ? "rejected:unparseable_date" : null;
    Person sender = Person.of(f.get("from"), f.get("sender_url"));
    List<Person> recipients = recipients(f.get("to"), f.get("recipient_urls"));
    boolean isOut = direction(f.get("direction"), sender, me);
    List<Person> contacts = new ArrayList<>();
    if (isOut) {
      recipients.stream().filter(p -> !p.isMember(me)).forEach(contacts::add);
    } else {
      contacts.add(sender);
    }
    List<String> ids = participantIds(sender, recipients, me);
    String conversationId = SparkStrings.trim(f.get("conversation_id"));
    String conversation = conversationId != null ? conversationId : String.join("|", ids);
    MessageText text = MessageText.of(f.get(CONTENT), lexicon);
    return new Parsed(r, micros, problem, sender, isOut, contacts, ids, conversation,
        contentExclusion(f, sender, text), text);
  }

  /** Names (comma-separated) and URLs (semicolon-separated) zipped when they align, else whichever there are. */
  static List<Person> recipients(String to, String urls) {
    List<String> names = nonEmptyParts(to, ',');
    List<String> links = nonEmptyParts(urls, ';');
    List<Person> out = new ArrayList<>();
    if (names.size() == links.size()) {
      for (int i = 0; i < names.size(); i++) {
        out.add(Person.of(names.get(i), links.get(i)));
      }
    } else if (!names.isEmpty()) {
      names.forEach(n -> out.add(Person.of(n, null)));
    } else {
      links.forEach(u -> out.add(Person.of(null, u)));
    }
    return out;
  }

  private static List<String> nonEmptyParts(String s, char separator) {
    List<String> out = new ArrayList<>();
    for (String part : SparkStrings.split(orEmpty(s), separator)) {
      String t = SparkStrings.trim(part);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The 2020 DIRECTION column when it says, else whether the member sent it. */
  static boolean direction(String hint, Person sender, Identity me) {
    String h = upperTrim(hint);
    if ("OUTGOING".equals(h)) {
      return true;
    }
    if ("INCOMING".equals(h)) {
      return false;
    }
    return sender.isMember(me);
  }

  /** Everyone in the row (member marker, else name, else URL), distinct, in binary order. */
  static List<String> participantIds(Person sender, List<Person> recipients, Identity me) {
    Set<String> ids = new LinkedHashSet<>();
    List<Person> everyone = new ArrayList<>(recipients.size() + 1);
    everyone.add(sender);
    everyone.addAll(recipients);
    for (Person p : everyone) {
      String id = p.isMember(me) ? MEMBER : p.name() != null ? p.name() : p.url();
      if (id != null) {
        ids.add(id);
      }
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(SparkStrings.BINARY_ORDER);
    return sorted;
  }

  /** The distinct people of each whole conversation, the member included (design.md's participants). */
  static Map<String, Set<String>> peoplePerConversation(List<Parsed> rows) {
    Map<String, Set<String>> people = new HashMap<>();
    for (Parsed p : rows) {
      people.computeIfAbsent(p.conversationRef(), k -> new HashSet<>(List.of(MEMBER))).addAll(p.participantIds());
    }
    return people;
  }

  /** The exclusions read from the row itself, in design.md's order: spam, draft, system, sponsored, linkedin_member. */
  static String contentExclusion(Map<String, String> f, Person sender, MessageText text) {
    String folder = upperTrim(f.get("folder"));
    String draft = upperTrim(f.get("is_draft"));
    String title = f.get("conversation_title");
    if ("SPAM".equals(folder)) {
      return "excluded:spam";
    }
    if ("YES".equals(draft) || "TRUE".equals(draft) || "DRAFT".equals(folder) || "DRAFTS".equals(folder)) {
      return "excluded:draft";
    }
    if (text.isSystem()) {
      return "excluded:system";
    }
    if (title != null && title.toLowerCase(Locale.ROOT).contains("sponsored") || text.isSponsoredMarkup()) {
      return "excluded:sponsored";
    }
    if (LINKEDIN_MEMBER.equals(sender.rawNameLower())) {
      return "excluded:linkedin_member";
    }
    return null;
  }

  /** The first exclusion that applies: the row's own, then large_group, then unidentifiable. */
  static String exclusion(Parsed p, int participants, int largeGroup) {
    if (p.contentExclusion() != null) {
      return p.contentExclusion();
    }
    if (participants >= largeGroup) {
      return "excluded:large_group";
    }
    if (p.contacts().isEmpty() || p.contacts().stream().anyMatch(c -> c.name() == null && c.url() == null)) {
      return "rejected:unidentifiable_contact";
    }
    return null;
  }

  private static String upperTrim(String s) {
    return s == null ? null : SparkStrings.trim(s).toUpperCase(Locale.ROOT);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * A message's time as Spark's {@code to_timestamp} reads it (session zone UTC): the first UTC
   * format that parses the trimmed text, else the first local format, taken as the member's wall
   * clock and converted as {@code to_utc_timestamp} does. Microseconds since the epoch, or null.
   */
  static final class Times {
    private final String zone;
    private final List<TimestampFormatter> utc = formatters(UTC_FORMATS);
    private final List<TimestampFormatter> local = formatters(LOCAL_FORMATS);

    Times(String zone) {
      this.zone = zone;
    }

    Long parse(String raw) {
      if (raw == null) {
        return null;
      }
      String s = SparkStrings.trim(raw);
      Long at = first(utc, s);
      if (at != null) {
        return at;
      }
      Long wall = first(local, s);
      return wall == null || zone == null ? null : DateTimeUtils.toUTCTime(wall, zone);
    }

    private static Long first(List<TimestampFormatter> formats, String s) {
      for (TimestampFormatter f : formats) {
        try {
          return f.parse(s);
        } catch (java.text.ParseException | DateTimeException | SparkUpgradeException e) {
          // what to_timestamp reads as null under the pinned CORRECTED parser policy (Sparks.PINNED),
          // whether or not the task sees the session's settings: the next format
        }
      }
      return null;
    }

    private static List<TimestampFormatter> formatters(List<String> patterns) {
      return patterns.stream().map(p -> TimestampFormatter$.MODULE$.apply(p, ZoneOffset.UTC,
          LegacyDateFormats$.MODULE$.SIMPLE_DATE_FORMAT(), true)).toList();
    }
  }
}
