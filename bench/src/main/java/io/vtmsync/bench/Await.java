package io.vtmsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits for the simulated vTM clusters, watching that the app process stays alive meanwhile. */
final class Await {

  private Await() {}

  /**
   * Polls 4 times a second until every cluster has accepted a PUT with {@code status} for {@code n}
   * distinct pools matching {@code pools} since {@code after}; returns the last one's arrival.
   */
  static Instant puts(
      JarProcess app,
      VtmFleet fleet,
      int status,
      Predicate<String> pools,
      Instant after,
      int n,
      String what)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      alive(app);
      Instant last = fleet.allAccepted(status, pools, after, n);
      if (last != null) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("did not " + what + " within 10 minutes");
  }

  static void alive(JarProcess app) throws Exception {
    if (app.failed()) {
      throw new IllegalStateException(
          app.process.isAlive()
              ? "the process logged an OutOfMemoryError"
              : "the process died (exit " + app.process.exitValue() + ")");
    }
  }
}
