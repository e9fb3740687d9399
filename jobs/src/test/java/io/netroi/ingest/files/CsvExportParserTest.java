package io.netroi.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-shaped snippets of every export variant (see docs/inputs.md). */
class CsvExportParserTest {
  static final String NOTES_PREAMBLE = "Notes:\n"
      + "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
      + "You will only see email addresses for connections who have allowed their connections to see or download "
      + "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn "
      + "more here https://www.linkedin.com/help/linkedin/answer/261\"\n"
      + "\n";

  @Test
  void connections2025WithNotesPreambleFindsHeaderOnLineFour() {
    String text = NOTES_PREAMBLE
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        + "Karl,Pontius,https://www.linkedin.com/in/karl-pontius-6b7350,,Acme,CTO,15 Nov 2025\n"
        + ",,,,,,03 Feb 2024\n";
    ParsedFile f = CsvExportParser.parse("Connections.csv", text);
    assertEquals(FileKind.CONNECTIONS, f.kind());
    assertEquals("connections_with_url_notes_preamble", f.variant());
    assertEquals(2, f.rows().size());
    ParsedFile.Row karl = f.rows().get(0);
    assertEquals(5, karl.rowNumber(), "header on line 4, first record on line 5");
    assertEquals("https://www.linkedin.com/in/karl-pontius-6b7350", karl.fields().get("url"));
    assertEquals("15 Nov 2025", karl.fields().get("connected_on"));
    assertNull(karl.fields().get("email"), "empty values are absent, not empty strings");
    ParsedFile.Row anonymous = f.rows().get(1);
    assertEquals(6, anonymous.rowNumber());
    assertEquals(1, anonymous.fields().size(), "only Connected On: identification is judged later");
  }

  @Test
  void olderSixColumnConnectionsWithoutUrlOrPreamble() {
    String text = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        + "Ana,Souza,ana@example.com,Globex,Head of Talent,25 Aug 2020\n";
    ParsedFile f = CsvExportParser.parse("Connections.csv", text);
    assertEquals("connections_without_url", f.variant());
    assertEquals("ana@example.com", f.rows().get(0).fields().get("email"));
    assertEquals(2, f.rows().get(0).rowNumber());
  }

  @Test
  void messages2025QuotedMultilineContentWithQuotesAndCommas() {
    String text = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
        + "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
        + "2-NTg3XzAxMA==,,Jo Bloggs,https://www.linkedin.com/in/jo,Sam Lee,https://www.linkedin.com/in/sam,"
        + "2025-11-17 22:05:06 UTC,,\"Hi Sam,\nloved your \"\"data mesh\"\" talk, truly.\nJo\",INBOX,,No\n"
        + "2-NTg3XzAxMA==,,Sam Lee,https://www.linkedin.com/in/sam,Jo Bloggs,https://www.linkedin.com/in/jo,"
        + "2025-11-18 08:00:00 UTC,,Thanks!,INBOX,,No\n";
    ParsedFile f = CsvExportParser.parse("messages.csv", text);
    assertEquals("messages_2025", f.variant());
    assertEquals(2, f.rows().size());
    assertEquals("Hi Sam,\nloved your \"data mesh\" talk, truly.\nJo", f.rows().get(0).fields().get("content"));
    assertEquals(2, f.rows().get(0).rowNumber());
    assertEquals(5, f.rows().get(1).rowNumber(), "the multi-line record spans lines 2-4");
  }

  @Test
  void everyMessagesVintageIsRecognised() {
    assertEquals("inbox_2017", CsvExportParser.parse("Inbox.csv",
        "From,To,Date,Content\nJo,Sam,\"November 6, 2017, 2:08 AM\",hello\n").variant());
    assertEquals("messages_2020", CsvExportParser.parse("messages.csv",
        "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\nJo,Sam,2019-11-06T02:08:20,,hi,OUTGOING,INBOX\n").variant());
    assertEquals("messages_2021", CsvExportParser.parse("messages.csv",
        "CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, DATE, SUBJECT, CONTENT, FOLDER\n"
            + "2-x,,Jo,https://www.linkedin.com/in/jo,Sam,2021-06-11 15:33:58 UTC,,hi,INBOX\n").variant());
    assertEquals("messages_2023", CsvExportParser.parse("messages.csv",
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
            + "2-x,,Jo,u1,Sam,u2;u3,2023-06-11 15:33:58 UTC,,hi,INBOX\n").variant());
  }

