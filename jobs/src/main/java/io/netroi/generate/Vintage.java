package io.netroi.generate;

/** The export "vintages": which year's file formats and layout a member's export uses. */
enum Vintage {
  /** Complete zip, 12-column messages.csv, Connections with preamble and URL, Invitations with URLs. */
  V2025("2025", MessagesFormat.M2025, ConnectionsFormat.PREAMBLE_URL, InvitationsFormat.WITH_URLS),
  /** Basic folder, 10-column messages.csv with RECIPIENT PROFILE URLS. */
  V2023("2023", MessagesFormat.M2023, ConnectionsFormat.PREAMBLE_URL, InvitationsFormat.WITH_URLS),
  /** 9-column messages.csv (no recipient URLs), Connections with preamble but no URL column. */
  V2021("2021", MessagesFormat.M2021, ConnectionsFormat.PREAMBLE_NO_URL, InvitationsFormat.PLAIN),
  /** messages.csv FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER; Connections without preamble. */
  V2020("2020", MessagesFormat.M2020, ConnectionsFormat.NO_PREAMBLE, InvitationsFormat.PLAIN),
  /** Inbox.csv with member-local dates; Connections re-saved by Excel (Windows-1252, 01-Jul-17). */
  V2017("2017", MessagesFormat.INBOX, ConnectionsFormat.EXCEL, InvitationsFormat.NONE),
  /** Two overlapping 2025-format exports: an older Basic zip and a newer Complete doubled folder. */
  TWO_EXPORTS("2025-two-exports", MessagesFormat.M2025, ConnectionsFormat.PREAMBLE_URL, InvitationsFormat.WITH_URLS),
  /** 2025 formats under German file names (Verbindungen.csv, Nachrichten.csv, Einladungen.csv). */
  GERMAN("2025-german", MessagesFormat.M2025, ConnectionsFormat.PREAMBLE_URL, InvitationsFormat.WITH_URLS);

  enum MessagesFormat { M2025, M2023, M2021, M2020, INBOX }

  enum ConnectionsFormat { PREAMBLE_URL, PREAMBLE_NO_URL, NO_PREAMBLE, EXCEL }

  enum InvitationsFormat { WITH_URLS, PLAIN, NONE }

  final String label;
  final MessagesFormat messages;
  final ConnectionsFormat connections;
  final InvitationsFormat invitations;

  Vintage(String label, MessagesFormat messages, ConnectionsFormat connections, InvitationsFormat invitations) {
    this.label = label;
    this.messages = messages;
    this.connections = connections;
    this.invitations = invitations;
  }

  /** Every row of this export carries the contact's profile URL (messages both ways, connections, invitations). */
  boolean urlsEverywhere() {
    return messages == MessagesFormat.M2025 || messages == MessagesFormat.M2023;
  }

  /** Sender URLs only (2021): outgoing messages and connections name the contact by name only. */
  boolean senderUrlsOnly() {
    return messages == MessagesFormat.M2021;
  }

  boolean hasFolder() {
    return messages != MessagesFormat.INBOX;
  }

  boolean hasConversationTitle() {
    return messages == MessagesFormat.M2025 || messages == MessagesFormat.M2023 || messages == MessagesFormat.M2021;
  }
}
