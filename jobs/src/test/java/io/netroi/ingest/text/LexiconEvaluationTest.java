package io.netroi.ingest.text;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.ingest.text.LabelledOpeners.Opener;
import io.netroi.ingest.text.Lexicon.Category;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of a lexicon version (system property {@code netroi.lexicon.version}, default
 * {@code v2}, the configured default) on the labelled openers. dev.csv is the tuning set (reported
 * only); holdout.csv was written before any lexicon and is the acceptance test. Never tune on the
 * holdout: a lexicon change must be justified on dev, and a changed lexicon's meaning belongs in a
 * new version folder (see lexicons/README.md).
 */
class LexiconEvaluationTest {
  static final String VERSION = System.getProperty("netroi.lexicon.version", "v2");
  private static final Lexicon LEXICON = Lexicon.load(VERSION);

  /** Holdout acceptance thresholds: {precision, recall}. */
  private static final Map<Category, double[]> HOLDOUT_MIN = Map.of(
      Category.PITCH, new double[] {0.85, 0.85},
      Category.SOCIAL, new double[] {0.75, 0.70},
      Category.INTRO, new double[] {0.80, 0.80});

  /** Confusion counts of one category on one set. */
  record Score(int tp, int fp, int fn, int tn) {
    int n() {
      return tp + fp + fn + tn;
    }

    double precision() {
      return tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
    }
  }

  static Map<Category, Score> score(Lexicon lexicon, List<Opener> openers) {
    Map<Category, Score> out = new EnumMap<>(Category.class);
    for (Category c : LabelledOpeners.EVALUATED) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      int tn = 0;
      for (Opener o : openers) {
        boolean predicted = lexicon.matches(c, Lexicon.plainText(o.text()));
        boolean actual = o.labels().contains(c);
        if (predicted && actual) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (actual) {
          fn++;
        } else {
          tn++;
        }
      }
      out.put(c, new Score(tp, fp, fn, tn));
    }
    return out;
  }

  static String table(String set, Map<Category, Score> scores) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "%nlexicon %s on %s%n%-8s %5s %5s %5s %5s %5s %10s %8s%n",
        VERSION, set, "category", "n", "tp", "fp", "fn", "tn", "precision", "recall"));
    scores.forEach((c, s) -> sb.append(String.format(Locale.ROOT, "%-8s %5d %5d %5d %5d %5d %10.3f %8.3f%n",
        c.name().toLowerCase(Locale.ROOT), s.n(), s.tp(), s.fp(), s.fn(), s.tn(), s.precision(), s.recall())));
    return sb.toString();
  }

  @Test
  void devScoresAreReported() {
    List<Opener> dev = LabelledOpeners.read("dev.csv");
    assertEquals(338, dev.size(), "dev.csv rows");
    Map<Category, Score> scores = score(LEXICON, dev);
    System.err.print(table("dev.csv (tuning set)", scores));
    // label counts as documented in lexicon-eval/README.md: the CSV was parsed correctly
    assertEquals(149, scores.get(Category.PITCH).tp() + scores.get(Category.PITCH).fn());
    assertEquals(79, scores.get(Category.SOCIAL).tp() + scores.get(Category.SOCIAL).fn());
    assertEquals(28, scores.get(Category.INTRO).tp() + scores.get(Category.INTRO).fn());
  }

  @Test
  void holdoutMeetsThresholds() {
    List<Opener> holdout = LabelledOpeners.read("holdout.csv");
    assertEquals(261, holdout.size(), "holdout.csv rows");
    Map<Category, Score> scores = score(LEXICON, holdout);
    System.err.print(table("holdout.csv (never tuned on)", scores));
    assertEquals(116, scores.get(Category.PITCH).tp() + scores.get(Category.PITCH).fn());
    assertEquals(62, scores.get(Category.SOCIAL).tp() + scores.get(Category.SOCIAL).fn());
    assertEquals(21, scores.get(Category.INTRO).tp() + scores.get(Category.INTRO).fn());
    assertAll(LabelledOpeners.EVALUATED.stream().flatMap(c -> {
      Score s = scores.get(c);
      double[] min = HOLDOUT_MIN.get(c);
      String name = c.name().toLowerCase(Locale.ROOT);
      return java.util.stream.Stream.of(
          () -> assertTrue(s.precision() >= min[0],
              name + " holdout precision " + s.precision() + " < " + min[0]),
          () -> assertTrue(s.recall() >= min[1],
              name + " holdout recall " + s.recall() + " < " + min[1]));
    }));
  }
}
