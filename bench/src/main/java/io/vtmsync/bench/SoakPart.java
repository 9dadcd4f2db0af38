package io.vtmsync.bench;

import io.vtmsync.sim.VtmSimulator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Soak: random churn at 50 changes/s for 10 minutes (30 s with --quick) against 5 simulated vTM
 * clusters; then the final state on every cluster must equal a fresh plan of what Kubernetes holds,
 * and the heap used after GC must stay flat. Runs in this JVM, so the heap figure includes the rig
 * (API server and simulators, whose request logs are cleared every minute).
 */
final class SoakPart implements BenchPart {

  static final int CLUSTERS = 5;
  static final int SERVICES = 100;
  private static final int RATE = 50;

  @Override
  public String name() {
    return "soak";
  }

  @Override
  public String run(boolean quick) throws Exception {
    Duration length = Duration.ofSeconds(Long.getLong("bench.soak.seconds", quick ? 30 : 600));
    Path dir = Files.createTempDirectory("bench-soak");
    try (E2eRig rig = new E2eRig(dir, CLUSTERS, 20)) {
      Churn churn = new Churn(rig.cluster, SERVICES, new Random(20261125));
      churn.setUp();
      rig.startApp(rig.options(100));
      SoakCheck check = new SoakCheck(rig);
      check.awaitConverged(Duration.ofMinutes(2));
      List<String> heap = new ArrayList<>();
      heap.add("start " + heapAfterGc());
      long end = System.nanoTime() + length.toNanos();
      long nextSample = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      int changes = 0;
      while (System.nanoTime() < end) {
        long tick = System.nanoTime();
        churn.step();
        changes++;
        if (System.nanoTime() > nextSample) {
          rig.sims.forEach(VtmSimulator::clearRequests);
          rig.kube.forgetRequests();
          heap.add(heap.size() + " min " + heapAfterGc());
          nextSample += Duration.ofMinutes(1).toNanos();
        }
        long sleep = 1_000_000_000L / RATE - (System.nanoTime() - tick);
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
      long churnEnd = System.nanoTime();
      SoakCheck.Result result = check.awaitConverged(Duration.ofMinutes(2));
      rig.sims.forEach(VtmSimulator::clearRequests); // as before every sample: rig state only
      rig.kube.forgetRequests();
      heap.add("end " + heapAfterGc());
      return report(length, changes, (System.nanoTime() - churnEnd) / 1_000_000, result, heap);
    }
  }

  private static String report(
      Duration length, int changes, long settleMs, SoakCheck.Result r, List<String> heap) {
    return """
        %d Services (NodePort, Local) on 20 nodes, %d simulated vTM clusters, debounce 100 ms; \
        random churn for %s: pod readiness flips, scaling between 2 and 5 pods, terminating pods \
        removed, one node at a time NotReady and back. %d changes (%.1f/s).

        | final state = fresh plan | pools checked | settled after churn | heap used after GC |
        |---|---|---|---|
        | %s | %d pools x %d clusters | %d ms | %s |

        %s, load average %s
        """
        .formatted(
            SERVICES,
            CLUSTERS,
            length,
            changes,
            changes / (double) length.toSeconds(),
            r.mismatches().isEmpty() ? "yes" : "NO: " + r.mismatches(),
            r.pools(),
            CLUSTERS,
            settleMs,
            String.join(", ", heap),
            Machine.describe(),
            Machine.loadAverage());
  }

  private static String heapAfterGc() {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return used / (1024 * 1024) + " MB";
  }
}
