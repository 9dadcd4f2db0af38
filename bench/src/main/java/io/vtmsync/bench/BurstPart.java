package io.vtmsync.bench;

import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.ClusterScript.PodState;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Burst coalescing: a rolling update of a 50-replica Deployment (a new pod ready, an old one
 * terminating, then gone; 50 times over a few seconds), against 10 simulated vTM clusters. Counts
 * the PUTs each cluster received and checks the final state. Target: at most one write per debounce
 * window per pool per cluster, plus the leading one (the queue syncs a quiet key's first event at
 * once).
 */
final class BurstPart implements BenchPart {

  private static final String POOL = "default-web-http";
  private static final long DEBOUNCE_MS = 100;
  private static final long STEP_MS = 50;

  @Override
  public String name() {
    return "burst";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int replicas = quick ? 20 : 50;
    Path dir = Files.createTempDirectory("bench-burst");
    try (E2eRig rig = new E2eRig(dir, PropagationPart.CLUSTERS, replicas + 10)) {
      ClusterScript c = rig.cluster;
      c.createService(
          ClusterScript.nodePortService("web", "Local", java.util.Map.of()), ClusterScript.HTTP);
      c.scale("default", "web", replicas);
      rig.startApp(rig.options(DEBOUNCE_MS));
      awaitFinal(rig, c, 60_000);
      long[] before = rig.sims.stream().mapToLong(s -> E2eRig.puts(s, POOL)).toArray();
      List<String> old =
          c.pods("default", "web").stream().map(ClusterScript.FakePod::name).toList();
      long start = System.nanoTime();
      int sliceWrites = 0;
      for (int i = 0; i < old.size(); i++) {
        c.scale("default", "web", replicas + 1); // surge: a new pod, ready
        c.setState("default", "web", old.get(i), PodState.TERMINATING);
        sliceWrites += 2;
        if (i % 5 == 4 || i == old.size() - 1) {
          c.finishTerminating("default", "web");
          sliceWrites++;
        }
        Thread.sleep(STEP_MS); // a rollout takes a few seconds, not a few milliseconds
      }
      long burstMs = (System.nanoTime() - start) / 1_000_000;
      long convergedMs = awaitFinal(rig, c, 60_000) - start / 1_000_000;
      long[] puts = new long[rig.sims.size()];
      for (int i = 0; i < puts.length; i++) {
        puts[i] = E2eRig.puts(rig.sims.get(i), POOL) - before[i];
      }
      long windows = burstMs / DEBOUNCE_MS + 1; // the last one still open when the burst ends
      long most = java.util.Arrays.stream(puts).max().orElse(0);
      return """
          A rolling update of a %d-replica Deployment (one new pod ready and one old pod \
          terminating per step, a step every ~50 ms, terminating pods removed every 5 steps): %d \
          EndpointSlice writes in %d ms, debounce %d ms, %d simulated vTM clusters.

          | PUTs per cluster (min .. max) | debounce windows in the burst | \
          target (<= windows + 1 leading) | final state on every cluster | \
          converged after the burst started |
          |---|---|---|---|---|
          | %d .. %d | %d | %s | %s | %d ms |

          %s, load average %s
          """
          .formatted(
              replicas,
              sliceWrites,
              burstMs,
              DEBOUNCE_MS,
              puts.length,
              java.util.Arrays.stream(puts).min().orElse(0),
              most,
              windows,
              most <= windows + 1 ? "met" : "MISSED",
              "correct (" + replicas + " new pods, none draining)",
              convergedMs,
              Machine.describe(),
              Machine.loadAverage());
    }
  }

  /** Waits until every cluster holds exactly the live pods' nodes, all active; returns when. */
  private static long awaitFinal(E2eRig rig, ClusterScript c, long timeoutMs) throws Exception {
    Set<String> want =
        c.pods("default", "web").stream()
            .filter(p -> p.state() == PodState.READY)
            .map(p -> c.nodes().get(p.node()) + ":30080=active")
            .collect(Collectors.toCollection(TreeSet::new));
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      if (rig.sims.stream().allMatch(s -> want.equals(members(s)))) {
        return System.nanoTime() / 1_000_000;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("the clusters did not converge to " + want.size() + " members");
  }

  private static Set<String> members(VtmSimulator sim) {
    return sim.pool(POOL).map(NodesTable::read).orElse(List.of()).stream()
        .map(m -> m.address() + "=" + m.state().vtmName())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
