package io.netroi.ingest.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Run by bench/lexicon.sh, not by the test suite: microseconds per message for each cue category,
 * median over several passes of the dev texts: the naive alternation of the lines (same-run
 * baseline), the hoisted-boundary alternation (what Spark's rlike ran before the prefilter), and
 * the shipped matcher (literal prefilter, then only the candidate lines' regexes).
 */
public final class LexiconBenchmark {
  private LexiconBenchmark() {}

  public static void main(String[] args) {
    String version = args.length > 0 ? args[0] : "v2";
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<String> texts = new ArrayList<>();
    LabelledOpeners.read("dev.csv").forEach(o -> texts.add(Lexicon.plainText(o.text())));
    System.out.printf("lexicon %s, %d dev texts, median of %d passes (microseconds per message)%n",
        version, texts.size(), passes);
    System.out.printf("%-8s %10s %10s %10s %8s%n", "category", "naive", "combined", "shipped", "speed-up");
    Lexicon lexicon = Lexicon.load(version);
    for (Lexicon.Category c : Lexicon.Category.values()) {
      List<String> lines = Lexicon.alternatives(version, c);
      double naive = median(Pattern.compile(Lexicon.combineNaive(lines)), texts, passes);
      double combined = median(Pattern.compile(Lexicon.combine(lines)), texts, passes);
      double shipped = median(t -> lexicon.matches(c, t), texts, passes);
      System.out.printf("%-8s %10.1f %10.1f %10.1f %7.1fx%n", c, naive, combined, shipped, naive / shipped);
    }
    // what ingest runs: all four categories from one scan of the text
    double all = median(t -> !lexicon.categories(t).isEmpty(), texts, passes);
    System.out.printf("%-8s %10s %10s %10.1f%n", "all four", "", "", all);
  }

  private static double median(Pattern p, List<String> texts, int passes) {
    return median(t -> p.matcher(t).find(), texts, passes);
  }

  private static double median(java.util.function.Predicate<String> p, List<String> texts, int passes) {
    double[] perMessage = new double[passes];
    int sink = 0;
    for (String t : texts) { // warm-up pass
      sink += p.test(t) ? 1 : 0;
    }
    for (int i = 0; i < passes; i++) {
      long t0 = System.nanoTime();
      for (String t : texts) {
        sink += p.test(t) ? 1 : 0;
      }
      perMessage[i] = (System.nanoTime() - t0) / 1e3 / texts.size();
    }
    if (sink < 0) {
      throw new IllegalStateException();
    }
    Arrays.sort(perMessage);
    return perMessage[passes / 2];
  }
}
