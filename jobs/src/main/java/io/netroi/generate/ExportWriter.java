package io.netroi.generate;

import io.netroi.generate.Model.Conv;
import io.netroi.generate.Model.ConnRow;
import io.netroi.generate.Model.Copy;
import io.netroi.generate.Model.InvRow;
import io.netroi.generate.Model.Msg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes one member's export(s) in the real file formats, counting every row into file tallies. */
final class ExportWriter {
  static final String PREAMBLE_NOTE = "\"When exporting your connection data, you may notice that some of the email "
      + "addresses are missing. You will only see email addresses for connections who have allowed their connections "
      + "to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
      + "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"";
  static final String[] CONNECTIONS_URL = {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"};
  static final String[] CONNECTIONS_NO_URL = {"First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"};
  static final String[] MESSAGES_2025 = {"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
      "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT"};
  static final String[] MESSAGES_2023 = Arrays.copyOf(MESSAGES_2025, 10);
  static final String[] MESSAGES_2021 = {"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
      "DATE", "SUBJECT", "CONTENT", "FOLDER"};
  static final String[] MESSAGES_2020 = {"FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER"};
  static final String[] INBOX = {"From", "To", "Date", "Content"};
  static final String[] INVITATIONS_URL = {"From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"};
  static final String[] INVITATIONS_PLAIN = {"From", "To", "Sent At", "Message", "Direction"};
  static final String[] PROFILE = {"First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
      "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"};

  private enum Role { ONLY, NEWER, OLDER }

  private final Path root;
  private final MemberGen g;
  private final Plan.Member m;
  private final Vintage v;
  final List<FileTally> files = new ArrayList<>();
  final List<FileTally.Reject> fileRejects = new ArrayList<>();
  final List<String> ignored = new ArrayList<>();

  ExportWriter(Path root, MemberGen g) {
    this.root = root;
    this.g = g;
    this.m = g.m;
    this.v = m.vintage;
  }

  static String archiveName(String prefix, java.time.LocalDate d) {
    return prefix + "_LinkedInDataExport_" + Formats.archiveDate(d);
  }

  ExportWriter write() {
    String dir = "exports/" + m.id + "/";
    LocalDateTime entryTime = m.exportDate.atTime(9, 30);
    if (v == Vintage.TWO_EXPORTS) {
      try (Container older = Container.zip(root, dir + archiveName("Basic", m.olderExportDate) + ".zip",
          m.olderExportDate.atTime(9, 30))) {
        export(older, Role.OLDER);
      }
      String name = archiveName(m.archivePrefix, m.exportDate);
      try (Container newer = Container.folder(root, dir + name, name)) {
        export(newer, Role.NEWER);
      }
    } else {
      String name = archiveName(m.archivePrefix, m.exportDate);
      try (Container c = switch (m.layout) {
        case ZIP -> Container.zip(root, dir + name + ".zip", entryTime);
        case FOLDER -> Container.folder(root, dir + name, null);
        case DOUBLED_FOLDER -> Container.folder(root, dir + name, name);
      }) {
        export(c, Role.ONLY);
      }
    }
    if (m.corruptZip) {
      String rel = dir + archiveName("Basic", m.exportDate.minusDays(120)) + ".zip";
      corruptZip(root.resolve(rel));
      fileRejects.add(new FileTally.Reject(m.id, rel, 0, "corrupt_zip"));
    }
    return this;
  }

  private void export(Container c, Role role) {
    boolean german = v == Vintage.GERMAN;
    connections(c, german ? "Verbindungen.csv" : "Connections.csv", role);
    messages(c, v.messages == Vintage.MessagesFormat.INBOX ? "Inbox.csv" : german ? "Nachrichten.csv" : "messages.csv", role);
    if (v.invitations != Vintage.InvitationsFormat.NONE) {
      String entry = german ? "Einladungen.csv" : "Invitations.csv";
      if (m.emptyInvitationsFile) {
        c.done(c.open(entry));
        fileRejects.add(new FileTally.Reject(m.id, c.sourceFile(entry), 0, "empty_file"));
      } else {
        invitations(c, entry, role);
      }
    }
    if (role != Role.OLDER) {
      profile(c);
      if (m.archivePrefix.equals("Complete")) {
        text(c, "Skills.csv", "Name\nStakeholder Management\nNegotiation\n\"Recruiting, Sourcing & Selection\"\nPublic Speaking\n");
      }
      if (m.irrelevantFiles) {
        text(c, "guide_messages.csv", String.join(",", MESSAGES_2025) + "\n"
            + "2-Z3VpZGUtY29hY2gtMDAx,,LinkedIn Coach,,\"" + m.person.name() + "\",,"
            + Formats.utc(g.end - 86_400) + ",,\"Here are three ways to make your next message stand out.\",INBOX,,No\n");
      }
    }
    if (m.unsafeEntry && role == Role.ONLY && m.layout == Plan.Layout.ZIP) {
      text(c, "../escape.csv", "First Name,Last Name\nShould,Never Be Read\n");
      ignored.remove(c.sourceFile("../escape.csv"));
      fileRejects.add(new FileTally.Reject(m.id, c.sourceFile("../escape.csv"), 0, "unsafe_zip_entry"));
    }
  }

  private static boolean include(Copy copy, Role role) {
    return switch (role) {
      case ONLY -> true;
      case NEWER -> copy != Copy.OLDER;
      case OLDER -> copy != Copy.NEWER;
    };
  }

  private static Fate fate(Fate planned, Copy copy, Role role) {
    return role == Role.OLDER && copy == Copy.BOTH ? Fate.DUPLICATE : planned;
  }

  private void text(Container c, String entry, String content) {
    OutputStream os = c.open(entry);
    try {
      os.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    c.done(os);
    ignored.add(c.sourceFile(entry));
  }

  // ------------------------------------------------------------------ Connections.csv

  private void connections(Container c, String entry, Role role) {
    FileTally t = new FileTally(m.id, c.sourceFile(entry), "connections");
    Vintage.ConnectionsFormat f = v.connections;
    boolean excel = f == Vintage.ConnectionsFormat.EXCEL;
    boolean url = f == Vintage.ConnectionsFormat.PREAMBLE_URL;
    Charset cs = excel ? People.WINDOWS_1252 : StandardCharsets.UTF_8;
    List<ConnRow> rows = new ArrayList<>();
    List<ConnRow> commas = new ArrayList<>();
    for (ConnRow row : g.conns) {
      if (include(row.copy, role)) {
        (row.commas ? commas : rows).add(row);
      }
    }
    rows.sort(Comparator.comparing((ConnRow x) -> x.date).reversed()
        .thenComparingInt(x -> x.p == null ? -1 : x.p.idx()));
    rows.addAll(Math.min(3, rows.size()), commas);
    OutputStream os = c.open(entry);
    try (CsvSink s = new CsvSink(os, cs, excel ? "\r\n" : "\n", false, t)) {
      if (f == Vintage.ConnectionsFormat.PREAMBLE_URL || f == Vintage.ConnectionsFormat.PREAMBLE_NO_URL) {
        s.raw("Notes:");
        s.raw(PREAMBLE_NOTE);
        s.blank();
      }
      s.header(url ? CONNECTIONS_URL : CONNECTIONS_NO_URL);
      for (ConnRow row : rows) {
        Fate fate = fate(row.fate, row.copy, role);
        if (row.commas) {
          s.rawRow(fate, ",".repeat((url ? CONNECTIONS_URL : CONNECTIONS_NO_URL).length - 1));
          continue;
        }
        String date = excel ? Formats.excel(row.date) : Formats.connectedOn(row.date);
        Person p = row.p;
        if (p == null) {
          s.row(fate, url ? new String[] {"", "", "", "", "", "", date} : new String[] {"", "", "", "", "", date});
        } else if (url) {
          s.row(fate, p.first(), p.last(), p.url(), nz(p.email()), p.company(), p.position(), date);
        } else {
          s.row(fate, p.first(), p.last(), nz(p.email()), p.company(), p.position(), date);
        }
      }
      if (m.trailingBlankConnections) {
        s.blank();
        s.blank();
      }
    }
    c.done(os);
    files.add(t);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ------------------------------------------------------------------ messages.csv / Inbox.csv

  private void messages(Container c, String entry, Role role) {
    FileTally t = new FileTally(m.id, c.sourceFile(entry), "messages");
    List<Msg> all = new ArrayList<>();
    for (Conv conv : g.convs) {
      for (Msg q : conv.msgs) {
        if (include(q.copy, role)) {
          all.add(q);
        }
      }
    }
    all.sort(Comparator.comparingLong((Msg q) -> q.ts).reversed()
        .thenComparingInt(q -> q.conv.seq).thenComparing(Comparator.comparingInt((Msg q) -> q.seq).reversed()));
    String[] header = switch (v.messages) {
      case M2025 -> MESSAGES_2025;
      case M2023 -> MESSAGES_2023;
      case M2021 -> MESSAGES_2021;
      case M2020 -> MESSAGES_2020;
      case INBOX -> INBOX;
    };
    OutputStream os = c.open(entry);
    try (CsvSink s = new CsvSink(os, StandardCharsets.UTF_8, "\n", m.bomMessages, t)) {
      s.header(header);
      int i = 0;
      for (Msg q : all) {
        if (m.commaRowMessages && i == 3 && role != Role.OLDER) {
          s.rawRow(Fate.EMPTY_ROW, ",".repeat(header.length - 1));
        }
        if (m.blankLinesMessages && (i == 5 || i == 20)) {
          s.blank();
        }
        String[] fields = messageFields(q);
        if (q.extraField) {
          fields = Arrays.copyOf(fields, fields.length + 1);
          fields[fields.length - 1] = "";
        }
        s.row(fate(q.fate, q.copy, role), fields);
        i++;
      }
      if (m.commaRowMessages && i <= 3 && role != Role.OLDER) {
        s.rawRow(Fate.EMPTY_ROW, ",".repeat(header.length - 1));
      }
    }
    c.done(os);
    files.add(t);
  }

  private String[] messageFields(Msg q) {
    Conv c = q.conv;
    Person from = c.people.get(q.sender);
    StringBuilder toNames = new StringBuilder();
    StringBuilder toUrls = new StringBuilder();
    for (int i = 0; i < c.people.size(); i++) {
      if (i == q.sender) {
        continue;
      }
      Person p = c.people.get(i);
      if (toNames.length() > 0) {
        toNames.append(',');
      }
      toNames.append(p.name());
      if (!p.url().isEmpty()) {
        if (toUrls.length() > 0) {
          toUrls.append(';');
        }
        toUrls.append(p.url());
      }
    }
    String folder;
    if (q.fate == Fate.SPAM) {
      folder = "SPAM";
    } else if (q.draft && v.messages != Vintage.MessagesFormat.M2025) {
      folder = "DRAFT";
    } else if (c.archived) {
      folder = "ARCHIVE";
    } else if (v.messages == Vintage.MessagesFormat.M2020 && q.fromMember()) {
      folder = "SENT";
    } else {
      folder = "INBOX";
    }
    return switch (v.messages) {
      case M2025 -> new String[] {c.id, c.title, from.name(), from.url(), toNames.toString(), toUrls.toString(),
          date(q), c.subject, q.text, folder, q.attachment, q.draft ? "Yes" : "No"};
      case M2023 -> new String[] {c.id, c.title, from.name(), from.url(), toNames.toString(), toUrls.toString(),
          date(q), c.subject, q.text, folder};
      case M2021 -> new String[] {c.id, c.title, from.name(), from.url(), toNames.toString(), date(q), c.subject,
          q.text, folder};
      case M2020 -> new String[] {from.name(), toNames.toString(), date(q), c.subject, q.text,
          q.fromMember() ? "OUTGOING" : "INCOMING", folder};
      case INBOX -> new String[] {from.name(), toNames.toString(), date(q), q.text};
    };
  }

  private String date(Msg q) {
    if (q.badDate != null) {
      return q.badDate;
    }
    return switch (v.messages) {
      case M2020 -> Formats.iso2020(q.ts);
      case INBOX -> Formats.inbox(q.ts, m.zone);
      default -> Formats.utc(q.ts);
    };
  }

  // ------------------------------------------------------------------ Invitations.csv

  private void invitations(Container c, String entry, Role role) {
    FileTally t = new FileTally(m.id, c.sourceFile(entry), "invitations");
    boolean url = v.invitations == Vintage.InvitationsFormat.WITH_URLS;
    String[] header = url ? INVITATIONS_URL : INVITATIONS_PLAIN;
    List<InvRow> rows = new ArrayList<>();
    for (InvRow i : g.invs) {
      if (include(i.copy, role)) {
        rows.add(i);
      }
    }
    rows.sort(Comparator.comparingLong((InvRow i) -> i.ts).reversed()
        .thenComparingInt(i -> i.contact == null ? -1 : i.contact.idx()));
    OutputStream os = c.open(entry);
    try (CsvSink s = new CsvSink(os, StandardCharsets.UTF_8, "\n", false, t)) {
      s.header(header);
      for (InvRow i : rows) {
        Fate fate = fate(i.fate, i.copy, role);
        if (i.commas) {
          s.rawRow(fate, ",".repeat(header.length - 1));
          continue;
        }
        Person from = i.outgoing ? m.person : i.contact;
        Person to = i.outgoing ? i.contact : m.person;
        String sent = i.badDate != null ? i.badDate : Formats.invitation(i.ts, m.zone);
        String dir = i.outgoing ? "OUTGOING" : "INCOMING";
        if (url) {
          s.row(fate, from.name(), to.name(), sent, i.note, dir, from.url(), to.url());
        } else {
          s.row(fate, from.name(), to.name(), sent, i.note, dir);
        }
      }
    }
    c.done(os);
    files.add(t);
  }

  // ------------------------------------------------------------------ Profile.csv

  private void profile(Container c) {
    FileTally t = new FileTally(m.id, c.sourceFile("Profile.csv"), "profile");
    Person p = m.person;
    String industry = m.pitchesRecruiting() ? "Staffing and Recruiting"
        : m.team.equals("Consulting") || m.team.equals("Advisory") ? "Management Consulting" : "Software Development";
    String summary = "I help organisations find and keep great people.\n\nPreviously: 8 years in operations, "
        + "\"always learning\", and a firm believer in long-term relationships.";
    String city = switch (m.zone.getId()) {
      case "Europe/London" -> "London, England, United Kingdom";
      case "America/New_York" -> "New York, New York, United States";
      case "Asia/Kolkata" -> "Bengaluru, Karnataka, India";
      case "Europe/Berlin" -> "Berlin, Germany";
      case "America/Los_Angeles" -> "Los Angeles, California, United States";
      case "Australia/Sydney" -> "Sydney, New South Wales, Australia";
      default -> m.zone.getId().substring(m.zone.getId().indexOf('/') + 1).replace('_', ' ');
    };
    OutputStream os = c.open("Profile.csv");
    try (CsvSink s = new CsvSink(os, StandardCharsets.UTF_8, "\n", false, t)) {
      s.header(PROFILE);
      s.row(Fate.KEPT, p.first(), p.last(), "", "", "", p.position() + " at " + People.ORG, summary, industry, "",
          city, "[" + People.fold(p.first()).replace(" ", "") + "_" + m.id + "]",
          "[COMPANY:https://harbourline.example.com]", "");
    }
    c.done(os);
    files.add(t);
  }

  // ------------------------------------------------------------------ quirks

  /**
   * A zip that neither {@link java.util.zip.ZipFile} nor {@link java.util.zip.ZipInputStream} can
   * read: a valid local header followed by deflate data with an invalid block type, and no central
   * directory.
   */
  static void corruptZip(Path file) {
    try {
      ByteArrayOutputStream bos = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(bos)) {
        ZipEntry e = new ZipEntry("Connections.csv");
        e.setTimeLocal(LocalDateTime.of(2025, 1, 1, 9, 30));
        z.putNextEntry(e);
        z.write(("Notes:\n" + PREAMBLE_NOTE + "\n\n" + String.join(",", CONNECTIONS_URL) + "\n")
            .repeat(4).getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      byte[] b = bos.toByteArray();
      int nameLen = (b[26] & 0xff) | (b[27] & 0xff) << 8;
      int extraLen = (b[28] & 0xff) | (b[29] & 0xff) << 8;
      int data = 30 + nameLen + extraLen;
      b[data] = 0x07;
      Files.createDirectories(file.getParent());
      Files.write(file, Arrays.copyOf(b, Math.min(b.length, data + 48)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
