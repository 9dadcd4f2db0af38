package io.vtmsync.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which Service publishes which pool. It turns pools a Service no longer publishes into
 * explicit removals, settles two Services claiming one pool name (the first in name order owns it,
 * so the result does not depend on event order; the other's plan is dropped and reported), and
 * hands a plan out only when it differs from the last one handed out for its pool.
 */
public final class PoolRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PoolRegistry.class);

  private final Map<String, TreeSet<String>> claimants = new HashMap<>();
  private final Map<String, Set<String>> poolsByService = new HashMap<>();
  private final Map<String, Set<String>> clustersByPool = new HashMap<>();
  private final Map<String, String> conflicts = new HashMap<>();
  private final HeldServices problems = new HeldServices();
  private final Map<String, PoolPlan> sent = new HashMap<>();
  private volatile java.util.function.Predicate<String> resend = pool -> false;
  private volatile Consumer<String> wake = key -> {};
  private volatile RegistryListener listener = RegistryListener.NONE;

  /**
   * A plan equal to the one last handed out for its pool is not handed out again (a resync costs no
   * sink work when nothing changed), unless {@code resend} says a target wants it again: one that
   * refused it (a 4xx) or holds a foreign pool of that name.
   */
  public void resendWhen(java.util.function.Predicate<String> resend) {
    this.resend = resend;
  }

  /** Called with a Service key that must be planned again (it may now own a pool). */
  public void onWake(Consumer<String> wake) {
    this.wake = wake;
  }

  /** Told of held Services and conflicts each time a claim meets them (Kubernetes Events). */
  public void onProblem(RegistryListener listener) {
    this.listener = listener;
  }

  /**
   * Records the Service's plans; returns what its sinks must apply (plans plus removals), stamped
   * with the time of the event that triggered them.
   */
  public List<PoolPlan> claim(String service, ServicePlan plan, long triggeredAtNanos) {
    return claim(service, plan).stream().map(p -> p.triggeredAt(triggeredAtNanos)).toList();
  }

  /** Records plans of a Service whose settings are valid (tests, benchmarks). */
  public List<PoolPlan> claim(String service, List<PoolPlan> plans) {
    return claim(service, ServicePlan.of(service, plans));
  }

  /**
   * Records the Service's plans; returns what its sinks must apply. A pool the Service published
   * before and no longer plans is removed, unless the Service is held (its settings failed): then
   * every such pool gets the held Service's error instead, which no sink writes over a pool it has
   * (bad input is not a removal).
   */
  public List<PoolPlan> claim(String service, ServicePlan plan) {
    List<PoolPlan> out = new ArrayList<>();
    List<String> toWake = new ArrayList<>();
    synchronized (this) {
      Set<String> now = new HashSet<>();
      plan.pools().forEach(p -> now.add(p.pool()));
      for (String pool : poolsByService.getOrDefault(service, Set.of())) {
        if (now.contains(pool)) {
          continue;
        }
        if (plan.held()) {
          now.add(pool);
          Set<String> clusters = clustersByPool.getOrDefault(pool, Set.of());
          offer(
              service,
              PoolPlan.failed(pool, service, clusters, PoolPlan.BAD_INPUT, plan.heldBecause()),
              out);
        } else {
          release(service, pool, out, toWake);
        }
      }
      for (PoolPlan p : plan.pools()) {
        offer(service, p, out);
      }
      if (now.isEmpty()) {
        poolsByService.remove(service);
      } else {
        poolsByService.put(service, now);
      }
      problems.report(service, plan, now.isEmpty());
      if (plan.held()) {
        listener.held(service, plan.heldBecause());
      }
    }
    toWake.forEach(wake);
    return out;
  }

  /** The plan goes out when its Service owns the pool (first claimant in name order). */
  private void offer(String service, PoolPlan plan, List<PoolPlan> out) {
    TreeSet<String> who = claimants.computeIfAbsent(plan.pool(), k -> new TreeSet<>());
    who.add(service);
    if (!who.first().equals(service)) {
      conflict(plan, who.first());
      return;
    }
    if (!plan.ok() && plan.clusters().isEmpty() && clustersByPool.containsKey(plan.pool())) {
      // An error keeps the clusters the pool went to (its annotation may be what failed).
      plan =
          PoolPlan.failed(
              plan.pool(), service, clustersByPool.get(plan.pool()), plan.code(), plan.error());
    } else {
      clustersByPool.put(plan.pool(), plan.clusters());
    }
    if (who.size() == 1) {
      conflicts.remove(plan.pool()); // the owner planned again does not end a conflict
    }
    if (plan.equals(sent.get(plan.pool())) && !resend.test(plan.pool())) {
      return; // unchanged since it went out: the targets check themselves (verify, sweep)
    }
    sent.put(plan.pool(), plan);
    out.add(plan);
  }

  private void release(String service, String pool, List<PoolPlan> out, List<String> toWake) {
    TreeSet<String> who = claimants.get(pool);
    boolean wasOwner = who != null && !who.isEmpty() && who.first().equals(service);
    if (who != null) {
      who.remove(service);
    }
    if (who == null || who.isEmpty()) {
      claimants.remove(pool);
      conflicts.remove(pool);
      sent.remove(pool);
      Set<String> clusters = clustersByPool.remove(pool);
      out.add(
          PoolPlan.failed(
              pool,
              service,
              clusters == null ? Set.of() : clusters,
              PoolPlan.REMOVED,
              "pool '"
                  + pool
                  + "' is no longer published by Service '"
                  + service
                  + "' (deleted, or no longer exposed)"));
    } else {
      if (who.size() == 1) {
        conflicts.remove(pool);
      }
      if (wasOwner) {
        toWake.add(who.first());
      }
    }
  }

  private void conflict(PoolPlan plan, String owner) {
    // The owner's plan goes out again at its next claim: a loser's plan handed out before the
    // owner claimed (two syncs in parallel) may have reached a sink after the owner's.
    sent.remove(plan.pool());
    String message =
        String.format(
            "pool name '%s' is claimed by Services '%s' and '%s'; '%s' keeps it, give the other"
                + " a vtm-k8s-sync.io/pool annotation",
            plan.pool(), owner, plan.service(), owner);
    if (!message.equals(conflicts.put(plan.pool(), message))) {
      LOG.error(message);
    }
    listener.conflict(plan.service(), plan.pool(), message);
  }

  /** Services that own or claim at least one pool. */
  public synchronized Set<String> services() {
    return new TreeSet<>(poolsByService.keySet());
  }

  /** Pool name to conflict message, for status and health. */
  public synchronized Map<String, String> conflicts() {
    return Map.copyOf(conflicts);
  }

  /** Services held because their settings fail, with the reason: for metrics and status. */
  public synchronized Map<String, String> held() {
    return problems.held();
  }

  /** Pool names some Service claims now. */
  public synchronized Set<String> pools() {
    return Set.copyOf(claimants.keySet());
  }

  public synchronized int poolCount() {
    return claimants.size();
  }
}
