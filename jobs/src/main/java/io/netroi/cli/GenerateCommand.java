package io.netroi.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic input folder in the real export formats, with a truth file.")
final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("generate: not built yet");
  }
}
