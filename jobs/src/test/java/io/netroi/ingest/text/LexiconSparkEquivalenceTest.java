package io.netroi.ingest.text;

import static org.apache.spark.sql.functions.col;

import io.netroi.ingest.text.LabelledOpeners.Opener;
import io.netroi.ingest.text.Lexicon.Category;
import io.netroi.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The pipeline classifies with {@code lexicon.matches(cat, Column)} (the prefiltered matcher as a
 * Spark UDF on {@code plainText(Column)}); the evaluation uses the Java {@code matches(cat, String)}
 * on {@code plainText(String)}. Both must agree on every text with the reference, Spark's native
 * {@code rlike} of the category's combined alternation, or the literal prefilter would have changed
 * what a lexicon means. (JUnit's assertions are qualified: the Spark test base declares its own.)
 */
class LexiconSparkEquivalenceTest extends SparkTestBase {
  /** Edge cases beyond dev.csv: markup, odd white space, typographic quotes, accents, emoji. */
  private static final List<String> EXTRA = List.of(
      "<p>Hi Ana,</p><p>we&#39;re a <b>recruitment</b> agency &mdash; open to new opportunities?</p>",
      "Hi\u00a0Sam,\r\n\r\n\tI\u2019d love 15 minutes\u2026 any interest?  ",
      "H\u00e9l\u00e8ne, meet So\u00e9l\u00e8ne. So\u00e9l\u00e8ne, meet H\u00e9l\u00e8ne \ud83e\udd1d",
      "Simran <> Jakob",
      "Message request accepted.",
      "   ",
      "");

  @Test
  void sparkAndJavaAgreeWithTheCombinedRlikeOnEveryDevText() {
    Lexicon lexicon = Lexicon.load(LexiconEvaluationTest.VERSION);
    List<Object[]> rows = new ArrayList<>();
    for (Opener o : LabelledOpeners.read("dev.csv")) {
      rows.add(row(o.id(), o.text()));
    }
    for (int i = 0; i < EXTRA.size(); i++) {
      rows.add(row("extra" + i, EXTRA.get(i)));
    }
    StructType schema = new StructType()
        .add("id", DataTypes.StringType, false)
        .add("text", DataTypes.StringType, false);
    Dataset<Row> df = df(schema, rows.toArray(new Object[0][]));

    Column plain = Lexicon.plainText(col("text"));
    List<Column> selected = new ArrayList<>(List.of(col("id"), col("text"), plain.as("plain")));
    for (Category c : Category.values()) {
      selected.add(lexicon.matches(c, plain).as(c.name()));
      selected.add(plain.rlike(lexicon.pattern(c)).as(c.name() + "_reference"));
    }
    List<Row> out = df.select(selected.toArray(new Column[0])).collectAsList();
    Assertions.assertEquals(rows.size(), out.size());

    Map<String, Integer> sparkPositives = new HashMap<>();
    List<String> disagreements = new ArrayList<>();
    for (Row r : out) {
      String id = r.getString(0);
      String javaPlain = Lexicon.plainText(r.getString(1));
      if (!javaPlain.equals(r.getString(2))) {
        disagreements.add(id + ": plain text differs: java='" + javaPlain + "' spark='" + r.getString(2) + "'");
      }
      for (Category c : Category.values()) {
        boolean spark = r.getBoolean(r.fieldIndex(c.name()));
        boolean java = lexicon.matches(c, javaPlain);
        boolean reference = r.getBoolean(r.fieldIndex(c.name() + "_reference"));
        if (spark != java || spark != reference) {
          disagreements.add(id + ": " + c + " spark=" + spark + " java=" + java + " reference rlike=" + reference);
        }
        if (spark) {
          sparkPositives.merge(c.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    Assertions.assertTrue(disagreements.isEmpty(), "Spark and Java disagree:\n" + String.join("\n", disagreements));
    // the comparison is not vacuous: every evaluated category fires somewhere in the sample
    for (Category c : LabelledOpeners.EVALUATED) {
      Assertions.assertTrue(sparkPositives.getOrDefault(c.name().toLowerCase(Locale.ROOT), 0) > 0, c + " never matched");
    }
    Assertions.assertTrue(sparkPositives.getOrDefault("system", 0) > 0, "SYSTEM never matched");
  }
}
