package io.netroi.generate;

import io.netroi.time.Quarters;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic input folder (docs/inputs.md layout, real LinkedIn export formats) and its
 * truth.json. Deterministic: the same options give the same bytes, whatever the thread count.
 * Members are generated independently (in parallel), each streamed to disk and then dropped.
 */
public final class Generator {
  private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

  /** Top-level entries a generated folder holds; {@code --force} removes exactly these. */
  static final List<String> OUTPUTS = List.of("roster.csv", "exports", "outcomes.csv", "outcomes", "interactions",
      "fx.csv", "erasures.csv", "costs.csv", "paths", "truth.json");
  /** The documented example path table for {@code attribute-paths} (docs/attribution.md), copied as is. */
  static final String EXAMPLE_PATHS = "attribution/example-paths.csv";

  /**
   * @param out the input folder to write
   * @param members number of rostered members (m01..)
   * @param messages approximate number of message rows over all exports
   * @param seed random seed
   * @param quirks add the sample-only file-level problems (empty file, corrupt zip, unsafe zip entry)
   * @param threads members generated at once
   * @param urlVintagesOnly every member's export uses a vintage whose rows all carry profile URLs (2025, 2023)
   */
  public record Options(Path out, int members, long messages, long seed, boolean quirks, int threads,
      boolean urlVintagesOnly) {
    public Options(Path out, int members, long messages, long seed, boolean quirks, int threads) {
      this(out, members, messages, seed, quirks, threads, false);
    }

    public Options {
      if (members < 1) {
        throw new IllegalArgumentException("--members must be at least 1, got " + members);
      }
      if (messages < 0) {
        throw new IllegalArgumentException("--messages must not be negative, got " + messages);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
    }
  }

  /** What was written. */
  public record Result(Path out, long files, long bytes, long messageRows, long connectionRows, long invitationRows) {}

  private Generator() {}

  /** Files a generated folder may hold besides the outputs and that a rerun leaves alone. */
  static final List<String> KEPT = List.of(".gitattributes");

  /** Whether a folder holds anything besides what a previous generator run wrote. */
  public static boolean holdsForeignFiles(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).anyMatch(n -> !OUTPUTS.contains(n) && !KEPT.contains(n));
    }
  }

  /** Removes the entries a generator run writes (and nothing else) from {@code out}. */
  public static void clean(Path out) throws IOException {
    for (String name : OUTPUTS) {
      Path p = out.resolve(name);
      if (Files.exists(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(x);
          }
        }
      }
    }
  }

  public static Result run(Options o) throws IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(o.out());
    Plan plan = new Plan(o.seed(), o.members(), o.messages(), o.quirks(), o.urlVintagesOnly());
    List<MemberSummary> summaries = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
      Thread t = new Thread(r, "netroi-generate");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<MemberSummary>> futures = new ArrayList<>();
      for (Plan.Member m : plan.members) {
        if (m.hasExport) {
          futures.add(pool.submit(() -> member(o.out(), plan, m)));
        }
      }
      int done = 0;
      for (Future<MemberSummary> f : futures) {
        summaries.add(f.get());
        done++;
        if (done % 100 == 0) {
          LOG.info("generate: {} of {} members written", done, futures.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
    Truth truth = new Truth(plan, o);
    truth.global(roster(o.out(), plan));
    writeOutcomes(o.out(), plan, summaries, truth);
    writeInteractions(o.out(), summaries, truth);
    truth.global(fx(o.out()));
    truth.global(erasures(o.out(), summaries));
    truth.global(costs(o.out(), plan));
    copyExamplePaths(o.out());
    for (MemberSummary s : summaries) {
      truth.member(s);
    }
    for (Plan.Member m : plan.members) {
      if (m.consent && !m.hasExport) {
        truth.fileReject(new FileTally.Reject(m.id, "exports/" + m.id, 0, "missing_export"));
      }
    }
    truth.write(o.out().resolve("truth.json"));
    long[] size = {0, 0};
    try (Stream<Path> walk = Files.walk(o.out())) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        size[0]++;
        try {
          size[1] += Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    LOG.info("generate: {} members, {} files, {} bytes in {} ms", plan.n, size[0], size[1],
        (System.nanoTime() - t0) / 1_000_000);
    return new Result(o.out(), size[0], size[1], truth.writtenRows("messages"), truth.writtenRows("connections"),
        truth.writtenRows("invitations"));
  }

  private static MemberSummary member(Path out, Plan plan, Plan.Member m) {
    MemberGen g = new MemberGen(plan, m).build();
    ExportWriter w = new ExportWriter(out, g).write();
    Outcomes o = new Outcomes(g).build();
    return new MemberSummary(g, w, o);
  }

  private static CsvSink sink(OutputStream os, FileTally t) {
    return new CsvSink(os, StandardCharsets.UTF_8, "\n", false, t);
  }

  private static OutputStream open(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  private static FileTally roster(Path out, Plan plan) throws IOException {
    FileTally t = new FileTally(null, "roster.csv", "roster");
    try (OutputStream os = open(out.resolve("roster.csv")); CsvSink s = sink(os, t)) {
      s.header("member_id", "display_name", "team", "profile_url", "timezone", "consent");
      for (Plan.Member m : plan.members) {
        s.row(m.consent ? Fate.KEPT : Fate.NO_CONSENT, m.id, m.person.name(), m.team,
            m.rosterUrlEmpty ? "" : m.person.url(), m.zone.getId(), m.consent ? "yes" : "no");
      }
    }
    return t;
  }

  /** paths/example-paths.csv: not an input of the pipeline, the example of the attribute-paths job. */
  private static void copyExamplePaths(Path out) throws IOException {
    try (java.io.InputStream in = Generator.class.getResourceAsStream("/" + EXAMPLE_PATHS);
        OutputStream os = open(out.resolve("paths/example-paths.csv"))) {
      in.transferTo(os);
    }
  }

  private static void writeOutcomes(Path out, Plan plan, List<MemberSummary> summaries, Truth truth) throws IOException {
    FileTally canonical = new FileTally(null, "outcomes.csv", "outcomes");
    try (OutputStream os = open(out.resolve("outcomes.csv")); CsvSink s = sink(os, canonical)) {
      s.header(Outcomes.CANONICAL);
      for (MemberSummary m : summaries) {
        for (Outcomes.Outcome o : m.outcomes) {
          if (!o.hubspot) {
            s.row(o.fate, o.canonicalRow());
            truth.outcome(o);
          }
        }
      }
    }
    truth.global(canonical);
    FileTally hub = new FileTally(null, "outcomes/hubspot-deals.csv", "outcomes");
    try (OutputStream os = open(out.resolve("outcomes/hubspot-deals.csv")); CsvSink s = sink(os, hub)) {
      s.header(Outcomes.HUBSPOT);
      for (MemberSummary m : summaries) {
        for (Outcomes.Outcome o : m.outcomes) {
          if (o.hubspot) {
            s.row(o.fate, o.hubspotRow());
            truth.outcome(o);
          }
        }
      }
    }
    truth.global(hub);
  }

  private static void writeInteractions(Path out, List<MemberSummary> summaries, Truth truth) throws IOException {
    FileTally t = new FileTally(null, "interactions/activities.csv", "interactions");
    try (OutputStream os = open(out.resolve("interactions/activities.csv")); CsvSink s = sink(os, t)) {
      s.header(Outcomes.INTERACTIONS);
      for (MemberSummary m : summaries) {
        for (String[] row : m.interactions) {
          s.row(Fate.KEPT, row);
          truth.interaction(row);
        }
      }
    }
    truth.global(t);
  }

  private static FileTally fx(Path out) throws IOException {
    FileTally t = new FileTally(null, "fx.csv", "fx");
    try (OutputStream os = open(out.resolve("fx.csv")); CsvSink s = sink(os, t)) {
      s.header("currency", "rate", "quarter");
      s.row(Fate.KEPT, "USD", "1", "");
      s.row(Fate.KEPT, "EUR", "1.08", "");
      s.row(Fate.KEPT, "GBP", "1.27", "");
    }
    return t;
  }

  private static FileTally erasures(Path out, List<MemberSummary> summaries) throws IOException {
    FileTally t = new FileTally(null, "erasures.csv", "erasures");
    try (OutputStream os = open(out.resolve("erasures.csv")); CsvSink s = sink(os, t)) {
      s.header("identifier");
      for (MemberSummary m : summaries) {
        for (String id : m.erased) {
          s.row(Fate.KEPT, id);
        }
      }
    }
    return t;
  }

  /** Hourly cost of networking time in the sample's reporting currency (USD), in cents. */
  static final long HOURLY_CENTS = 8_500;

  /**
   * costs.csv: for every analysed member, each calendar quarter from their history start to their
   * export date, 6-35 hours at {@link #HOURLY_CENTS}; plus one row of a member not on the roster
   * ({@code rejected:unknown_member}).
   */
  private static FileTally costs(Path out, Plan plan) throws IOException {
    FileTally t = new FileTally(null, "costs.csv", "costs");
    try (OutputStream os = open(out.resolve("costs.csv")); CsvSink s = sink(os, t)) {
      s.header("member_id", "quarter", "hours", "cost");
      for (Plan.Member m : plan.members) {
        if (!m.analysed()) {
          continue;
        }
        java.util.SplittableRandom r = Rng.stream(plan.seed, 5_000_000L + m.idx);
        for (java.time.LocalDate q = Quarters.start(m.historyStart, 1); !q.isAfter(m.exportDate); q = q.plusMonths(3)) {
          int hours = 6 + r.nextInt(30);
          s.row(Fate.KEPT, m.id, Quarters.label(q, 1), String.valueOf(hours), Outcomes.money(hours * HOURLY_CENTS));
        }
      }
      s.row(Fate.rejected("unknown_member"), "not-on-roster", "2026-Q1", "4", Outcomes.money(4 * HOURLY_CENTS));
    }
    return t;
  }
}
