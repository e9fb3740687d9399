package io.netroi.identity;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unhex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Keyed pseudonyms: HMAC-SHA256 (RFC 2104) as 64 lower-case hex characters, in Java and as a
 * native Spark expression with identical results.
 *
 * <p>HMAC(K, m) = SHA256((K' xor opad) || SHA256((K' xor ipad) || m)), K' the key zero-padded
 * to the 64-byte block (a longer key is hashed first), ipad = 0x36.., opad = 0x5c.., m the UTF-8
 * bytes of the message. The two pre-xored pads are fixed per key, so Spark only needs
 * {@code concat}, {@code sha2}, {@code unhex} and {@code encode}: no UDF.
 *
 * <p>Where the pads live matters: the pads are as good as the key. {@link #hmacColumn(byte[],
 * Column)} embeds them as binary literals, and Spark prints literals into query plans, which
 * reach {@code explain()}, the Spark UI and the event log (the event log's plan graph is not
 * covered by {@code spark.sql.redaction.string.regex}). Jobs therefore use {@link #withHmac},
 * which carries the pads as data in a broadcast one-row relation that plans do not print.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  static final int BLOCK_BYTES = 64;
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();
  static final String INNER_PAD_COLUMN = "__netroi_hmac_inner_pad";
  static final String OUTER_PAD_COLUMN = "__netroi_hmac_outer_pad";

  /** HMAC-SHA256 of the message's UTF-8 bytes as lower-case hex; null message gives null. */
  public static String hmacHex(byte[] key, String message) {
    return hmacHexer(key).apply(message);
  }

  /**
   * {@link #hmacHex} with the key set up once, for hashing many messages (not thread-safe: one
   * per thread).
   */
  public static UnaryOperator<String> hmacHexer(byte[] key) {
    requireKey(key);
    Mac mac;
    try {
      mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
    return message -> message == null ? null : HEX.formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * HMAC-SHA256 hex of a string column, built natively with the pads as binary literals. The
   * pads appear in the query plan (explain, Spark UI, event log): use it for tests and ad-hoc
   * work, and {@link #withHmac} in jobs.
   */
  static Column hmacColumn(byte[] key, Column message) {
    byte[][] pads = pads(key);
    return hmacColumn(lit(pads[0]), lit(pads[1]), message);
  }

  /**
   * Adds {@code outputColumn} = HMAC-SHA256 hex of {@code message}, equal to
   * {@link #hmacHex}. The key-derived pads join as data from a broadcast one-row relation, so
   * they never appear in plans or logs; the per-row work is the same native expression as
   * {@link #hmacColumn(byte[], Column)}.
   */
  public static Dataset<Row> withHmac(Dataset<Row> df, byte[] key, Column message, String outputColumn) {
    Objects.requireNonNull(outputColumn, "outputColumn");
    List<String> columns = Arrays.asList(df.columns());
    if (columns.contains(INNER_PAD_COLUMN) || columns.contains(OUTER_PAD_COLUMN)) {
      throw new IllegalArgumentException("withHmac: input already has a column named "
          + INNER_PAD_COLUMN + " or " + OUTER_PAD_COLUMN + ": " + columns);
    }
    byte[][] pads = pads(key);
    StructType schema = new StructType()
        .add(INNER_PAD_COLUMN, DataTypes.BinaryType, false)
        .add(OUTER_PAD_COLUMN, DataTypes.BinaryType, false);
    Dataset<Row> padRow = df.sparkSession()
        .createDataFrame(List.of(RowFactory.create(pads[0], pads[1])), schema);
    return df.crossJoin(broadcast(padRow))
        .withColumn(outputColumn, hmacColumn(col(INNER_PAD_COLUMN), col(OUTER_PAD_COLUMN), message))
        .drop(INNER_PAD_COLUMN, OUTER_PAD_COLUMN);
  }

  /** The HMAC expression over pad columns (binary, 64 bytes each) and a string message. */
  static Column hmacColumn(Column innerPad, Column outerPad, Column message) {
    Column inner = unhex(sha2(concat(innerPad, encode(message, "UTF-8")), 256));
    return sha2(concat(outerPad, inner), 256);
  }

  /** {K' xor ipad, K' xor opad}. */
  static byte[][] pads(byte[] key) {
    requireKey(key);
    byte[] k = key.length > BLOCK_BYTES ? sha256(key) : key;
    byte[] inner = new byte[BLOCK_BYTES];
    byte[] outer = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      byte b = i < k.length ? k[i] : 0;
      inner[i] = (byte) (b ^ 0x36);
      outer[i] = (byte) (b ^ 0x5c);
    }
    return new byte[][] {inner, outer};
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static void requireKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("the pseudonymisation key must not be null or empty");
    }
  }
}
