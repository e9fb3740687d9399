package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  static final String TERAN = "https://linkedin.com/in/david-ter\u00e1n-4b";

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      https://www.linkedin.com/in/karl-pontius-6b7350      | https://linkedin.com/in/karl-pontius-6b7350
      http://www.linkedin.com/in/x                         | https://linkedin.com/in/x
      www.linkedin.com/in/x                                | https://linkedin.com/in/x
      linkedin.com/in/x/                                   | https://linkedin.com/in/x
      //www.linkedin.com/in/x                              | https://linkedin.com/in/x
      https://www.linkedin.com/in/x?trk=people&utm=1       | https://linkedin.com/in/x
      https://www.linkedin.com/in/x/#experience            | https://linkedin.com/in/x
      https://www.linkedin.com/in/x?a=b#c                  | https://linkedin.com/in/x
      https://WWW.LinkedIn.COM/in/x                        | https://linkedin.com/in/x
      HTTPS://WWW.LINKEDIN.COM/IN/X/                       | https://linkedin.com/in/x
      https://www.linkedin.com/in/x///                     | https://linkedin.com/in/x
      https://www.linkedin.com:443/in/x                    | https://linkedin.com/in/x
      https://www.linkedin.com./in/x                       | https://linkedin.com/in/x
      https://uk.linkedin.com/in/x                         | https://uk.linkedin.com/in/x
      https://www.linkedin.com/in/david-ter%C3%A1n-4b      | https://linkedin.com/in/david-ter\u00e1n-4b
      https://www.linkedin.com/in/david-ter%c3%a1n-4b      | https://linkedin.com/in/david-ter\u00e1n-4b
      linkedin.com/in/DAVID-TER%c3%a1n-4b                  | https://linkedin.com/in/david-ter\u00e1n-4b
      linkedin.com/in/DAVID-TER%C3%81N-4B                  | https://linkedin.com/in/david-ter\u00e1n-4b
      www.linkedin.com/in/%F0%9F%98%80-x                   | https://linkedin.com/in/\ud83d\ude00-x
      linkedin.com/in/x%C3-y                               | https://linkedin.com/in/x%C3-y
      linkedin.com/in/x%c3-y                               | https://linkedin.com/in/x%C3-y
      linkedin.com/in/x%E2%82y                             | https://linkedin.com/in/x%E2%82y
      linkedin.com/in/x%C0%AFy                             | https://linkedin.com/in/x%C0%AFy
      linkedin.com/in/x%ED%A0%80y                          | https://linkedin.com/in/x%ED%A0%80y
      linkedin.com/in/100%ZZ                               | https://linkedin.com/in/100%25zz
      linkedin.com/in/100%25ZZ                             | https://linkedin.com/in/100%25zz
      linkedin.com/in/a%2fb                                | https://linkedin.com/in/a%2Fb
      linkedin.com/in/a%20b                                | https://linkedin.com/in/a%20b
      linkedin.com/in/a%41b                                | https://linkedin.com/in/aab
      https://www.linkedin.com/                            | NULL
      https://www.linkedin.com                             | NULL
      ftp://linkedin.com/in/x                              | NULL
      mailto:john@example.com                              | NULL
      https://user@linkedin.com/in/x                       | NULL
      not a url                                            | NULL
      N/A                                                  | NULL
      -                                                    | NULL
      https://linked in.com/in/x                           | NULL
      """)
  void urlRules(String raw, String expected) {
    assertEquals(unescape(expected), Identifiers.normaliseUrl(unescape(raw)), raw);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n", "\u00a0"})
  void blankUrlIsNull(String raw) {
    assertNull(Identifiers.normaliseUrl(raw));
  }

  @Test
  void percentEncodedLiteralAndMixedCaseSlugsAreOneUrl() {
    String a = Identifiers.normaliseUrl("https://www.linkedin.com/in/david-ter%C3%A1n-4b");
    String b = Identifiers.normaliseUrl("https://www.linkedin.com/in/david-ter\u00e1n-4b");
    String c = Identifiers.normaliseUrl("https://www.linkedin.com/in/DAVID-TER%c3%a1n-4b");
    String decomposed = Identifiers.normaliseUrl("linkedin.com/in/david-tera\u0301n-4b/");
    assertEquals(TERAN, a);
    assertEquals(a, b);
    assertEquals(a, c);
    assertEquals(a, decomposed);
    assertEquals(Identifiers.normaliseUrl("linkedin.com/in/x/"), Identifiers.normaliseUrl("https://www.linkedin.com/in/x"));
    assertEquals(Identifiers.normaliseUrl("http://linkedin.com/in/x"), Identifiers.normaliseUrl("https://linkedin.com/in/x"));
    assertEquals("https://linkedin.com/in/x", Identifiers.normaliseUrl("  https://www.linkedin.com/in/x/ \n"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
      John.Smith@Example.COM|john.smith@example.com
        a.b@c.co.uk  |a.b@c.co.uk
      \\u00a0x@y.io\\u200b|x@y.io
      \\u00c9LODIE@EXAMPLE.FR|\\u00e9lodie@example.fr
      first+tag@sub.example.org|first+tag@sub.example.org
      not-an-email|NULL
      a@b|NULL
      @b.com|NULL
      a@|NULL
      a@.com|NULL
      a@b.|NULL
      a@b..com|NULL
      a b@c.com|NULL
      a@@b.com|NULL
      <a@b.com>|NULL
      a@b.com;c@d.com|NULL
      |NULL
         |NULL
      """)
  void emailRules(String raw, String expected) {
    assertEquals(unescape(expected), Identifiers.normaliseEmail(unescape(raw)), raw);
  }

  @Test
  void nullEmailIsNull() {
    assertNull(Identifiers.normaliseEmail(null));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      Jos\\u00e9 Garc\\u00eda                   | jose garcia
      '  JOS\\u00c9    GARC\\u00cdA  '          | jose garcia
      Jose\\u0301 Garci\\u0301a                 | jose garcia
      \\ud83d\\ude80 Jos\\u00e9 \\u2728 Garc\\u00eda \\ud83c\\udf89 | jose garcia
      \\ud83d\\udc4b\\ud83c\\udffd Priya             | priya
      \\ud83d\\udc68\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67 Family | family
      O'Brien                                  | obrien
      O\\u2019Brien                            | obrien
      Jean-Luc Picard                          | jean luc picard
      'Dr. Anna M\\u00fcller, PhD'             | dr anna muller phd
      \\u0141ukasz \\u017b\\u00f3\\u0142\\u0107          | lukasz zolc
      Stra\\u00dfe \\u00d8rsted \\u00c6ble                | strasse orsted aeble
      \\uff2a\\uff4f\\uff48\\uff4e                      | john
      \\ud835\\udcd9\\ud835\\udcf8\\ud835\\udcf1\\ud835\\udcf7 | john
      \\uae40\\ubbfc\\uc900                         | \\uae40\\ubbfc\\uc900
      \\u0905\\u092e\\u093f\\u0924 \\u0936\\u0930\\u094d\\u092e\\u093e | \\u0905\\u092e\\u093f\\u0924 \\u0936\\u0930\\u094d\\u092e\\u093e
      Anna\\u00adMaria                          | annamaria
      \\ud83d\\ude80\\u2728                      | NULL
      '---'                                    | NULL
      ''                                       | NULL
      '   '                                    | NULL
      """)
  void nameRules(String raw, String expected) {
    assertEquals(unescape(expected), Identifiers.normaliseName(unescape(raw)), raw);
  }

  @Test
  void firstAndLastName() {
    assertEquals("jose garcia", Identifiers.normaliseName("Jos\u00e9", "Garc\u00eda"));
    assertEquals(Identifiers.normaliseName("Jos\u00e9 Garc\u00eda"), Identifiers.normaliseName("JOSE", "garcia"));
    assertEquals("smith", Identifiers.normaliseName(null, "Smith"));
    assertEquals("anna", Identifiers.normaliseName("Anna", null));
    assertNull(Identifiers.normaliseName(null, null));
    assertNull(Identifiers.normaliseName("\ud83d\ude42", ""));
    assertNull(Identifiers.normaliseName((String) null));
  }

  @Test
  void windows1252MojibakeIsNotRepaired() {
    // "José García" saved as UTF-8 and read back as Windows-1252
    String mojibake = "Jos\u00c3\u00a9 Garc\u00c3\u00ada";
    assertNotEquals(Identifiers.normaliseName("Jos\u00e9 Garc\u00eda"), Identifiers.normaliseName(mojibake));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      'Acme, Inc.'                 | acme
      ACME Inc                     | acme
      'Acme Co., Ltd.'             | acme
      Banco Santander S.A.         | banco santander
      Siemens AG                   | siemens
      Philips B.V.                 | philips
      M\\u00fcller GmbH            | muller
      Tesco PLC                    | tesco
      Acme Corporation             | acme
      Acme Corp.                   | acme
      Acme Limited                 | acme
      Acme LLC                     | acme
      \\ud83c\\udfe2 Acme \\u00ae Ltd | acme
      Costco                       | costco
      Company of Heroes Ltd        | company of heroes
      Inc.                         | inc
      Co                           | co
      Ltd Co                       | ltd
      \\ud83c\\udfe2               | NULL
      ''                           | NULL
      """)
  void companyRules(String raw, String expected) {
    assertEquals(unescape(expected), Identifiers.normaliseCompany(unescape(raw)), raw);
  }

  @Test
  void nullCompanyIsNull() {
    assertNull(Identifiers.normaliseCompany(null));
  }

  /** Java-style \\uXXXX escapes in the test tables, so the source stays ASCII. */
  static String unescape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }
}
