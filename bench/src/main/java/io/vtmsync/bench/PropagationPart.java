package io.vtmsync.bench;

import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.ClusterScript.PodState;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.sink.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Propagation latency: from the EndpointSlice update to the moment the last of 10 simulated vTM
 * clusters acknowledged the new node table (and the pool file is written), over many single
 * changes, with the default debounce and with none. Compared with the polling plugin's model.
 */
final class PropagationPart implements BenchPart {

  static final int CLUSTERS = 10;
  private static final String POOL = "default-web-http";

  @Override
  public String name() {
    return "propagation";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int changes = quick ? 60 : 500;
    StringBuilder md = new StringBuilder();
    md.append(
        "Single changes (one pod's readiness flips) to a 10-pod NodePort Service, written to the "
            + "embedded API server; measured until the pool file was written and until the last of "
            + CLUSTERS
            + " simulated vTM clusters acknowledged its PUT (HTTPS, Basic auth, verified TLS). "
            + "The clock starts before the script's GET+PUT of the EndpointSlice. Each change "
            + "comes more than one debounce window after the last sync, as an isolated change "
            + "does: the queue syncs it at once (leading edge); changes that follow one another "
            + "within a window are the burst part's subject.\n\n");
    md.append(
        "| debounce | changes | target | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
    for (long debounce : new long[] {100, 0}) {
      Map<String, List<Long>> lat = measure(debounce, changes);
      for (var e : lat.entrySet()) {
        md.append(Stats.row("%d ms".formatted(debounce), changes, e.getKey(), e.getValue()));
      }
    }
    md.append(
        "\nThe polling plugin's model (seed-plugin.md 1.4): vTM runs it every 10 s and each run "
            + "makes 2+N sequential API GETs and about 0.4 s of CPU, so a change waits on average 5 s "
            + "(half a period) plus the run, about 5.4 s, and at worst 10.4 s, for one pool on one vTM; "
            + "each further vTM cluster polls on its own.\n\n");
    md.append(Machine.describe())
        .append(", load average ")
        .append(Machine.loadAverage())
        .append('\n');
    return md.toString();
  }

  private Map<String, List<Long>> measure(long debounce, int changes) throws Exception {
    Path dir = Files.createTempDirectory("bench-propagation");
    try (E2eRig rig = new E2eRig(dir, CLUSTERS, 10)) {
      rig.cluster.createService(
          ClusterScript.nodePortService("web", "Local", java.util.Map.of()), ClusterScript.HTTP);
      rig.cluster.scale("default", "web", 10);
      rig.startApp(rig.options(debounce));
      awaitAll(rig, Instant.EPOCH, Duration.ofSeconds(60));
      String pod = rig.cluster.pods("default", "web").get(0).name();
      List<Long> file = new ArrayList<>();
      List<Long> last = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        // Let the key go quiet, or each change would be the trailing sync of the one before.
        Thread.sleep(debounce == 0 ? 0 : debounce + 50);
        Instant t0 = Instant.now();
        rig.cluster.setState(
            "default", "web", pod, i % 2 == 0 ? PodState.NOT_READY : PodState.READY);
        Map<String, Instant> at = awaitAll(rig, t0, Duration.ofSeconds(30));
        file.add(Duration.between(t0, at.get("file")).toMillis());
        last.add(
            at.values().stream()
                .map(t -> Duration.between(t0, t).toMillis())
                .max(Long::compare)
                .orElseThrow());
      }
      return Map.of("file", file, "last of " + CLUSTERS + " vTM", last);
    }
  }

  private static Map<String, Instant> awaitAll(E2eRig rig, Instant t0, Duration timeout)
      throws InterruptedException {
    return awaitAll(rig, POOL, t0, timeout);
  }

  /**
   * Waits until every target (file + 10 clusters) wrote the pool after {@code t0}; when each did.
   */
  static Map<String, Instant> awaitAll(E2eRig rig, String pool, Instant t0, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    SyncStatus status = rig.status();
    while (System.nanoTime() < deadline) {
      Map<String, Instant> at = new java.util.HashMap<>();
      for (var e : status.entries().entrySet()) {
        SyncStatus.Entry v = e.getValue();
        if (e.getKey().endsWith("/" + pool)
            && v.last().outcome() == WriteResult.Outcome.WRITTEN
            && v.at().isAfter(t0)) {
          at.put(v.last().target(), v.at());
        }
      }
      if (at.size() == CLUSTERS + 1) {
        return at;
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException("not every target got the change within " + timeout);
  }
}
