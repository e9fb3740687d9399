package io.netroi.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock seconds per named step of a run, for the run manifest. */
public final class RunClock {
  private final long started = System.currentTimeMillis();
  private long last = started;
  private final Map<String, Double> laps = new LinkedHashMap<>();

  public void lap(String step) {
    long now = System.currentTimeMillis();
    laps.put(step, (now - last) / 1000.0);
    last = now;
  }

  public long startedMillis() {
    return started;
  }

  public Map<String, Double> laps() {
    return laps;
  }
}
