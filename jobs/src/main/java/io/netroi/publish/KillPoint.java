package io.netroi.publish;

/**
 * Fault injection for the kill test ({@code PublishKillTest}): with
 * {@code -Dnetroi.testing.pause.at=POINT} a run stops at that named point, says so on stderr and
 * waits to be killed. Points: {@code table:<name>} after a table is written, {@code before-complete}
 * and {@code before-switch} in {@link Publication#publish}. Without the property this does nothing.
 */
public final class KillPoint {
  static final String PROPERTY = "netroi.testing.pause.at";

  private KillPoint() {}

  public static void at(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      System.err.println("netroi: paused at " + point);
      System.err.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
