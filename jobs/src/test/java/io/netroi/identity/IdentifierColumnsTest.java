package io.netroi.identity;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Spark column versions return exactly what the Java functions return. */
class IdentifierColumnsTest extends SparkTestBase {
  /** Every function is applied to every value, so each sees the others' awkward inputs too. */
  static final List<String> VALUES = Arrays.asList(
      null, "", "   ", "\t\n", "\u00a0", "\u200b", "-", "N/A", "not a url",
      "https://www.linkedin.com/in/karl-pontius-6b7350", "http://www.linkedin.com/in/x",
      "www.linkedin.com/in/x", "linkedin.com/in/x/", "//www.linkedin.com/in/x",
      "https://www.linkedin.com/in/x?trk=people&utm=1", "https://www.linkedin.com/in/x/#experience",
      "HTTPS://WWW.LINKEDIN.COM/IN/X/", "https://www.linkedin.com:443/in/x",
      "https://www.linkedin.com/in/david-ter%C3%A1n-4b", "linkedin.com/in/DAVID-TER%c3%a1n-4b",
      "https://www.linkedin.com/in/david-ter\u00e1n-4b", "linkedin.com/in/x%C3-y", "linkedin.com/in/100%ZZ",
      "linkedin.com/in/a%2fb", "www.linkedin.com/in/%F0%9F%98%80-x", "https://www.linkedin.com/",
      "ftp://linkedin.com/in/x", "mailto:john@example.com", "https://user@linkedin.com/in/x",
      "John.Smith@Example.COM", "  a.b@c.co.uk  ", "\u00a0x@y.io\u200b", "\u00c9LODIE@EXAMPLE.FR",
      "\u0130NFO@EXAMPLE.COM", "INFO.\u00c9T\u00c9@EXAMPLE.COM", "first+tag@sub.example.org", "a@b",
      "@b.com", "a@b..com", "a b@c.com", "a@@b.com", "<a@b.com>", "a@b.com;c@d.com",
      "Jos\u00e9 Garc\u00eda", "  JOS\u00c9    GARC\u00cdA  ", "Jose\u0301 Garci\u0301a",
      "\ud83d\ude80 Jos\u00e9 \u2728 Garc\u00eda \ud83c\udf89", "\ud83d\udc4b\ud83c\udffd Priya",
      "O'Brien", "O\u2019Brien", "Jean-Luc Picard", "Dr. Anna M\u00fcller, PhD",
      "\u0141ukasz \u017b\u00f3\u0142\u0107", "Stra\u00dfe \u00d8rsted \u00c6ble", "\uff2a\uff4f\uff48\uff4e",
      "\ud835\udcd9\ud835\udcf8\ud835\udcf1\ud835\udcf7", "\uae40\ubbfc\uc900",
      "\u0905\u092e\u093f\u0924 \u0936\u0930\u094d\u092e\u093e", "Anna\u00adMaria", "\ud83d\ude80\u2728",
      "Jos\u00c3\u00a9 Garc\u00c3\u00ada", "Acme, Inc.", "Acme Co., Ltd.", "Banco Santander S.A.",
      "Philips B.V.", "M\u00fcller GmbH", "Company of Heroes Ltd", "Inc.", "Ltd Co", "\ud83c\udfe2");

  private Dataset<Row> values() {
    StructType schema = new StructType()
        .add("i", DataTypes.IntegerType)
        .add("v", DataTypes.StringType)
        .add("first", DataTypes.StringType)
        .add("last", DataTypes.StringType);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      // first/last pairs: each value with its neighbour
      rows.add(row(i, VALUES.get(i), VALUES.get(i), VALUES.get((i + 1) % VALUES.size())));
    }
    return df(schema, rows.toArray(Object[][]::new));
  }

  @Test
  void columnsEqualJavaFunctions() {
    List<Row> out = values().select(col("i"), col("v"), col("first"), col("last"),
            Identifiers.urlColumn(col("v")).as("url"),
            Identifiers.emailColumn(col("v")).as("email"),
            Identifiers.nameColumn(col("v")).as("name"),
            Identifiers.nameColumn(col("first"), col("last")).as("first_last"),
            Identifiers.companyColumn(col("v")).as("company"))
        .orderBy("i").collectAsList();
    assertEquals(VALUES.size(), out.size());
    for (Row r : out) {
      String v = r.getString(1);
      assertEquals(Identifiers.normaliseUrl(v), r.getString(4), "url of <" + v + ">");
      assertEquals(Identifiers.normaliseEmail(v), r.getString(5), "email of <" + v + ">");
      assertEquals(Identifiers.normaliseName(v), r.getString(6), "name of <" + v + ">");
      assertEquals(Identifiers.normaliseName(r.getString(2), r.getString(3)), r.getString(7),
          "first/last of <" + r.getString(2) + "> <" + r.getString(3) + ">");
      assertEquals(Identifiers.normaliseCompany(v), r.getString(8), "company of <" + v + ">");
    }
  }

  /**
   * Spark's native lower() follows the JVM default locale for non-ASCII strings; under a Turkish
   * locale it turns I into dotless i. The email column must still equal the Locale.ROOT result.
   */
  @Test
  void emailColumnIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      List<Row> out = values().select(col("v"), Identifiers.emailColumn(col("v"))).collectAsList();
      for (Row r : out) {
        assertEquals(Identifiers.normaliseEmail(r.getString(0)), r.getString(1), "email of <" + r.getString(0) + ">");
      }
      assertEquals("info.\u00e9t\u00e9@example.com", Identifiers.normaliseEmail("INFO.\u00c9T\u00c9@EXAMPLE.COM"));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
