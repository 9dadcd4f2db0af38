package io.vtmsync.k8s;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs when the source's watches drop and come back, and when the caches first sync. fabric8
 * reconnects quietly; without this an API-server outage would leave no trace in the log.
 */
final class WatchMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(WatchMonitor.class);

  private final Supplier<Map<String, Boolean>> watching;
  private final BooleanSupplier synced;
  private final Runnable recovered;
  private ScheduledExecutorService timer;
  private Map<String, Boolean> last = Map.of();
  private boolean wasSynced;
  private volatile long downSince;
  volatile String label = "Kubernetes";
  private volatile Runnable onFirstSync = () -> {};

  /**
   * @param recovered called when every watch is open again (after being lost or never opened)
   */
  WatchMonitor(
      Supplier<Map<String, Boolean>> watching, BooleanSupplier synced, Runnable recovered) {
    this.watching = watching;
    this.synced = synced;
    this.recovered = recovered;
  }

  /** How long the watches have been lost, or zero while they are open. */
  java.time.Duration lostFor() {
    long since = downSince;
    return since == 0
        ? java.time.Duration.ZERO
        : java.time.Duration.ofNanos(System.nanoTime() - since);
  }

  void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "watch-monitor");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::check, 500, 500, TimeUnit.MILLISECONDS);
    // Until the first sync, a quicker look (the keys that came during the list wait for it), for
    // the first 10 s only: a source that takes longer is caught by the check above.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    java.util.concurrent.ScheduledFuture<?>[] first = {null};
    first[0] =
        timer.scheduleWithFixedDelay(
            () -> {
              if (synced.getAsBoolean()) {
                firstSync();
              }
              if (wasSynced || System.nanoTime() - until > 0) {
                first[0].cancel(false);
              }
            },
            10,
            10,
            TimeUnit.MILLISECONDS);
  }

  /** Called once, on the monitor's thread, when the caches have first synced. */
  void onFirstSync(Runnable r) {
    this.onFirstSync = r;
  }

  private synchronized void firstSync() {
    if (!wasSynced) {
      wasSynced = true;
      LOG.info("{} caches synced; planning pools", label);
      try {
        onFirstSync.run();
      } catch (RuntimeException e) {
        LOG.debug("first-sync callback failed", e);
      }
    }
  }

  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void check() {
    try {
      observe();
    } catch (RuntimeException e) {
      LOG.debug("watch check failed", e); // never let one bad check end the schedule
    }
  }

  private void observe() {
    if (!wasSynced && synced.getAsBoolean()) {
      firstSync();
    }
    Map<String, Boolean> now = watching.get();
    boolean allUp = !now.isEmpty() && now.values().stream().allMatch(b -> b);
    boolean wasUp = !last.isEmpty() && last.values().stream().allMatch(b -> b);
    if (allUp && !wasUp) {
      recovered.run();
    }
    if (wasUp && !allUp) {
      downSince = System.nanoTime();
      LOG.warn(
          "{} watches lost {}; reconnecting. Pools keep their last state until the"
              + " watches are back",
          label,
          now);
    } else if (!wasUp && allUp && downSince != 0) {
      LOG.info(
          "{} watches re-established after {} s",
          label,
          (System.nanoTime() - downSince) / 1_000_000_000);
      downSince = 0;
    }
    last = now;
  }
}
