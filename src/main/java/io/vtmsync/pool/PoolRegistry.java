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
 *
 * <p>With several Kubernetes sources, Services of different sources that opted in ({@link
 * ServicePlan#mergeable}) share one pool: the owner's part and one part per other source, merged by
 * {@link PoolMerge} (each part fail static on its own). A shared pool goes out only once every
 * source has synced and every Service then listed has been planned, so a source still listing after
 * a restart cannot shrink it.
 */
public final class PoolRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PoolRegistry.class);

  private final Map<String, TreeSet<String>> claimants = new HashMap<>();
  private final Map<String, Set<String>> poolsByService = new HashMap<>();
  private final Map<String, Set<String>> clustersByPool = new HashMap<>();
  private final Map<String, String> conflicts = new HashMap<>();
  private final HeldServices problems = new HeldServices();
  private final Map<String, PoolPlan> sent = new HashMap<>();
  private final Map<String, PoolPlan> lastOut = new HashMap<>();
  private final Map<String, Boolean> mergeable = new HashMap<>();
  private final Map<String, Map<String, PoolPlan>> parts = new HashMap<>();
  private final Map<String, Map<String, List<Member>>> lastGood = new HashMap<>();
  private final Map<String, List<String>> memberConflicts = new HashMap<>();
  private java.util.function.BooleanSupplier allSourcesSynced = () -> true;
  private java.util.function.Supplier<? extends java.util.Collection<String>> initialKeys;
  private boolean shareOpen = true;
  private Set<String> pending;
  private final Set<String> claimedEarly = new HashSet<>();
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

  /**
   * Shared pools go out only once every source has synced and every Service key {@code keys} gives
   * at that moment has been planned: until then a pool's parts may be missing a source's members
   * (after a restart, the first source to be planned would shrink every pool it shares).
   */
  public synchronized void shareWhen(
      java.util.function.BooleanSupplier allSourcesSynced,
      java.util.function.Supplier<? extends java.util.Collection<String>> keys) {
    this.allSourcesSynced = allSourcesSynced;
    this.initialKeys = keys;
    this.shareOpen = false;
  }

  /** True when this claim is the one that lets shared pools go out. */
  private boolean opens(String service) {
    if (shareOpen) {
      return false;
    }
    claimedEarly.add(service);
    if (!allSourcesSynced.getAsBoolean()) {
      return false;
    }
    if (pending == null) {
      pending = new HashSet<>(initialKeys.get());
    }
    pending.removeAll(claimedEarly);
    claimedEarly.clear();
    if (!pending.isEmpty()) {
      return false;
    }
    shareOpen = true;
    pending = null;
    LOG.info("every Kubernetes source is synced and planned: shared pools go out");
    return true;
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
      boolean opened = opens(service);
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
      // Set after the releases above: a pool let go is let go as the part it was.
      if (plan.mergeable()) {
        mergeable.put(service, true);
      } else {
        mergeable.remove(service);
      }
      for (PoolPlan p : plan.pools()) {
        offer(service, p, out);
      }
      if (now.isEmpty()) {
        poolsByService.remove(service);
        mergeable.remove(service);
      } else {
        poolsByService.put(service, now);
      }
      if (opened) {
        for (String pool : List.copyOf(claimants.keySet())) {
          List<String> group = group(pool, claimants.get(pool));
          if (mergeable.containsKey(group.get(0)) && parts.get(pool).containsKey(group.get(0))) {
            emit(pool, group, out); // what waited for the last source
          }
        }
      }
      handedOut(out);
      problems.report(service, plan, now.isEmpty());
      if (plan.held()) {
        listener.held(service, plan.heldBecause());
      }
    }
    toWake.forEach(wake);
    return out;
  }

  /**
   * The newest plan handed out for this plan's pool, stamped as this one: a pool fed by Services of
   * several sources (or claimed by two) is planned by more than one exchange, and these may reach
   * the sinks in another order than they left the registry. Re-read just before the sinks, the
   * newest plan is what arrives last.
   */
  public synchronized PoolPlan newest(PoolPlan plan) {
    PoolPlan last = lastOut.get(plan.pool());
    if (last == null || last.equals(plan.triggeredAt(0))) {
      return plan;
    }
    return last.triggeredAt(plan.triggeredAtNanos());
  }

  private void handedOut(List<PoolPlan> out) {
    for (PoolPlan p : out) {
      lastOut.put(p.pool(), p);
    }
    if (lastOut.size() > 2 * claimants.size() + 1000) {
      lastOut.keySet().retainAll(claimants.keySet()); // removed pools' last word, now and then
    }
  }

  /**
   * The plan goes out when its Service owns the pool (first claimant in name order), or shares it:
   * then the pool's parts go out merged.
   */
  private void offer(String service, PoolPlan plan, List<PoolPlan> out) {
    String pool = plan.pool();
    TreeSet<String> who = claimants.computeIfAbsent(pool, k -> new TreeSet<>());
    who.add(service);
    parts.computeIfAbsent(pool, k -> new HashMap<>()).put(service, plan);
    if (plan.ok() && !plan.members().isEmpty()) {
      lastGood.computeIfAbsent(pool, k -> new HashMap<>()).put(service, plan.members());
    }
    List<String> group = group(pool, who);
    if (!group.contains(service)) {
      conflict(plan, who.first());
      return;
    }
    emit(pool, group, out);
  }

  /**
   * Who feeds the pool: its owner (the first claimant in name order) and, when the owner shares,
   * the first sharing claimant of each other source. Everyone else is in conflict.
   */
  private List<String> group(String pool, TreeSet<String> who) {
    List<String> group = new ArrayList<>();
    group.add(who.first());
    if (!mergeable.containsKey(who.first())) {
      return group;
    }
    Set<String> sources = new HashSet<>();
    sources.add(io.vtmsync.k8s.KubeNames.sourceOf(who.first()));
    for (String c : who) {
      if (mergeable.containsKey(c) && sources.add(io.vtmsync.k8s.KubeNames.sourceOf(c))) {
        group.add(c);
      }
    }
    return group;
  }

  /** Hands out the pool's plan as its group makes it, when it differs from what went out. */
  private void emit(String pool, List<String> group, List<PoolPlan> out) {
    String owner = group.get(0);
    PoolPlan plan;
    if (group.size() == 1) {
      plan = parts.get(pool).get(owner);
      memberConflicts.remove(pool);
    } else {
      Map<String, List<Member>> good = lastGood.getOrDefault(pool, Map.of());
      List<PoolMerge.Part> ps =
          group.stream()
              .map(
                  s ->
                      new PoolMerge.Part(
                          s, parts.get(pool).get(s), good.getOrDefault(s, List.of())))
              .toList();
      PoolMerge.Result merged = PoolMerge.merge(pool, ps);
      plan = merged.plan();
      memberConflicts(pool, merged.conflicts());
    }
    if (mergeable.containsKey(owner) && !shareOpen) {
      return; // a shared pool waits for every source: one not yet planned would shrink it
    }
    if (!plan.ok() && plan.clusters().isEmpty() && clustersByPool.containsKey(pool)) {
      // An error keeps the clusters the pool went to (its annotation may be what failed).
      plan = PoolPlan.failed(pool, owner, clustersByPool.get(pool), plan.code(), plan.error());
    } else {
      clustersByPool.put(pool, plan.clusters());
    }
    if (claimants.get(pool).size() == group.size()) {
      conflicts.remove(pool); // the owner planned again does not end a conflict
    }
    if (plan.equals(sent.get(pool)) && !resend.test(pool)) {
      return; // unchanged since it went out: the targets check themselves (verify, sweep)
    }
    sent.put(pool, plan);
    out.add(plan);
  }

  private void memberConflicts(String pool, List<String> found) {
    if (found.isEmpty()) {
      memberConflicts.remove(pool);
    } else if (!found.equals(memberConflicts.put(pool, found))) {
      found.forEach(LOG::warn);
    }
  }

  private void release(String service, String pool, List<PoolPlan> out, List<String> toWake) {
    TreeSet<String> who = claimants.get(pool);
    boolean wasOwner = who != null && !who.isEmpty() && who.first().equals(service);
    List<String> before = who == null || who.isEmpty() ? List.of() : group(pool, who);
    boolean fed = before.size() > 1 && before.contains(service); // a part of a shared pool
    if (who != null) {
      who.remove(service);
    }
    parts.getOrDefault(pool, new HashMap<>()).remove(service);
    lastGood.getOrDefault(pool, new HashMap<>()).remove(service);
    if (who == null || who.isEmpty()) {
      claimants.remove(pool);
      conflicts.remove(pool);
      parts.remove(pool);
      lastGood.remove(pool);
      memberConflicts.remove(pool);
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
      if (fed && parts.containsKey(pool) && parts.get(pool).containsKey(who.first())) {
        // A shared pool loses a part: the others go out at once, from their newest plans.
        emit(pool, group(pool, who), out);
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

  /** Pool name to the member addresses two sources publish (empty when none). */
  public synchronized Map<String, List<String>> memberConflicts() {
    return Map.copyOf(memberConflicts);
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
