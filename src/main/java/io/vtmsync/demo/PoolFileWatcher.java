package io.vtmsync.demo;

import io.vtmsync.pool.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/** Polls every demo target until its members satisfy a condition; reports when each got there. */
final class PoolFileWatcher {

  private final List<DemoTargets> targets;

  PoolFileWatcher(List<DemoTargets> targets) {
    this.targets = List.copyOf(targets);
  }

  List<DemoTargets> targets() {
    return targets;
  }

  /**
   * Milliseconds after {@code startNanos} at which each target matched (the condition sees the
   * target and its members); missing ones timed out.
   */
  Map<String, Long> await(
      BiPredicate<DemoTargets, List<Member>> until, long startNanos, Duration timeout)
      throws InterruptedException {
    Map<String, Long> landed = new LinkedHashMap<>();
    List<DemoTargets> waiting = new ArrayList<>(targets);
    long deadline = startNanos + timeout.toNanos();
    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
      for (DemoTargets t : List.copyOf(waiting)) {
        List<Member> now = t.members().get();
        if (now != null && until.test(t, now)) {
          landed.put(t.name(), (System.nanoTime() - startNanos) / 1_000_000);
          waiting.remove(t);
        }
      }
      Thread.sleep(2);
    }
    return landed;
  }
}
