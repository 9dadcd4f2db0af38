package io.vtmsync.vtm;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolPlan;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * vTM's own view of the members of one cluster's pools, read back one member per probe (within the
 * lane's read budget, taking turns with drift checks): by vTM state ({@code alive}, {@code dead},
 * ...), and which members Kubernetes calls ready (active) but vTM calls dead, and since when: a
 * firewall, a wrong NodePort or a health monitor that does not match.
 */
final class MemberHealth {

  /** One member to read, from the pool's last acknowledged plan. */
  record Probe(PoolPlan plan, Member member) {}

  /** What vTM said of a member, since when, and whether it has been reported as down. */
  record Seen(String state, boolean ready, long sinceNanos, boolean reported) {}

  /** A member ready in Kubernetes and dead on vTM for longer than the threshold. */
  record Down(String service, String pool, String member, long forSeconds) {}

  private final Map<String, Map<String, Seen>> byPool = new ConcurrentHashMap<>();
  private final ArrayDeque<Probe> probes = new ArrayDeque<>();

  /** The next member to read; a round over every acknowledged pool's members, then another. */
  synchronized Optional<Probe> next(Collection<PoolPlan> acknowledged) {
    if (probes.isEmpty()) {
      // A new round: members that left their pool, and pools no longer ours, are forgotten.
      Map<String, List<String>> now = new HashMap<>();
      for (PoolPlan p : acknowledged) {
        now.put(p.pool(), p.members().stream().map(Member::address).toList());
        p.members().forEach(m -> probes.add(new Probe(p, m)));
      }
      byPool.keySet().retainAll(now.keySet());
      byPool.forEach(
          (pool, members) -> {
            synchronized (members) {
              members.keySet().retainAll(now.get(pool));
            }
          });
    }
    return Optional.ofNullable(probes.poll());
  }

  /** Records vTM's answer; returns the member once, when it has been down long enough. */
  Optional<Down> observed(Probe probe, String state, long downAfterNanos) {
    String address = probe.member().address();
    boolean ready = probe.member().state() == MemberState.ACTIVE;
    Map<String, Seen> pool = byPool.computeIfAbsent(probe.plan().pool(), k -> new HashMap<>());
    synchronized (pool) {
      Seen was = pool.get(address);
      long now = System.nanoTime();
      Seen seen =
          was != null && was.state().equals(state) && was.ready() == ready
              ? was
              : new Seen(state, ready, now, false);
      boolean due = ready && state.equals("dead") && !seen.reported();
      due &= now - seen.sinceNanos() >= downAfterNanos;
      pool.put(address, due ? new Seen(state, ready, seen.sinceNanos(), true) : seen);
      return due
          ? Optional.of(
              new Down(
                  probe.plan().service(),
                  probe.plan().pool(),
                  address,
                  (now - seen.sinceNanos()) / 1_000_000_000))
          : Optional.empty();
    }
  }

  void forget(String pool) {
    byPool.remove(pool);
  }

  /** Members by vTM state, over every pool read so far. */
  Map<String, Long> byState() {
    Map<String, Long> out = new TreeMap<>();
    each(s -> out.merge(s.state(), 1L, Long::sum));
    return out;
  }

  /** Members Kubernetes calls ready and vTM calls dead, per pool (pools with none left out). */
  Map<String, Long> deadButReady() {
    Map<String, Long> out = new TreeMap<>();
    byPool.forEach(
        (pool, members) -> {
          long n;
          synchronized (members) {
            n =
                members.values().stream()
                    .filter(s -> s.ready() && s.state().equals("dead"))
                    .count();
          }
          if (n > 0) {
            out.put(pool, n);
          }
        });
    return out;
  }

  /** vTM's state of each member of a pool, by address (for the status page). */
  Map<String, String> pool(String pool) {
    Map<String, Seen> members = byPool.getOrDefault(pool, Map.of());
    Map<String, String> out = new TreeMap<>();
    synchronized (members) {
      members.forEach((address, s) -> out.put(address, s.state()));
    }
    return out;
  }

  private void each(java.util.function.Consumer<Seen> action) {
    for (Map<String, Seen> members : byPool.values()) {
      List<Seen> copy;
      synchronized (members) {
        copy = List.copyOf(members.values());
      }
      copy.forEach(action);
    }
  }
}
