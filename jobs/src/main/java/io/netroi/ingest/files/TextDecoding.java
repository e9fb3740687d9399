package io.netroi.ingest.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of an export file to text: a UTF-8 BOM is stripped; bytes that are not valid UTF-8 are read
 * as Windows-1252, which is what Excel writes when someone re-saves a CSV.
 */
public final class TextDecoding {
  public static final String UTF8 = "UTF-8";
  public static final String UTF8_BOM = "UTF-8 (BOM)";
  public static final String WINDOWS_1252 = "windows-1252";
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private TextDecoding() {}

  /** Decoded text and the encoding it was read in. */
  public record Decoded(String text, String encoding) {}

  public static Decoded decode(byte[] bytes) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
    int offset = bom ? 3 : 0;
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
      return new Decoded(stripLeadingBom(text), bom ? UTF8_BOM : UTF8);
    } catch (CharacterCodingException notUtf8) {
      return new Decoded(new String(bytes, offset, bytes.length - offset, CP1252), WINDOWS_1252);
    }
  }

  private static String stripLeadingBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
