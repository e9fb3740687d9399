package io.netroi.publish;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort in time order: {@code 20261201T203015123Z-3fa9c1} (UTC, milliseconds, random). */
public final class RunIds {
  /** The config key a published run carries its id in (also run_manifest.run_id). */
  public static final String KEY = "netroi.run.id";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String next() {
    byte[] b = new byte[3];
    RANDOM.nextBytes(b);
    return STAMP.format(Instant.now()) + "-" + HexFormat.of().formatHex(b);
  }
}
