package io.netroi.ingest.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import org.junit.jupiter.api.Assertions;

import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.text.Lexicon;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Message rows of every vintage through {@link MemberMessages}, as the reader parses them. */
class MessagesTest {
  static final String ME = "https://www.linkedin.com/in/priya-shah";
  static final Lexicon LEXICON = Lexicon.load("v1");
  private final List<RawRecord> raw = new ArrayList<>();
  private final List<RawRecord> profile = List.of(new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17",
      "Profile.csv", "profile", "profile", 2, Map.of("first_name", "Priya", "last_name", "Shah"), null));

  private void message(String variant, long row, String... kv) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        fields.put(kv[i], kv[i + 1]);
      }
    }
    raw.add(new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17", "messages.csv", "messages", variant, row, fields,
        null));
  }

  private Map<Long, Row> parse(String timezone) {
    MemberMessages.Result parsed = MemberMessages.parse(
        new MemberMessages.Member("m01", timezone, "https://linkedin.com/in/priya-shah"), raw, profile, LEXICON, 5);
    assertEquals("https://linkedin.com/in/priya-shah", parsed.identity().memberUrl());
    assertEquals("priya shah", parsed.identity().memberName());
    Map<Long, Row> byRow = new HashMap<>();
    parsed.messages().forEach(r -> byRow.put(r.getLong(MemberMessages.SCHEMA.fieldIndex("row_number")), byName(r)));
    return byRow;
  }

  /** A row whose fields can be read by name (rows built in Java carry no schema). */
  static Row byName(Row r) {
    Object[] values = new Object[r.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.get(i);
    }
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, MemberMessages.SCHEMA);
  }

  @Test
  void directionContactsAndUtcTimeAcrossVintages() {
    message("messages_2025", 2, "conversation_id", "2-A", "from", "Priya Shah", "sender_url", ME,
        "to", "Ana Souza", "recipient_urls", "https://www.linkedin.com/in/ana-souza",
        "date", "2025-11-17 22:05:06 UTC", "content", "Hi Ana", "folder", "INBOX", "is_draft", "No");
    message("messages_2021", 3, "conversation_id", "2-A", "from", "Ana Souza",
        "sender_url", "https://www.linkedin.com/in/ana-souza", "to", "Priya Shah",
        "date", "2025-11-18 08:00:00 UTC", "content", "Hello!", "folder", "INBOX");
    message("inbox_2017", 4, "from", "Priya Shah", "to", "Bo Li", "date", "July 6, 2017, 2:08 PM",
        "content", "Hi Bo");
    message("messages_2020", 5, "from", "Bo Li", "to", "Priya Shah", "date", "2019-11-06T02:08:20",
        "direction", "INCOMING", "folder", "INBOX", "content", "Hey");
    Map<Long, Row> rows = parse("Europe/London");
    Row out = rows.get(2L);
    Assertions.assertTrue(out.getBoolean(out.fieldIndex("is_out")));
    assertNull(out.get(out.fieldIndex("problem")));
    List<Row> contacts = out.getList(out.fieldIndex("contacts"));
    assertEquals(1, contacts.size());
    assertEquals("https://linkedin.com/in/ana-souza", contacts.get(0).getString(MemberMessages.PERSON.fieldIndex("url")));
    Row in = rows.get(3L);
    assertFalse(in.getBoolean(in.fieldIndex("is_out")));
    assertEquals("2-A", in.getAs("conversation_ref"));
    assertEquals(2, (int) in.getAs("participants"));
    Row inbox = rows.get(4L);
    Assertions.assertTrue(inbox.getBoolean(inbox.fieldIndex("is_out")), "2017 Inbox: direction from the member's name");
    assertEquals("2017-07-06 13:08:00.0", inbox.getAs("ts").toString(), "London summer time is UTC+1");
    assertEquals(MemberMessages.MEMBER + "|bo li", inbox.getAs("conversation_ref"), "no id: the sorted participant set");
    Row old = rows.get(5L);
    assertFalse(old.getBoolean(old.fieldIndex("is_out")), "2020 DIRECTION column wins");
    assertEquals("2019-11-06 02:08:20.0", old.getAs("ts").toString());
  }

  @Test
  void exclusionsFollowDesignPrecedence() {
    message("messages_2025", 2, "conversation_id", "2-S", "from", "LinkedIn Member", "to", "Priya Shah",
        "date", "2025-01-01 10:00:00 UTC", "content", "Message request accepted", "folder", "SPAM",
        "is_draft", "Yes");
    message("messages_2025", 3, "conversation_id", "2-D", "from", "Priya Shah", "sender_url", ME,
        "to", "Ana Souza", "date", "2025-01-01 10:00:00 UTC", "content", "Message request accepted",
        "folder", "INBOX", "is_draft", "Yes");
    message("messages_2025", 4, "conversation_id", "2-Y", "from", "Ana Souza", "to", "Priya Shah",
        "date", "2025-01-01 10:00:00 UTC", "content", "Message request accepted", "folder", "INBOX",
        "is_draft", "No");
    message("messages_2025", 5, "conversation_id", "2-P", "conversation_title", "Sponsored Conversation",
        "from", "LinkedIn Member", "to", "Priya Shah", "date", "2025-01-01 10:00:00 UTC",
        "content", "<p class=\"spinmail-quill-editor__spin-break\">Offer</p>", "folder", "INBOX");
    message("messages_2025", 6, "conversation_id", "2-L", "from", "LinkedIn Member", "to", "Priya Shah",
        "date", "2025-01-01 10:00:00 UTC", "content", "hi", "folder", "INBOX");
    message("messages_2025", 7, "conversation_id", "2-G", "from", "Priya Shah", "sender_url", ME,
        "to", "A One, B Two, C Three, D Four", "date", "2025-01-01 10:00:00 UTC", "content", "hi all",
        "folder", "INBOX");
    message("messages_2025", 8, "conversation_id", "2-H", "from", "Priya Shah", "sender_url", ME,
        "to", "A One, B Two, C Three", "date", "2025-01-01 10:00:00 UTC", "content", "hi 3",
        "folder", "INBOX");
    message("messages_2025", 9, "conversation_id", "2-X", "from", "Priya Shah", "sender_url", ME,
        "to", "Ana Souza", "date", "yesterday", "content", "hi", "folder", "INBOX");
    message("messages_2025", 10, "conversation_id", "2-Z", "from", "Priya Shah", "sender_url", ME,
        "date", "2025-01-01 10:00:00 UTC", "content", "to nobody", "folder", "INBOX");
    Map<Long, Row> rows = parse("UTC");
    assertEquals("excluded:spam", rows.get(2L).getAs("problem"));
    assertEquals("excluded:draft", rows.get(3L).getAs("problem"));
    assertEquals("excluded:system", rows.get(4L).getAs("problem"));
    assertEquals("excluded:sponsored", rows.get(5L).getAs("problem"));
    assertEquals("excluded:linkedin_member", rows.get(6L).getAs("problem"));
    assertEquals("excluded:large_group", rows.get(7L).getAs("problem"), "member + 4 = 5 participants");
    assertNull(rows.get(8L).getAs("problem"), "member + 3 = 4 participants is a group that counts");
    assertEquals(4, (int) rows.get(8L).getAs("participants"));
    assertEquals("rejected:unparseable_date", rows.get(9L).getAs("problem"));
    assertEquals("rejected:unidentifiable_contact", rows.get(10L).getAs("problem"));
  }

  @Test
  void participantsCountOverTheWholeConversation() {
    message("messages_2025", 2, "conversation_id", "2-Q", "from", "Priya Shah", "sender_url", ME,
        "to", "Ana Souza", "date", "2025-01-01 10:00:00 UTC", "content", "hi", "folder", "INBOX");
    message("messages_2025", 3, "conversation_id", "2-Q", "from", "Ana Souza", "to", "Priya Shah, Ben Ode",
        "date", "2025-01-02 10:00:00 UTC", "content", "adding Ben", "folder", "INBOX");
    Map<Long, Row> rows = parse("UTC");
    assertEquals(3, (int) rows.get(2L).getAs("participants"), "Ben joined later but is in the conversation");
    assertEquals(3, (int) rows.get(3L).getAs("participants"));
  }

  @Test
  void contentBecomesFeaturesAndIsDropped() {
    message("messages_2025", 2, "conversation_id", "2-F", "from", "Priya Shah", "sender_url", ME,
        "to", "Ana Souza", "date", "2025-01-01 10:00:00 UTC", "content", "<p>Are you free?</p>",
        "folder", "INBOX");
    assertFalse(java.util.Arrays.asList(MemberMessages.SCHEMA.fieldNames()).contains("content"), "no raw content downstream");
    Row r = parse("UTC").get(2L);
    assertEquals(13, (int) r.getAs("content_length"), "HTML tags are not counted");
    Assertions.assertTrue(r.getBoolean(r.fieldIndex("has_question")));
  }
}
