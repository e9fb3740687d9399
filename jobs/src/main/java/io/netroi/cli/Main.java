package io.netroi.cli;

import io.netroi.config.ConfigException;
import io.netroi.io.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code netroi <job> [options]}, the same locally (bin/netroi) and under
 * spark-submit on a cluster.
 */
@Command(
    name = "netroi",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Networking ROI analytics on Apache Spark.",
    subcommands = {
      PipelineCommand.class,
      IngestCommand.class,
      RelationshipsCommand.class,
      CohortsCommand.class,
      AttributionCommand.class,
      KpisCommand.class,
      EraseCommand.class,
      ReportCommand.class,
      AttributePathsCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit codes: 0 success, 1 unexpected failure, 2 usage or configuration, 3 unusable input. */
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_INPUT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a command line and returns its exit code instead of exiting (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(Main::handle);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a job, e.g. 'netroi pipeline' (see --help)");
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ConfigException) {
      err.println("netroi: configuration error: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (e instanceof InputException) {
      err.println("netroi: input error: " + e.getMessage());
      return EXIT_INPUT;
    }
    err.println("netroi: " + cl.getCommandName() + " failed: " + e);
    e.printStackTrace(err);
    return EXIT_FAILURE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"netroi " + (v == null ? "dev" : v)};
    }
  }
}