  @Test
  void invitationsWithAndWithoutProfileUrls() {
    ParsedFile old = CsvExportParser.parse("Invitations.csv",
        "From,To,Sent At,Message,Direction\nJo Bloggs,Sam Lee,\"3/14/25, 2:37 PM\",,OUTGOING\n");
    assertEquals("invitations_2020", old.variant());
    assertEquals("3/14/25, 2:37 PM", old.rows().get(0).fields().get("sent_at"));
    ParsedFile now = CsvExportParser.parse("Invitations.csv",
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
            + "Jo,Sam,\"3/14/25, 2:37 PM\",Great talk!,OUTGOING,https://www.linkedin.com/in/jo,https://www.linkedin.com/in/sam\n");
    assertEquals("invitations_with_urls", now.variant());
    assertEquals("https://www.linkedin.com/in/sam", now.rows().get(0).fields().get("invitee_url"));
  }

  @Test
  void translatedFileNameIsRecognisedByHeader() {
    ParsedFile f = CsvExportParser.parse("Verbindungen.csv", NOTES_PREAMBLE
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,01 Jan 2024\n");
    assertEquals(FileKind.CONNECTIONS, f.kind());
    assertEquals(1, f.rows().size());
  }

  @Test
  void aiCoachFilesAndUnknownFilesAreSkippedNotRejected() {
    String messagesHeader = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n";
    assertTrue(CsvExportParser.parse("guide_messages.csv", messagesHeader + "a,b,c,d,e,f,g,h,i\n").isSkipped());
    assertTrue(CsvExportParser.parse("Skills.csv", "Name\nJava\n").isSkipped());
  }

  @Test
  void badShapesBecomeRowProblems() {
    String text = "From,To,Sent At,Message,Direction\n"
        + "Jo,Sam,\"3/14/25, 2:37 PM\",,OUTGOING\n"
        + ",,,,\n"                          // a stray row of commas
        + "\n"                               // a blank line: not a row at all
        + "Jo,Sam,OUTGOING\n"               // too few fields
        + "Jo,Sam,\"3/15/25, 9:00 AM\",hi,OUTGOING,surplus\n"
        + "Jo,Sam,\"3/16/25, 9:00 AM\",\"never closed,OUTGOING\nJo,Ann,x,y,z\n";
    ParsedFile f = CsvExportParser.parse("Invitations.csv", text);
    List<String> problems = f.rows().stream().map(ParsedFile.Row::problem).toList();
    assertEquals(java.util.Arrays.asList(null, CsvExportParser.EMPTY_ROW, CsvExportParser.MALFORMED_ROW,
        CsvExportParser.MALFORMED_ROW, CsvExportParser.UNTERMINATED_QUOTE), problems);
    List<Long> lines = f.rows().stream().map(ParsedFile.Row::rowNumber).toList();
    assertEquals(List.of(2L, 3L, 5L, 6L, 7L), lines);
  }

  @Test
  void emptyAndHeaderlessFilesAreFileProblems() {
    assertEquals(CsvExportParser.EMPTY_FILE, CsvExportParser.parse("Invitations.csv", "").fileProblem());
    assertEquals(CsvExportParser.EMPTY_FILE, CsvExportParser.parse("Invitations.csv", "\n\n").fileProblem());
    assertEquals(CsvExportParser.UNRECOGNISED_HEADER,
        CsvExportParser.parse("Connections.csv", "Vorname,Nachname\nA,B\n").fileProblem());
  }

  @Test
  void headerOnlyFileHasNoRowsAndNoProblem() {
    ParsedFile f = CsvExportParser.parse("Invitations.csv", "From,To,Sent At,Message,Direction\n");
    assertNull(f.fileProblem());
    assertEquals(0, f.rows().size());
  }
}
