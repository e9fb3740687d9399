package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.config.ConfigException;
import io.netroi.config.NetroiConfig;
import io.netroi.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityMapTest extends SparkTestBase {
  private static final byte[] KEY = "map-test-key".getBytes(StandardCharsets.UTF_8);

  @Test
  void theMapLivesBesideTheKeyAndAClusterRunMustNameIt() {
    NetroiConfig named = NetroiConfig.builder().set(IdentityMap.BASE, "hdfs:///private/maps/").build();
    assertEquals("hdfs:///private/maps/" + IdentityMap.outputId("s3a://b/out") + "/r1",
        IdentityMap.location(named, false, "s3a://b/out", "r1"));
    NetroiConfig keyFile = NetroiConfig.builder().set(KeySource.KEY_FILE, "/etc/netroi/key").build();
    assertEquals("file:///etc/netroi/identity-map", IdentityMap.base(keyFile, false));
    NetroiConfig inline = NetroiConfig.builder().set(KeySource.KEY, "k").build();
    assertTrue(IdentityMap.base(inline, true).endsWith("/.netroi/identity-map"));
    assertFalse(IdentityMap.configured(inline, false));
    assertThrows(ConfigException.class, () -> IdentityMap.base(inline, false));
    assertEquals(16, IdentityMap.outputId("file:/tmp/out").length());
  }

  @Test
  void anyIdentifierFindsItsContactAndTheMapHoldsNoRawIdentifier(@TempDir Path dir) throws Exception {
    StructType schema = new StructType().add("identifier", DataTypes.StringType).add("contact_key", DataTypes.StringType)
        .add("is_linking", DataTypes.BooleanType);
    Dataset<Row> identifierKeys = df(schema,
        row("url:https://linkedin.com/in/a", "K1", true), row("email:a@x.com", "K1", true),
        row("email:shared@x.com", "K1", false), row("email:shared@x.com", "K2", false),
        row("url:https://linkedin.com/in/b", "K2", true));
    String at = dir.resolve("m").resolve("out").resolve("run").toUri().toString();
    IdentityMap.write(IdentityMap.of(identifierKeys, KEY), at);
    assertTrue(IdentityMap.exists(spark(), at));
    assertEquals(List.of("K1"), keys(at, List.of("email:a@x.com")), "the email finds the URL-keyed contact");
    assertEquals(List.of("K1", "K2"), keys(at, List.of("email:shared@x.com")), "an ambiguous email: both");
    assertEquals(List.of(), keys(at, List.of("email:nobody@x.com")));
    String stored = String.join("|", spark().read().parquet(at).toJSON().collectAsList());
    assertFalse(stored.contains("a@x.com") || stored.contains("linkedin"), stored);
    assertEquals(List.of("contact_key", "identifier_hash"),
        List.of(spark().read().parquet(at).columns()).stream().sorted().toList());
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("m"))), "the map's base folder is owner-only");
  }

  private List<String> keys(String at, List<String> ids) {
    return IdentityMap.keysOf(spark(), at, KEY, ids).as(Encoders.STRING()).collectAsList().stream().sorted().toList();
  }
}
