package io.netroi.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.netroi.config.NetroiConfig;
import io.netroi.spark.Sparks;
import io.netroi.spark.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark support (bench/stages.sh, bench/attribution.sh, bench/run.sh), not part of the product.
 * <ul>
 *   <li>{@code replicate IN OUT COPIES [OUTCOME_COPIES]}: writes COPIES disjoint copies of IN's ingest
 *   tables to OUT (every member, contact, conversation and outcome id gets a copy suffix), so the
 *   stages can be timed on N times the rows with the same shapes; with OUTCOME_COPIES > 1 every
 *   outcome is written that many times (same contact and date, ids suffixed {@code #k}), for more
 *   outcomes per message than the generator plants;</li>
 *   <li>{@code floor OUT}: reads OUT's interactions and counts rows per member x contact, the least
 *   any relationship stage must do; prints rows and seconds;</li>
 *   <li>{@code attribution-floor OUT}: reads OUT's outcomes and interactions and counts the
 *   interaction rows of each outcome's contact, the least an attribution stage must do;</li>
 *   <li>{@code flatten-exports INPUT DIR}: every member's export files unzipped into per-member
 *   folders for the DuckDB peer ({@link FlatExports}).</li>
 * </ul>
 */
public final class ReplicateTables {
  static final List<String> TABLES = List.of("members", "interactions", "connections", "invitations",
      "introductions", "outcomes");
  static final List<String> KEYS = List.of("member_id", "owner_member_id", "contact_key", "conversation_key",
      "introducer_key", "introduced_key", "outcome_id");

  private ReplicateTables() {}

  public static void main(String[] args) {
    if (args.length == 3 && args[0].equals("flatten-exports")) {
      FlatExports.main(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2])); // no Spark needed
      return;
    }
    SparkSession spark = Sparks.session("netroi-bench", NetroiConfig.defaults());
    try {
      switch (args[0]) {
        case "replicate" -> replicate(spark, args[1], args[2], Integer.parseInt(args[3]),
            args.length > 4 ? Integer.parseInt(args[4]) : 1);
        case "floor" -> floor(spark, args[1]);
        case "attribution-floor" -> attributionFloor(spark, args[1]);
        case "flatten-messages" -> flattenMessages(args[1], args[2]);
        case "csv-floor" -> csvFloor(spark, args[1]);
        default -> throw new IllegalArgumentException("replicate IN OUT COPIES [OUTCOME_COPIES] | floor OUT | "
            + "attribution-floor OUT | flatten-messages INPUT DIR | flatten-exports INPUT DIR | csv-floor DIR");
      }
    } finally {
      spark.stop();
    }
  }

  static void replicate(SparkSession spark, String in, String out, int copies, int outcomeCopies) {
    for (String t : TABLES) {
      Dataset<Row> df = Tables.read(spark, in, t);
      Dataset<Row> copy = df.crossJoin(spark.range(copies).withColumnRenamed("id", "_copy"));
      for (String key : Arrays.stream(df.columns()).filter(KEYS::contains).toList()) {
        copy = copy.withColumn(key, suffixed(col(key)));
      }
      if (t.equals("outcomes") && outcomeCopies > 1) {
        copy = copy.crossJoin(spark.range(outcomeCopies).withColumnRenamed("id", "_rep"))
            .withColumn("outcome_id", concat(col("outcome_id"), lit("#"), col("_rep").cast("string")))
            .drop("_rep");
      }
      Tables.write(copy.drop("_copy"), out, t);
      System.out.println(t + ": " + Tables.read(spark, out, t).count() + " rows");
    }
  }

  private static Column suffixed(Column key) {
    return when(key.isNull(), key).otherwise(concat(key, lit("~"), col("_copy").cast("string")));
  }

  static void floor(SparkSession spark, String out) {
    long start = System.nanoTime();
    long pairs = Tables.read(spark, out, "interactions").groupBy("member_id", "contact_key").count().count();
    System.out.printf("floor: %d member x contact pairs in %.1f s%n", pairs, (System.nanoTime() - start) / 1e9);
  }

  /** Every messages.csv and Inbox.csv of an input folder's exports, in folders or zips, copied flat into DIR. */
  static void flattenMessages(String input, String dir) {
    try {
      java.nio.file.Path to = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      long bytes = 0;
      int n = 0;
      try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of(input, "exports"))) {
        for (java.nio.file.Path f : walk.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
          if (isMessages(f.getFileName().toString())) {
            bytes += java.nio.file.Files.size(java.nio.file.Files.copy(f, to.resolve((n++) + ".csv")));
          } else if (f.toString().endsWith(".zip")) {
            try (var zip = new java.util.zip.ZipFile(f.toFile())) {
              for (var e : java.util.Collections.list(zip.entries())) {
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                if (!e.isDirectory() && isMessages(name)) {
                  try (var in = zip.getInputStream(e)) {
                    bytes += java.nio.file.Files.copy(in, to.resolve((n++) + ".csv"));
                  }
                }
              }
            } catch (java.util.zip.ZipException bad) {
              System.out.println("skipped unreadable zip " + f);
            }
          }
        }
      }
      System.out.printf("flattened %d messages files, %.1f MB%n", n, bytes / 1e6);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean isMessages(String name) {
    return name.equalsIgnoreCase("messages.csv") || name.equalsIgnoreCase("inbox.csv")
        || name.equalsIgnoreCase("nachrichten.csv"); // the generator's German-named export
  }

  /** The floor of bench/run.sh: Spark reads the messages CSV files (quoted newlines allowed) and counts rows. */
  static void csvFloor(SparkSession spark, String dir) {
    long start = System.nanoTime();
    long rows = spark.read().option("header", "true").option("multiLine", "true").csv(dir).count();
    System.out.printf("csv floor: %d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
  }

  static void attributionFloor(SparkSession spark, String out) {
    long start = System.nanoTime();
    Dataset<Row> outcomes = Tables.read(spark, out, "outcomes").where(col("contact_key").isNotNull());
    long rows = outcomes.select("outcome_id", "contact_key")
        .join(Tables.read(spark, out, "interactions").select("contact_key"), "contact_key").count();
    System.out.printf("attribution floor: %d outcome x interaction rows in %.1f s%n", rows,
        (System.nanoTime() - start) / 1e9);
  }
}
