package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import picocli.CommandLine.Mixin;

/** A job from the relationships stage on: takes the as-of date and the quarter calendar. */
abstract class PeriodJobCommand extends SparkJobCommand {
  @Mixin PeriodOptions period;

  @Override
  protected NetroiConfig configure(NetroiConfig base) {
    return period.apply(base);
  }
}
