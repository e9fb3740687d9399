package io.netroi.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass {@link Lexicon#plainText(String)} does what its regex definition does. */
class PlainTextTest {
  /** The definition: tags to a space, lower case, white-space runs to one space, trimmed. */
  private static String byRegex(String s) {
    return s.replaceAll("<[^>]+>", " ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  @Test
  void examples() {
    assertEquals("hi there ! <> ok", Lexicon.plainText("  Hi <b>there</b>!\n\n<> OK\t"));
    assertEquals("a < b", Lexicon.plainText("a < b"), "a lone < is text");
    assertEquals("x y", Lexicon.plainText("x<br/>y"));
    assertEquals("x >y", Lexicon.withoutTags("x<a<b>>y"), "a tag ends at the first >");
  }

  @Test
  void agreesWithTheRegexDefinitionOnRandomTexts() {
    String alphabet = "<>aZ \t\n\u000B\f\r\u0001\u00A0İΣé/b";
    Random random = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(24);
      for (int i = 0; i < len; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertEquals(byRegex(text), Lexicon.plainText(text), "for '" + text + "'");
      assertEquals(text.replaceAll("<[^>]+>", " "), Lexicon.withoutTags(text), "tags of '" + text + "'");
    }
  }
}
