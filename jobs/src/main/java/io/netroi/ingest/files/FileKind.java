package io.netroi.ingest.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The LinkedIn export files netroi reads, each recognised by the column names of its header (never
 * by position) and mapped to canonical field names. Columns a file lacks are simply absent.
 */
public enum FileKind {
  CONNECTIONS(
      Set.of("connections.csv"),
      Set.of("FIRST NAME", "LAST NAME", "CONNECTED ON"),
      columns(
          "FIRST NAME", "first_name", "LAST NAME", "last_name", "URL", "url",
          "EMAIL ADDRESS", "email", "COMPANY", "company", "POSITION", "position",
          "CONNECTED ON", "connected_on")),
  MESSAGES(
      Set.of("messages.csv", "inbox.csv"),
      Set.of("FROM", "TO", "DATE", "CONTENT"),
      columns(
          "CONVERSATION ID", "conversation_id", "CONVERSATION TITLE", "conversation_title",
          "FROM", "from", "SENDER PROFILE URL", "sender_url", "TO", "to",
          "RECIPIENT PROFILE URLS", "recipient_urls", "DATE", "date", "SUBJECT", "subject",
          "CONTENT", "content", "DIRECTION", "direction", "FOLDER", "folder",
          "ATTACHMENTS", "attachments", "IS MESSAGE DRAFT", "is_draft")),
  INVITATIONS(
      Set.of("invitations.csv"),
      Set.of("FROM", "TO", "SENT AT", "DIRECTION"),
      columns(
          "FROM", "from", "TO", "to", "SENT AT", "sent_at", "MESSAGE", "message",
          "DIRECTION", "direction", "INVITERPROFILEURL", "inviter_url",
          "INVITEEPROFILEURL", "invitee_url")),
  PROFILE(
      Set.of("profile.csv"),
      Set.of("FIRST NAME", "LAST NAME", "HEADLINE"),
      columns("FIRST NAME", "first_name", "LAST NAME", "last_name", "HEADLINE", "headline")),
  /** netroi's generic interaction log ({@code interactions/*.csv}), not a LinkedIn file. */
  INTERACTIONS(
      Set.of(),
      Set.of("MEMBER_ID", "TIMESTAMP", "DIRECTION", "CHANNEL"),
      columns("MEMBER_ID", "member_id", "CONTACT_PROFILE_URL", "contact_profile_url",
          "CONTACT_EMAIL", "contact_email", "CONTACT_NAME", "contact_name", "TIMESTAMP", "timestamp",
          "DIRECTION", "direction", "CHANNEL", "channel", "CONVERSATION_ID", "conversation_id"));

  /** LinkedIn files that share a recognised header but are not the member's own data. */
  static final Set<String> IGNORED_NAMES = Set.of("guide_messages.csv", "learning_role_play_messages.csv");

  private final Set<String> fileNames;
  private final Set<String> requiredColumns;
  private final Map<String, String> canonical;

  FileKind(Set<String> fileNames, Set<String> requiredColumns, Map<String, String> canonical) {
    this.fileNames = fileNames;
    this.requiredColumns = requiredColumns;
    this.canonical = canonical;
  }

  /** Lower-case label used in tables ({@code connections}, {@code messages}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a file name promises, by base name (case-insensitive). */
  static Optional<FileKind> byFileName(String baseName) {
    String n = baseName.toLowerCase(Locale.ROOT);
    for (FileKind k : values()) {
      if (k.fileNames.contains(n)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  static boolean isIgnoredName(String baseName) {
    return IGNORED_NAMES.contains(baseName.toLowerCase(Locale.ROOT));
  }

  /** True when a normalised header row holds every column this kind requires. */
  boolean matches(List<String> normalisedHeader) {
    return normalisedHeader.containsAll(requiredColumns);
  }

  /** The kind whose signature a header carries; connections before profile (both have names). */
  static Optional<FileKind> byHeader(List<String> normalisedHeader) {
    for (FileKind k : values()) {
      if (k.matches(normalisedHeader)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Every canonical field name of every kind, sorted. */
  public static SortedSet<String> allCanonicalFields() {
    SortedSet<String> all = new TreeSet<>();
    for (FileKind k : values()) {
      all.addAll(k.canonical.values());
    }
    return all;
  }

  /** Canonical field name for a normalised header column, or null when netroi does not use it. */
  String canonicalField(String normalisedColumn) {
    return canonical.get(normalisedColumn);
  }

  /** Which dated layout of the file this header is (recorded per file in the run manifest). */
  String variant(List<String> header, boolean hadPreamble) {
    switch (this) {
      case CONNECTIONS:
        return "connections_" + (header.contains("URL") ? "with_url" : "without_url")
            + (hadPreamble ? "_notes_preamble" : "");
      case MESSAGES:
        if (header.contains("IS MESSAGE DRAFT")) {
          return "messages_2025";
        }
        if (header.contains("RECIPIENT PROFILE URLS")) {
          return "messages_2023";
        }
        if (header.contains("CONVERSATION ID")) {
          return "messages_2021";
        }
        if (header.contains("DIRECTION")) {
          return "messages_2020";
        }
        return "inbox_2017";
      case INVITATIONS:
        return header.contains("INVITEEPROFILEURL") ? "invitations_with_urls" : "invitations_2020";
      default:
        return label();
    }
  }

  private static Map<String, String> columns(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
