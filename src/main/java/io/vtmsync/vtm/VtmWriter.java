package io.vtmsync.vtm;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies pool plans to one vTM cluster: reads the pool back, leaves foreign pools alone, applies
 * the fail-static write policy and the removed-pool policy, and PUTs the node table only when the
 * cluster's differs from the plan. What a cluster acknowledged is remembered, so an unchanged plan
 * costs no request until the verify period has passed; then the pool is read back again and drift
 * (a hand edit) is repaired.
 */
public final class VtmWriter extends LaneWriter {

  private record Acked(List<Member> members, long verifiedAtNanos) {}

  private final long verifyNanos;
  private final Map<String, Acked> acked = new ConcurrentHashMap<>();

  public VtmWriter(
      VtmClient client,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPolicy,
      boolean adoptExisting,
      Duration verifyPeriod) {
    super(client, policy, removedPolicy, adoptExisting);
    this.verifyNanos = verifyPeriod.toNanos();
  }

  @Override
  protected Optional<WriteResult> withoutRequest(PoolPlan plan) {
    Acked last = acked.get(plan.pool());
    if (plan.ok() && last != null && same(last.members(), plan.members()) && fresh(last)) {
      return Optional.of(result(plan, Outcome.UNCHANGED, null, null));
    }
    return Optional.empty();
  }

  @Override
  protected void refused(PoolPlan plan) {
    acked.remove(plan.pool());
  }

  @Override
  protected WriteResult apply(PoolPlan plan) {
    Optional<RemotePool> remote = known(plan.pool()).or(() -> client.getPool(plan.pool()));
    Optional<WriteResult> notOurs = foreign(plan, remote);
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    if (plan.removed()) {
      return removed(plan, remote);
    }
    List<Member> current = remote.map(RemotePool::members).orElse(null);
    SafeWritePolicy.Decision decision = policy.decide(current, plan);
    if (decision != SafeWritePolicy.Decision.WRITE || (!plan.ok() && !plan.empty())) {
      // Held, or an error plan for a pool that does not exist: never create a pool from an error.
      Outcome o =
          decision == SafeWritePolicy.Decision.HOLD_EMPTY ? Outcome.HELD_EMPTY : Outcome.HELD_ERROR;
      WriteResult held = result(plan, o, null, plan.error());
      return remote.isEmpty() ? held.asAbsent() : held;
    }
    return put(plan, remote, plan.ok() ? plan.members() : List.of());
  }

  private WriteResult put(PoolPlan plan, Optional<RemotePool> remote, List<Member> target) {
    List<Member> current = remote.map(RemotePool::members).orElse(List.of());
    if (remote.isPresent() && same(current, target)) {
      remember(plan.pool(), target);
      return result(plan, Outcome.UNCHANGED, null, null);
    }
    PutResult put =
        client.putPool(
            plan.pool(), target, remote.isEmpty() ? ManagedNote.text(plan.service()) : null);
    if (put.created() && remote.isPresent()) {
      // Deleted by hand since we last looked: it was created again, so mark it as ours.
      client.putPool(plan.pool(), target, ManagedNote.text(plan.service()));
    }
    if (!dryRunning()) {
      remember(plan.pool(), target);
    }
    String detail =
        remote.isPresent()
            ? plan.error()
            : plan.ok() ? "created" : "created empty: " + plan.error();
    return result(plan, Outcome.WRITTEN, PoolDiff.between(current, target), detail);
  }

  private WriteResult removed(PoolPlan plan, Optional<RemotePool> remote) {
    acked.remove(plan.pool());
    if (remote.isEmpty()) {
      return result(plan, Outcome.UNCHANGED, null, null);
    }
    List<Member> current = remote.get().members();
    switch (removedPolicy) {
      case KEEP:
        return result(plan, Outcome.KEPT, null, plan.error() + " (vtm.removed-pool=keep)");
      case DELETE:
        client.deletePool(plan.pool());
        return result(plan, Outcome.REMOVED, null, "deleted: " + plan.error());
      default:
        List<Member> target = RemovedPlans.members(removedPolicy, current);
        if (same(current, target)) {
          return result(plan, Outcome.UNCHANGED, null, null); // drained or emptied already
        }
        client.putPool(plan.pool(), target, null);
        return result(
            plan,
            Outcome.REMOVED,
            PoolDiff.between(current, target),
            removedPolicy.name().toLowerCase(java.util.Locale.ROOT) + ": " + plan.error());
    }
  }

  /**
   * What the cluster acknowledged within the verify period: trusted without a GET, so a change
   * costs one PUT. Older knowledge is read back, which is how hand edits get repaired.
   */
  private Optional<RemotePool> known(String pool) {
    Acked last = acked.get(pool);
    return last != null && fresh(last)
        ? Optional.of(new RemotePool(last.members(), ManagedNote.PREFIX, null))
        : Optional.empty();
  }

  private void remember(String pool, List<Member> members) {
    acked.put(pool, new Acked(List.copyOf(members), System.nanoTime()));
  }

  /**
   * Recently verified. The slack (a tenth of the period, at most 1 s) makes a pool verified one
   * resync ago due at this resync, not at the next, when both periods are equal.
   */
  private boolean fresh(Acked a) {
    long slack = Math.min(verifyNanos / 10, 1_000_000_000L);
    return System.nanoTime() - a.verifiedAtNanos() < verifyNanos - slack;
  }

  private static boolean same(List<Member> a, List<Member> b) {
    return new HashSet<>(a).equals(new HashSet<>(b));
  }
}
