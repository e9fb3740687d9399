package io.netroi.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
  @Test
  void utf8BomIsStripped() {
    byte[] body = "First Name,Last Name\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    TextDecoding.Decoded d = TextDecoding.decode(withBom);
    assertEquals("First Name,Last Name\n", d.text());
    assertEquals(TextDecoding.UTF8_BOM, d.encoding());
  }

  @Test
  void excelWindows1252IsDetectedAndDecoded() {
    byte[] cp1252 = "José Muñoz,Zürich".getBytes(Charset.forName("windows-1252"));
    TextDecoding.Decoded d = TextDecoding.decode(cp1252);
    assertEquals("José Muñoz,Zürich", d.text());
    assertEquals(TextDecoding.WINDOWS_1252, d.encoding());
  }

  @Test
  void plainUtf8WithEmojiStaysUtf8() {
    TextDecoding.Decoded d = TextDecoding.decode("Zoë 🚀 Ter%C3%A1n".getBytes(StandardCharsets.UTF_8));
    assertEquals("Zoë 🚀 Ter%C3%A1n", d.text());
    assertEquals(TextDecoding.UTF8, d.encoding());
  }
}
