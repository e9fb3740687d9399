package io.netroi.cli;

import io.netroi.generate.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netroi generate}: a synthetic input folder in the real export formats plus truth.json.
 * Plain Java, no Spark. See docs/generator.md.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic input folder in the real export formats, with a truth file.")
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created if missing).")
  Path out;

  @Option(names = "--members", paramLabel = "N", defaultValue = "8", description = "Rostered members m01..mNN (default ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--messages", paramLabel = "M", defaultValue = "6000",
      description = "Approximate message rows over all exports (default ${DEFAULT-VALUE}).")
  long messages;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quirks", negatable = true, paramLabel = "",
      description = "Add the sample-only file problems: an empty Invitations.csv, a corrupt zip, a zip entry '../escape.csv' "
          + "(default: on when --members <= 20).")
  Boolean quirks;

  @Option(names = "--url-vintages-only",
      description = "Give every member a 2025 or 2023 format export, whose rows all carry the contact's profile URL "
          + "(for the DuckDB peer of bench/run.sh, docs/benchmark.md).")
  boolean urlVintagesOnly;

  @Option(names = "--threads", paramLabel = "T", description = "Members generated at once (default: available processors, at most 4).")
  Integer threads;

  @Option(names = "--force", description = "Replace a folder written by an earlier run (only the generator's own files are removed).")
  boolean force;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (members < 1) {
      throw new CommandLine.ParameterException(cl, "--members must be at least 1, got " + members);
    }
    if (messages < 0) {
      throw new CommandLine.ParameterException(cl, "--messages must not be negative, got " + messages);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(cl, "--out " + out + " is a file, not a folder");
    }
    if (Files.isDirectory(out)) {
      boolean empty;
      try (var s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty) {
        if (!force) {
          throw new CommandLine.ParameterException(cl, "--out " + out + " is not empty; pass --force to replace a generated folder");
        }
        if (Generator.holdsForeignFiles(out)) {
          throw new CommandLine.ParameterException(cl, "--out " + out
              + " holds files the generator did not write; refusing to replace it");
        }
        Generator.clean(out);
      }
    }
    int t = threads != null ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    boolean q = quirks != null ? quirks : members <= 20;
    Generator.Result r = Generator.run(new Generator.Options(out, members, messages, seed, q, t, urlVintagesOnly));
    cl.getOut().printf("generate: wrote %s: %d files, %.1f MB; %d message rows, %d connection rows, %d invitation rows%n",
        r.out(), r.files(), r.bytes() / 1e6, r.messageRows(), r.connectionRows(), r.invitationRows());
    cl.getOut().flush();
    return 0;
  }
}
