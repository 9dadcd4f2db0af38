package io.vtmsync.vtm;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * What a lane's cluster has acknowledged, pool by pool, oldest check first: the plan, the members
 * it holds, and when that was last seen to be so. The verifier reads back the oldest pool once its
 * verify period has run out (drift repair), one pool per tick of the cluster's read budget.
 */
final class Verified {

  /** One pool as last acknowledged or read back. */
  record Entry(PoolPlan plan, List<Member> members, long atNanos) {}

  private final long periodNanos;
  private final LinkedHashMap<String, Entry> byAge = new LinkedHashMap<>();
  private final java.util.Set<String> urgent = new java.util.LinkedHashSet<>();

  Verified(long periodNanos) {
    this.periodNanos = periodNanos;
  }

  /** The cluster holds these members for the plan now (written, or read back equal). */
  synchronized void acknowledged(PoolPlan plan, List<Member> members) {
    byAge.remove(plan.pool()); // re-inserted last: the newest check
    byAge.put(plan.pool(), new Entry(plan.triggeredAt(0), List.copyOf(members), System.nanoTime()));
  }

  synchronized void forget(String pool) {
    byAge.remove(pool);
  }

  synchronized Entry get(String pool) {
    return byAge.get(pool);
  }

  /**
   * Checked within the verify period. The slack (a tenth of the period, at most 1 s) lets a pool
   * checked one tick late still count as due at its next turn rather than a whole period on.
   */
  boolean fresh(Entry e) {
    long slack = Math.min(periodNanos / 10, 1_000_000_000L);
    return System.nanoTime() - e.atNanos() < periodNanos - slack;
  }

  /**
   * The pool to read back now, if the oldest one is due; it moves to the back at once, so that a
   * failed read does not hold the line (it is due again after another period).
   */
  synchronized Optional<PoolPlan> takeDue() {
    return takeDue(pool -> true);
  }

  /** Read back at the verifier's next turn, before any other (a write raced a repair). */
  synchronized void dueNow(String pool) {
    if (byAge.containsKey(pool)) {
      urgent.add(pool);
    }
  }

  /**
   * As above, when {@code free} says the pool may be read now; else nothing this turn (a pool being
   * written is acknowledged anew when the write ends).
   */
  synchronized Optional<PoolPlan> takeDue(java.util.function.Predicate<String> free) {
    for (var it = urgent.iterator(); it.hasNext(); ) {
      String pool = it.next();
      Entry u = byAge.get(pool);
      if (u == null) {
        it.remove();
      } else if (free.test(pool)) {
        it.remove();
        byAge.remove(pool);
        byAge.put(pool, new Entry(u.plan(), u.members(), System.nanoTime()));
        return Optional.of(u.plan());
      }
    }
    var oldest = byAge.entrySet().iterator();
    if (!oldest.hasNext()) {
      return Optional.empty();
    }
    Entry e = oldest.next().getValue();
    if (fresh(e) || !free.test(e.plan().pool())) {
      return Optional.empty();
    }
    oldest.remove();
    byAge.put(e.plan().pool(), new Entry(e.plan(), e.members(), System.nanoTime()));
    return Optional.of(e.plan());
  }

  /** The plans of every pool acknowledged, oldest check first. */
  synchronized List<PoolPlan> plans() {
    return byAge.values().stream().map(Entry::plan).toList();
  }

  synchronized int size() {
    return byAge.size();
  }
}
