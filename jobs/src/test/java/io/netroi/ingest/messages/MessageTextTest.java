package io.netroi.ingest.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.ingest.RawRecords;
import io.netroi.ingest.files.RawRecord;
import io.netroi.ingest.text.Lexicon;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MessageTextTest {
  static final Lexicon LEXICON = Lexicon.load("v2");

  @Test
  void lengthCountsVisibleCharactersWithoutTagsOrSurroundingSpaces() {
    assertEquals(13, MessageText.of("<p>Are you free?</p>", LEXICON).contentLength());
    assertEquals(5, MessageText.of("  a<br>b c ", LEXICON).contentLength(), "a tag is a space: 'a b c'");
    assertEquals(2, MessageText.of("\uD83D\uDC4D!", LEXICON).contentLength(), "an emoji is one character");
    assertEquals(0, MessageText.of(null, LEXICON).contentLength());
  }

  @Test
  void hashIsSha256OfTheTextAndAMissingTextIsEmpty() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        MessageText.of(null, LEXICON).contentHash());
    assertEquals(MessageText.of("", LEXICON).contentHash(), MessageText.of(null, LEXICON).contentHash());
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        MessageText.of("abc", LEXICON).contentHash());
  }

  @Test
  void cuesAndExclusionSignals() {
    MessageText system = MessageText.of("Message request accepted", LEXICON);
    assertTrue(system.isSystem());
    assertFalse(system.hasQuestion());
    MessageText sponsored = MessageText.of("<p class=\"SpinMail-quill-editor\">Offer</p>", LEXICON);
    assertTrue(sponsored.isSponsoredMarkup());
    assertFalse(sponsored.isSystem());
    assertTrue(MessageText.of("Free for a call?", LEXICON).hasQuestion());
    assertEquals(LEXICON.matches(Lexicon.PITCH, Lexicon.plainText("Can I book 15 minutes to show you our platform?")),
        MessageText.of("Can I book 15 minutes to show you our platform?", LEXICON).isPitch(),
        "the same matcher as the lexicon's own");
  }

  @Test
  void aMessagesRowLeavesTheReaderWithoutItsText() {
    List<Row> rows = RawRecords.rowsOf(new MemberMessages.Member("m01", "UTC", null), List.of(
        new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17", "messages.csv", "messages", "messages_2025", 2,
            Map.of("content", "secret words?", "from", "Ana", "to", "Bo", "date", "2025-11-17 10:00:00 UTC"), null),
        new RawRecord(RawRecord.ROW, "m01", "e1", "2025-11-17", "Connections.csv", "connections", "connections_2025",
            4, Map.of("first_name", "Ana"), null)), LEXICON, 5);
    assertFalse(java.util.Arrays.asList(RawRecords.FIELDS.fieldNames()).contains("content"), "no column for the text");
    rows.forEach(r -> assertFalse(r.toString().contains("secret"), "the text is in no column: " + r));
    Row message = rows.stream().filter(r -> RawRecords.MESSAGE.equals(r.getString(0))).findFirst().orElseThrow()
        .getStruct(RawRecords.SCHEMA.fieldIndex(RawRecords.MESSAGE));
    assertEquals(13, message.getInt(MemberMessages.SCHEMA.fieldIndex("content_length")));
    assertTrue(message.getBoolean(MemberMessages.SCHEMA.fieldIndex("has_question")));
    Row connection = rows.stream().filter(r -> RawRecord.ROW.equals(r.getString(0))).findFirst().orElseThrow();
    assertEquals("Ana", connection.getStruct(RawRecords.SCHEMA.fieldIndex("fields"))
        .getString(RawRecords.FIELDS.fieldIndex("first_name")));
    assertNull(connection.get(RawRecords.SCHEMA.fieldIndex(RawRecords.MESSAGE)));
  }
}
