package io.netroi.spark;

import io.netroi.publish.KillPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Output tables: Parquet under {@code <out>/tables/<name>/}, each checked against its schema file
 * {@code schemas/<name>.json} (Spark's JSON schema format) before anything is written.
 */
public final class Tables {
  private Tables() {}

  /** The declared schema of a table, from the schema file shipped in the jar. */
  public static StructType schema(String table) {
    String resource = "/schemas/" + table + ".json";
    try (InputStream in = Tables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema file schemas/" + table + ".json");
      }
      return (StructType) DataType.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Developer flag: {@code -Dnetroi.schemas.bootstrap=DIR} writes the schema of a table that has no
   * schema file yet to DIR instead of failing, so a new table's schema is generated on purpose, then
   * reviewed and committed to {@code schemas/}.
   */
  static final String BOOTSTRAP = "netroi.schemas.bootstrap";

  /** Columns in schema order, after checking names and types (nullability is not compared). */
  public static Dataset<Row> conform(Dataset<Row> df, String table) {
    if (bootstrapping(table)) {
      writeSchema(df.schema(), java.nio.file.Path.of(System.getProperty(BOOTSTRAP), table + ".json"));
      return df;
    }
    StructType declared = schema(table);
    List<String> problems = differences(declared, df.schema());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("table " + table + " does not match schemas/" + table + ".json: "
          + String.join("; ", problems));
    }
    Column[] cols = Arrays.stream(declared.fieldNames()).map(df::col).toArray(Column[]::new);
    return df.select(cols);
  }

  /**
   * Only the declared columns of a wider working frame, then {@link #conform}: for transformations
   * that keep helper columns until the end. A declared column that is missing still fails.
   */
  public static Dataset<Row> project(Dataset<Row> df, String table) {
    List<String> have = Arrays.asList(df.columns());
    Column[] kept = Arrays.stream(schema(table).fieldNames()).filter(have::contains).map(df::col)
        .toArray(Column[]::new);
    return conform(df.select(kept), table);
  }

  static List<String> differences(StructType declared, StructType actual) {
    List<String> out = new ArrayList<>();
    for (StructField f : declared.fields()) {
      if (!Arrays.asList(actual.fieldNames()).contains(f.name())) {
        out.add("missing column " + f.name());
        continue;
      }
      DataType have = actual.apply(f.name()).dataType();
      if (!DataType.equalsIgnoreNullability(f.dataType(), have)) {
        out.add("column " + f.name() + " is " + have.simpleString() + ", declared " + f.dataType().simpleString());
      }
    }
    for (String name : actual.fieldNames()) {
      if (!Arrays.asList(declared.fieldNames()).contains(name)) {
        out.add("undeclared column " + name);
      }
    }
    return out;
  }

  /** The bootstrap flag is set and this table has no schema file yet. */
  private static boolean bootstrapping(String table) {
    return System.getProperty(BOOTSTRAP) != null && Tables.class.getResource("/schemas/" + table + ".json") == null;
  }

  private static void writeSchema(StructType schema, java.nio.file.Path file) {
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, schema.prettyJson() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String path(String outDir, String table) {
    return outDir.replaceAll("/+$", "") + "/tables/" + table.toLowerCase(Locale.ROOT);
  }

  public static void write(Dataset<Row> df, String outDir, String table) {
    conform(df, table).write().mode(SaveMode.Overwrite).parquet(path(outDir, table));
    KillPoint.at("table:" + table);
  }

  public static Dataset<Row> read(SparkSession spark, String outDir, String table) {
    if (bootstrapping(table)) {
      return spark.read().parquet(path(outDir, table));
    }
    return spark.read().schema(schema(table)).parquet(path(outDir, table));
  }
}
