package io.vtmsync.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One pool fed by Services of several Kubernetes sources: the members of each part, together. Pure.
 * Fail static per part: a part whose plan failed (bad annotation, source error) keeps the members
 * it last had; a part with nothing ready ({@code 204}) adds none, so the other sources' members
 * carry the pool (a site failover). Two parts with the same member address: the higher priority
 * keeps it, on equal priority the part first in order (the owner, then Service key order).
 */
public final class PoolMerge {

  private PoolMerge() {}

  /**
   * A Service's part of the pool.
   *
   * @param plan its newest plan for the pool
   * @param lastGood the members of its last plan that had some (empty when it never had)
   */
  public record Part(String service, PoolPlan plan, List<Member> lastGood) {
    public Part {
      lastGood = List.copyOf(lastGood);
    }

    /** What this part puts into the pool now. */
    List<Member> members() {
      if (plan.ok() || plan.code() == PoolPlan.EMPTY) {
        return plan.members();
      }
      return lastGood; // held: bad input, a source error, a conflict
    }
  }

  /**
   * @param plan the pool's plan, owned by the first part's Service
   * @param conflicts one line per member address two parts publish, naming both and the winner
   */
  public record Result(PoolPlan plan, List<String> conflicts) {}

  /** The pool as its parts make it; {@code parts} are in order, the owner first. */
  public static Result merge(String pool, List<Part> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a pool needs a part");
    }
    Part owner = parts.get(0);
    TreeMap<Member, Part> byAddress = new TreeMap<>(); // Member order: by address alone
    TreeMap<Member, Member> members = new TreeMap<>();
    List<String> conflicts = new ArrayList<>();
    for (Part part : parts) {
      for (Member m : part.members()) {
        Part before = byAddress.get(m);
        if (before == null) {
          byAddress.put(m, part);
          members.put(m, m);
          continue;
        }
        Member kept = members.get(m);
        boolean wins = m.priority() > kept.priority();
        Part winner = wins ? part : before;
        conflicts.add(
            String.format(
                "pool '%s': member %s is published by Services '%s' and '%s'; '%s' keeps it (%s)",
                pool,
                m.address(),
                before.service(),
                part.service(),
                winner.service(),
                m.priority() == kept.priority()
                    ? "equal priority: the first in order"
                    : "higher priority"));
        if (wins) {
          byAddress.put(m, part);
          members.remove(m);
          members.put(m, m);
        }
      }
    }
    PoolPlan first = owner.plan();
    if (!members.isEmpty()) {
      return new Result(
          PoolPlan.of(pool, owner.service(), first.clusters(), List.copyOf(members.values())),
          conflicts);
    }
    // Nothing to route to: a failed part's error if any (sinks hold the pool as it is), else empty.
    for (Part part : parts) {
      PoolPlan p = part.plan();
      if (!p.ok() && p.code() != PoolPlan.EMPTY) {
        return new Result(
            PoolPlan.failed(pool, owner.service(), first.clusters(), p.code(), p.error()),
            conflicts);
      }
    }
    List<String> why = new ArrayList<>();
    parts.forEach(
        p -> why.add(p.plan().error() != null ? p.plan().error() : p.service() + ": none"));
    return new Result(
        PoolPlan.failed(
            pool,
            owner.service(),
            first.clusters(),
            PoolPlan.EMPTY,
            "pool '" + pool + "' has no ready member in any source: " + String.join("; ", why)),
        conflicts);
  }
}
