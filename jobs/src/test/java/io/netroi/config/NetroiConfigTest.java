package io.netroi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetroiConfigTest {
  @Test
  void laterSourcesOverrideEarlierOnes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.properties");
    Files.writeString(file, "netroi.out=from-file\nnetroi.org.name=acme\n");
    NetroiConfig c = NetroiConfig.builder().file(file)
        .override("netroi.org.name=from-conf")
        .override("netroi.org.name=last-conf")
        .build();
    assertEquals("from-file", c.get("netroi.out"));
    assertEquals("last-conf", c.get("netroi.org.name"));
    assertEquals("sample-data", c.get("netroi.input"), "untouched keys keep the built-in default");
  }

  @Test
  void describeIsSortedAndMasksSecrets() {
    NetroiConfig c = NetroiConfig.builder()
        .set("netroi.key", "s3cr3t")
        .set("netroi.key.file", "/etc/netroi/key")
        .set("spark.hadoop.fs.s3a.secret.key", "AKIA")
        .build();
    var lines = c.describe();
    assertTrue(lines.contains("netroi.key=****"));
    assertTrue(lines.contains("netroi.key.file=/etc/netroi/key"), "a key file path is not itself secret");
    assertTrue(lines.contains("spark.hadoop.fs.s3a.secret.key=****"));
    assertTrue(lines.stream().noneMatch(l -> l.contains("s3cr3t") || l.contains("AKIA")));
    var keys = lines.stream().map(l -> l.substring(0, l.indexOf('='))).toList();
    assertEquals(keys.stream().sorted().toList(), keys, "sorted by key");
  }

  @Test
  void malformedValuesNameTheKey() {
    NetroiConfig c = NetroiConfig.builder().set("netroi.messages.session.gap.days", "ninety").build();
    ConfigException e = assertThrows(ConfigException.class, () -> c.getInt("netroi.messages.session.gap.days"));
    assertTrue(e.getMessage().contains("netroi.messages.session.gap.days"), e.getMessage());
    assertThrows(ConfigException.class, () -> NetroiConfig.builder().override("no-equals-sign"));
  }

  @Test
  void sparkSettingsAreSelectedByPrefix() {
    NetroiConfig c = NetroiConfig.builder().override("spark.sql.shuffle.partitions=7").build();
    assertEquals("7", c.withPrefix("spark.").get("spark.sql.shuffle.partitions"));
    assertTrue(c.withPrefix("spark.").keySet().stream().allMatch(k -> k.startsWith("spark.")));
  }
}
