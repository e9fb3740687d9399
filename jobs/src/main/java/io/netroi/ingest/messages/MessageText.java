package io.netroi.ingest.messages;

import io.netroi.ingest.text.Lexicon;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What is kept of a message's text, computed where the file is read so that the text itself never
 * becomes a Spark column: its length without HTML tags, the lexicon's cues, whether it asks a
 * question, the signals the exclusions need (system message, sponsored markup) and a SHA-256 of
 * the text for de-duplication. A missing text is the empty text. Pure functions.
 */
public record MessageText(int contentLength, boolean isPitch, boolean isSocial, boolean isIntroCue,
    boolean hasQuestion, boolean isSystem, boolean isSponsoredMarkup, String contentHash) implements Serializable {

  /** LinkedIn's sponsored InMail editor leaves this class name in the HTML of the text. */
  static final String SPONSORED_MARKUP = "spinmail";

  /** The features of one text (null: no text). */
  public static MessageText of(String content, Lexicon lexicon) {
    String text = content == null ? "" : content;
    String untagged = Lexicon.withoutTags(text);
    Set<Lexicon.Category> cues = lexicon.categories(Lexicon.plainTextOfUntagged(untagged));
    return new MessageText(
        visibleLength(untagged),
        cues.contains(Lexicon.PITCH),
        cues.contains(Lexicon.SOCIAL),
        cues.contains(Lexicon.INTRO),
        text.indexOf('?') >= 0,
        cues.contains(Lexicon.SYSTEM),
        text.toLowerCase(Locale.ROOT).contains(SPONSORED_MARKUP),
        sha256Hex(text));
  }

  /**
   * Characters (code points) of a text whose tags are already replaced by a space
   * ({@link Lexicon#withoutTags}), surrounding spaces not counted.
   */
  static int visibleLength(String s) {
    String visible = SparkStrings.trim(s);
    return visible.codePointCount(0, visible.length());
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
