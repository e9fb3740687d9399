package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
  @TempDir Path home;

  private Path localKey() {
    return home.resolve(".netroi").resolve("hmac.key");
  }

  @Test
  void localRunCreatesAnOwnerOnlyKeyInHome() throws Exception {
    byte[] key = KeySource.load(NetroiConfig.defaults(), true, home);

    Path file = localKey();
    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    assertTrue(text.matches("[0-9a-f]{64}"), "32 random bytes as hex");
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), key);
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void localRunReusesTheKey() throws Exception {
    byte[] first = KeySource.load(NetroiConfig.defaults(), true, home);
    String before = Files.readString(localKey(), StandardCharsets.UTF_8);
    byte[] second = KeySource.load(NetroiConfig.defaults(), true, home);
    assertArrayEquals(first, second);
    assertEquals(before, Files.readString(localKey(), StandardCharsets.UTF_8));

    // a different home gets a different random key
    Path other = Files.createDirectory(home.resolve("other"));
    assertFalse(java.util.Arrays.equals(first, KeySource.load(NetroiConfig.defaults(), true, other)));
  }

  @Test
  void configuredKeyWinsOverFileAndLocalKey() throws Exception {
    KeySource.load(NetroiConfig.defaults(), true, home); // a local key exists
    Path keyFile = Files.writeString(home.resolve("key.txt"), "from-file\n", StandardCharsets.UTF_8);
    NetroiConfig config = NetroiConfig.defaults()
        .with(KeySource.KEY, "from-config")
        .with(KeySource.KEY_FILE, keyFile.toString());
    assertArrayEquals("from-config".getBytes(StandardCharsets.UTF_8), KeySource.load(config, true, home));
    assertArrayEquals("from-config".getBytes(StandardCharsets.UTF_8), KeySource.load(config, false, home));
  }

  @Test
  void configuredKeyCreatesNoLocalKey() {
    KeySource.load(NetroiConfig.defaults().with(KeySource.KEY, "k"), true, home);
    assertFalse(Files.exists(localKey()));
  }

  @Test
  void keyFileWinsOverLocalKeyAndEqualsTheSameTextInline() throws Exception {
    KeySource.load(NetroiConfig.defaults(), true, home);
    Path keyFile = Files.writeString(home.resolve("key.txt"), "  s3cr\u00e9t-text \n", StandardCharsets.UTF_8);
    NetroiConfig config = NetroiConfig.defaults().with(KeySource.KEY_FILE, keyFile.toString());
    byte[] fromFile = KeySource.load(config, false, home);
    assertArrayEquals("s3cr\u00e9t-text".getBytes(StandardCharsets.UTF_8), fromFile);
    assertArrayEquals(fromFile, KeySource.load(NetroiConfig.defaults().with(KeySource.KEY, "s3cr\u00e9t-text"), false, home));
  }

  @Test
  void missingOrEmptyKeyFileIsAConfigError() throws Exception {
    NetroiConfig missing = NetroiConfig.defaults().with(KeySource.KEY_FILE, home.resolve("nope.key").toString());
    ConfigException e = assertThrows(ConfigException.class, () -> KeySource.load(missing, true, home));
    assertTrue(e.getMessage().contains("nope.key"), e.getMessage());
    assertFalse(Files.exists(localKey()), "a named but missing key file is not replaced by a local key");

    Path empty = Files.writeString(home.resolve("empty.key"), " \n", StandardCharsets.UTF_8);
    NetroiConfig blank = NetroiConfig.defaults().with(KeySource.KEY_FILE, empty.toString());
    assertThrows(ConfigException.class, () -> KeySource.load(blank, true, home));
  }

  @Test
  void clusterRunWithoutKeyStopsWithAClearError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> KeySource.load(NetroiConfig.defaults(), false, home));
    assertTrue(e.getMessage().contains("netroi.key.file"), e.getMessage());
    assertTrue(e.getMessage().contains("netroi.key="), e.getMessage());
    assertFalse(Files.exists(localKey()), "a cluster run never creates a local key");
  }

  @Test
  void clusterRunIgnoresAnExistingLocalKey() {
    KeySource.load(NetroiConfig.defaults(), true, home);
    assertThrows(ConfigException.class, () -> KeySource.load(NetroiConfig.defaults(), false, home));
  }

  @Test
  void emptyLocalKeyFileIsAnErrorNotSilentlyReplaced() throws Exception {
    Files.createDirectories(localKey().getParent());
    Files.writeString(localKey(), "", StandardCharsets.UTF_8);
    assertThrows(ConfigException.class, () -> KeySource.load(NetroiConfig.defaults(), true, home));
    assertEquals("", Files.readString(localKey(), StandardCharsets.UTF_8));
  }
}
