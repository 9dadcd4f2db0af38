package io.vtmsync.demo;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo's script: each step changes the cluster, then waits for the pool file to follow. */
final class DemoStory {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

  private final ClusterScript cluster;
  private final PoolFileWatcher pool;
  private final PrintStream out;
  private final List<Long> latencies = new ArrayList<>();

  DemoStory(ClusterScript cluster, PoolFileWatcher pool, PrintStream out) {
    this.cluster = cluster;
    this.pool = pool;
    this.out = out;
  }

  int play(int replicas) throws InterruptedException {
    String ns = Demo.NS;
    String svc = Demo.SVC;
    boolean ok =
        step(
                "initial sync: the Deployment already runs " + replicas + " replica",
                () -> {},
                "10.0.0.9")
            && step(
                "scale 1 -> 3",
                () -> cluster.scale(ns, svc, 3),
                "10.0.0.9",
                "10.0.0.10",
                "10.0.0.11")
            && step(
                "scale 3 -> 2: the pod on node-3 is terminating",
                () -> cluster.scale(ns, svc, 2),
                "10.0.0.9",
                "10.0.0.10",
                "10.0.0.11=draining")
            && step(
                "the terminating pod has exited",
                () -> cluster.finishTerminating(ns, svc),
                "10.0.0.9",
                "10.0.0.10")
            && step("node-2 goes NotReady", () -> cluster.setNodeReady("node-2", false), "10.0.0.9")
            && step(
                "node-2 is Ready again",
                () -> cluster.setNodeReady("node-2", true),
                "10.0.0.9",
                "10.0.0.10");
    summary(ok);
    return ok ? 0 : 1;
  }

  private boolean step(String title, Runnable change, String... expected)
      throws InterruptedException {
    out.println();
    out.println("* " + title);
    long start = System.nanoTime();
    change.run();
    List<String> want = List.of(expected);
    Map<String, Long> landed = pool.await(m -> describe(m).equals(want), start, STEP_TIMEOUT);
    Thread.sleep(30); // let the app's own change log lines print first
    for (DemoTargets t : pool.targets()) {
      Long ms = landed.get(t.name());
      if (ms == null) {
        out.println(
            "  FAILED: "
                + t.name()
                + " did not become "
                + want
                + " within "
                + STEP_TIMEOUT.toSeconds()
                + " s; it holds "
                + t.show().get());
        return false;
      }
      latencies.add(ms);
      out.println("  " + t.name() + " landed in " + ms + " ms: " + t.show().get());
    }
    return true;
  }

  private static List<String> describe(List<Member> members) {
    return members.stream()
        .map(m -> m.ip() + (m.state() == MemberState.DRAINING ? "=draining" : ""))
        .collect(Collectors.toList());
  }

  private void summary(boolean ok) {
    out.println();
    if (!latencies.isEmpty()) {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      out.println(
          "Kubernetes write -> change visible on a target: median "
              + sorted.get(sorted.size() / 2)
              + " ms, max "
              + sorted.get(sorted.size() - 1)
              + " ms over "
              + sorted.size()
              + " target updates (debounce included)");
    }
    out.println(ok ? "demo finished: every change landed" : "demo FAILED");
  }
}
