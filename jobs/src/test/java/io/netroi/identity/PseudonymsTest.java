package io.netroi.identity;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.junit.jupiter.api.Assertions;

import io.netroi.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.ExtendedMode$;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PseudonymsTest extends SparkTestBase {
  static final byte[] KEY = "test-key".getBytes(StandardCharsets.UTF_8);
  static final byte[] LONG_KEY = "k".repeat(200).getBytes(StandardCharsets.UTF_8);
  static final byte[] BLOCK_KEY = "b".repeat(64).getBytes(StandardCharsets.UTF_8);

  @Test
  void rfc4231TestCase2() {
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Pseudonyms.hmacHex("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?"));
  }

  /** RFC 4231 test case 6: a 131-byte key, longer than the block, is hashed first. */
  @Test
  void rfc4231TestCase6LongKey() {
    byte[] key = new byte[131];
    java.util.Arrays.fill(key, (byte) 0xaa);
    String expected = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
    String data = "Test Using Larger Than Block-Size Key - Hash Key First";
    assertEquals(expected, Pseudonyms.hmacHex(key, data));
    assertEquals(expected, sparkHmac(key, List.of(data), false).get(0));
    assertEquals(expected, sparkHmac(key, List.of(data), true).get(0));
  }

  @Test
  void aReusedHexerHashesEachMessageAlone() {
    var hexer = Pseudonyms.hmacHexer(KEY);
    for (String m : new String[] {"a", "url:linkedin.com/in/x", "", "a"}) {
      assertEquals(Pseudonyms.hmacHex(KEY, m), hexer.apply(m), "a reused hexer hashes each message alone: " + m);
    }
    assertNull(Pseudonyms.hmacHexer(KEY).apply(null));
  }

  @Test
  void nullMessageIsNullAndEmptyKeyIsRefused() {
    assertNull(Pseudonyms.hmacHex(KEY, null));
    assertThrows(IllegalArgumentException.class, () -> Pseudonyms.hmacHex(new byte[0], "x"));
    assertThrows(IllegalArgumentException.class, () -> Pseudonyms.hmacColumn(null, col("x")));
  }

  @Test
  void sparkEqualsJavaForManyStringsAndKeys() {
    List<String> messages = messages();
    for (byte[] key : List.of(KEY, LONG_KEY, BLOCK_KEY, "Jefe".getBytes(StandardCharsets.US_ASCII))) {
      for (boolean asData : List.of(false, true)) {
        List<String> spark = sparkHmac(key, messages, asData);
        for (int i = 0; i < messages.size(); i++) {
          String m = messages.get(i);
          assertEquals(Pseudonyms.hmacHex(key, m), spark.get(i),
              "key length " + key.length + (asData ? " withHmac" : " hmacColumn") + " message <" + m + ">");
        }
      }
    }
    assertEquals(64, Pseudonyms.hmacHex(KEY, "").length());
    Assertions.assertTrue(Pseudonyms.hmacHex(KEY, "x").matches("[0-9a-f]{64}"));
  }

  @Test
  void differentKeysGiveDifferentPseudonyms() {
    assertNotEquals(Pseudonyms.hmacHex(KEY, "url:https://linkedin.com/in/x"),
        Pseudonyms.hmacHex(LONG_KEY, "url:https://linkedin.com/in/x"));
  }

  /** withHmac keeps the key-derived pads out of the plan that explain, the UI and event logs show. */
  @Test
  void withHmacKeepsThePadsOutOfThePlan() {
    byte[][] pads = Pseudonyms.pads(KEY);
    String inner = HexFormat.of().withUpperCase().formatHex(pads[0]);
    String outer = HexFormat.of().withUpperCase().formatHex(pads[1]);
    Dataset<Row> input = messagesFrame(List.of("a", "b"));

    Dataset<Row> safe = Pseudonyms.withHmac(input, KEY, col("m"), "h");
    safe.collectAsList();
    String safePlan = plans(safe);
    assertFalse(safePlan.toUpperCase(Locale.ROOT).contains(inner), safePlan);
    assertFalse(safePlan.toUpperCase(Locale.ROOT).contains(outer), safePlan);
    assertEquals(List.of("i", "m", "h"), List.of(safe.columns()));

    // the literal version does expose them: this is why jobs use withHmac
    String literalPlan = plans(input.select(Pseudonyms.hmacColumn(KEY, col("m"))));
    Assertions.assertTrue(literalPlan.toUpperCase(Locale.ROOT).contains(inner));
  }

  private static String plans(Dataset<Row> df) {
    return df.queryExecution().explainString(ExtendedMode$.MODULE$)
        + df.queryExecution().executedPlan().treeString();
  }

  static List<String> messages() {
    List<String> m = new ArrayList<>(List.of("", " ", "a", "what do ya want for nothing?",
        "url:https://linkedin.com/in/david-ter\u00e1n-4b", "scoped_name:m01|jos\u00e9 garc\u00eda",
        "\u5f20\u4f1f", "\ud83d\ude80\u2728", "\u0905\u092e\u093f\u0924", "x".repeat(63), "y".repeat(64),
        "z".repeat(65), "w".repeat(1000), "line\nbreak\ttab", "\u0000nul"));
    Random random = new Random(7);
    for (int i = 0; i < 40; i++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(90);
      for (int j = 0; j < len; j++) {
        int cp;
        do {
          cp = random.nextInt(4) == 0 ? random.nextInt(0x1F700) : 0x20 + random.nextInt(0x5f);
        } while (!Character.isDefined(cp) || Character.getType(cp) == Character.SURROGATE);
        b.appendCodePoint(cp);
      }
      m.add(b.toString());
    }
    m.add(null);
    return m;
  }

  private Dataset<Row> messagesFrame(List<String> messages) {
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("m", DataTypes.StringType);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      rows.add(row(i, messages.get(i)));
    }
    return df(schema, rows.toArray(Object[][]::new));
  }

  private List<String> sparkHmac(byte[] key, List<String> messages, boolean asData) {
    Dataset<Row> input = messagesFrame(messages);
    Dataset<Row> out = asData
        ? Pseudonyms.withHmac(input, key, col("m"), "h")
        : input.withColumn("h", Pseudonyms.hmacColumn(key, col("m")));
    return out.orderBy("i").select("h").collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
