package io.vtmsync.demo;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * The demo's script: each step changes a cluster, then waits for the pool to follow on every
 * target. This class plays the first part (the sample Service on one site); {@link SiteStory} the
 * second (one pool fed by two sites) with the same steps.
 */
final class DemoStory {

  static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

  private final PrintStream out;
  private final List<Long> latencies = new ArrayList<>();

  DemoStory(PrintStream out) {
    this.out = out;
  }

  /** The sample Service's story; true when every step landed. */
  boolean play(ClusterScript cluster, PoolFileWatcher pool, int replicas)
      throws InterruptedException {
    String ns = Demo.NS;
    String svc = Demo.SVC;
    return step(
            "initial sync: the Deployment already runs " + replicas + " replica",
            () -> {},
            pool,
            "10.0.0.9")
        && step(
            "scale 1 -> 3",
            () -> cluster.scale(ns, svc, 3),
            pool,
            "10.0.0.9",
            "10.0.0.10",
            "10.0.0.11")
        && step(
            "scale 3 -> 2: the pod on node-3 is terminating",
            () -> cluster.scale(ns, svc, 2),
            pool,
            "10.0.0.9",
            "10.0.0.10",
            "10.0.0.11=draining")
        && step(
            "the terminating pod has exited",
            () -> cluster.finishTerminating(ns, svc),
            pool,
            "10.0.0.9",
            "10.0.0.10")
        && step(
            "node-2 goes NotReady", () -> cluster.setNodeReady("node-2", false), pool, "10.0.0.9")
        && step(
            "node-2 is Ready again",
            () -> cluster.setNodeReady("node-2", true),
            pool,
            "10.0.0.9",
            "10.0.0.10");
  }

  /** A step whose targets must hold exactly these members (IPs, {@code =draining} marked). */
  boolean step(String title, Runnable change, PoolFileWatcher pool, String... expected)
      throws InterruptedException {
    List<String> want = List.of(expected);
    return step(title, change, pool, (t, m) -> describe(m).equals(want), want.toString());
  }

  /** A step that waits until {@code until} holds on every target; {@code want} says what for. */
  boolean step(
      String title,
      Runnable change,
      PoolFileWatcher pool,
      BiPredicate<DemoTargets, List<Member>> until,
      String want)
      throws InterruptedException {
    out.println();
    out.println("* " + title);
    long start = System.nanoTime();
    change.run();
    Map<String, Long> landed = pool.await(until, start, STEP_TIMEOUT);
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

  /** Members as the steps expect them: IPs in pool order, {@code =draining} marked. */
  static List<String> describe(List<Member> members) {
    return members.stream()
        .map(m -> m.ip() + (m.state() == MemberState.DRAINING ? "=draining" : ""))
        .collect(Collectors.toList());
  }

  /** The latencies of every step played, and the verdict. */
  void summary(boolean ok) {
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
