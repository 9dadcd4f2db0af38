package io.vtmsync.app;

import io.vtmsync.queue.WorkQueueComponent;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.sink.WriteResult.Outcome;
import io.vtmsync.source.SourcePoolKeys;
import io.vtmsync.source.Sources;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code once}: one full sync, then exit with a status that says whether every target converged: 0
 * all pools synced (or removed/kept by policy), 1 some pool held, failed or left alone, or (with
 * {@code --dry-run}, a drift check for CI) some target differs from the plan, 2 the caches did not
 * sync or the work did not settle within {@code --timeout} seconds (default 120). Leader election
 * is off for it: run it where no other instance writes, or with {@code --dry-run}.
 */
final class OnceCommand {

  private static final Set<String> CONVERGED = Set.of("synced", "removed", "kept");

  private OnceCommand() {}

  static int run(App.Options options, PrintStream out) throws Exception {
    Duration timeout =
        Duration.ofSeconds(Long.parseLong(options.overrides().getOrDefault("timeout", "120")));
    App.Options o =
        options
            .without("timeout")
            .with("ha.enabled", "false")
            .with("sync.resync-period-ms", "86400000")
            .with("camel.management.enabled", "false");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (App app = App.start(o)) {
      Sources sources = app.bean("sources", Sources.class);
      if (!waitFor(sources::allSynced, deadline)) {
        out.println(
            "once: the Kubernetes caches did not sync within " + timeout.toSeconds() + " s");
        return 2;
      }
      WorkQueueComponent queues = app.context().getComponent("workqueue", WorkQueueComponent.class);
      queues.queue("pools").offerAll(app.bean("poolKeys", SourcePoolKeys.class).all());
      queues.queue("sweep").offerAll(java.util.List.of("sweep")); // orphans too, not by the timer
      if (!waitFor(() -> settled(queues), deadline)) {
        out.println(
            "once: work still pending after " + timeout.toSeconds() + " s: " + pending(queues));
        return 2;
      }
      boolean dryRun = app.bean("settings", Settings.class).dryRun();
      return report(app.bean("syncStatus", SyncStatus.class), dryRun, out);
    }
  }

  private static int report(SyncStatus status, boolean dryRun, PrintStream out) {
    boolean converged = true;
    for (Map.Entry<String, Map<String, Long>> t : status.poolsByState().entrySet()) {
      out.println("once: " + t.getKey() + " " + t.getValue());
      converged &= CONVERGED.containsAll(t.getValue().keySet());
    }
    List<String> differs = dryRun ? differences(status) : List.of();
    differs.forEach(d -> out.println("once: dry run, would write: " + d));
    if (!converged) {
      out.println("once: NOT converged (see above)");
    } else if (!differs.isEmpty()) {
      out.println("once: NOT converged: " + differs.size() + " pool(s) differ (dry run)");
    } else {
      out.println("once: every target converged" + (dryRun ? " (dry run: nothing differs)" : ""));
    }
    return converged && differs.isEmpty() ? 0 : 1;
  }

  /** A dry run's WRITTEN or REMOVED result is a write it held back: that target differs. */
  private static List<String> differences(SyncStatus status) {
    return status.entries().values().stream()
        .map(SyncStatus.Entry::last)
        .filter(
            r -> r.dryRun() && (r.outcome() == Outcome.WRITTEN || r.outcome() == Outcome.REMOVED))
        .map(r -> r.asDryRun(false).toString())
        .sorted()
        .toList();
  }

  /** Settled: every queue has been empty for three looks in a row (debounce windows closed). */
  private static boolean settled(WorkQueueComponent queues) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      if (queues.queues().values().stream().anyMatch(q -> q.size() > 0)) {
        return false;
      }
      Thread.sleep(150);
    }
    return true;
  }

  private static Map<String, Integer> pending(WorkQueueComponent queues) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    queues.queues().forEach((n, q) -> out.put(n, q.size()));
    return out;
  }

  interface Check {
    boolean ok() throws InterruptedException;
  }

  private static boolean waitFor(Check check, long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      if (check.ok()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
