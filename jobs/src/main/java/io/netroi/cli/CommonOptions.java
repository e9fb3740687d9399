package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every job takes; folded into one {@link NetroiConfig} in the documented precedence. */
public final class CommonOptions {
  @Option(names = "--input", paramLabel = "DIR",
      description = "Input folder (any Hadoop file system URI). Default: sample-data.")
  String input;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder; tables go to DIR/tables/<name>/. Default: out.")
  String out;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A properties file of configuration keys (overrides the built-in defaults).")
  Path configFile;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Set one configuration key; repeatable; overrides --config. Keys starting with 'spark.' go to Spark.")
  List<String> overrides = new ArrayList<>();

  /** Defaults, then --config, then --conf in order, then typed flags. */
  NetroiConfig toConfig() {
    NetroiConfig.Builder b = NetroiConfig.builder();
    if (configFile != null) {
      b.file(configFile);
    }
    overrides.forEach(b::override);
    if (input != null) {
      b.set("netroi.input", input);
    }
    if (out != null) {
      b.set("netroi.out", out);
    }
    return b.build();
  }
}
