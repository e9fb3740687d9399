package io.netroi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class EscapingTest {
  @Test
  void spreadsheetFormulasAreNeutralised() {
    assertEquals("'=HYPERLINK(\"http://x\",\"y\")", Escaping.csvCell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("'+1", Escaping.csvCell("+1"));
    assertEquals("'-2+3", Escaping.csvCell("-2+3"));
    assertEquals("'@SUM(A1)", Escaping.csvCell("@SUM(A1)"));
    assertEquals("'\tx", Escaping.csvCell("\tx"));
    assertEquals("Acme = good", Escaping.csvCell("Acme = good"));
  }

  @Test
  void csvFilesWriteNumbersAsNumbersAndTextInert() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("company", "=cmd|' /C calc'!A0");
    row.put("value", -12.5);
    row.put("nested", Map.of("rate", 0.5));
    String csv = new String(Renderers.csv(List.of(row)), StandardCharsets.UTF_8);
    assertEquals("company,value,nested_rate\r\n'=cmd|' /C calc'!A0,-12.5,0.5\r\n", csv);
  }

  @Test
  void htmlAndMarkdownAreEscaped() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;",
        Escaping.html("<script>alert('x')</script> & \"co\""));
    assertEquals("\\<img src=x onerror=alert(1)\\> \\*bold\\* \\[link\\](u) \\| \\#",
        Escaping.markdown("<img src=x onerror=alert(1)> *bold* [link](u) | #"));
    Assertions.assertFalse(Escaping.chartLabel("a\u0000b\nc").contains("\u0000"));
  }
}
