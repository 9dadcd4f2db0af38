package io.vtmsync.vtm;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Applies pool plans to one vTM cluster: reads the pool back, leaves foreign pools alone, applies
 * the fail-static write policy and the removed-pool policy, and PUTs the node table only when the
 * cluster's differs from the plan. What a cluster acknowledged is remembered, so an unchanged plan
 * costs no request; the lane's verifier reads each pool back once its verify period has run out,
 * within the cluster's read budget, and repairs drift (a hand edit).
 */
final class VtmWriter extends LaneWriter {

  VtmWriter(
      VtmCluster cluster,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPolicy,
      boolean adoptExisting,
      Duration verifyPeriod) {
    super(cluster, policy, removedPolicy, adoptExisting, verifyPeriod);
  }

  @Override
  protected Optional<WriteResult> withoutRequest(PoolPlan plan) {
    Verified.Entry last = verified.get(plan.pool());
    if (plan.ok() && last != null && same(last.members(), plan.members()) && verified.fresh(last)) {
      return Optional.of(result(plan, Outcome.UNCHANGED, null, null));
    }
    return Optional.empty();
  }

  @Override
  protected CompletableFuture<WriteResult> apply(VtmApi api, PoolPlan plan, boolean readBack) {
    Optional<RemotePool> known = readBack ? Optional.empty() : known(plan.pool());
    return (known.isPresent() ? completedFuture(known) : api.getPool(plan.pool()))
        .thenCompose(remote -> decide(api, plan, remote, readBack));
  }

  private CompletableFuture<WriteResult> decide(
      VtmApi api, PoolPlan plan, Optional<RemotePool> remote, boolean readBack) {
    Optional<WriteResult> notOurs = foreign(plan, remote);
    if (notOurs.isPresent()) {
      return completedFuture(notOurs.get());
    }
    if (plan.removed()) {
      return removed(api, plan, remote);
    }
    List<Member> current = remote.map(RemotePool::members).orElse(null);
    SafeWritePolicy.Decision decision = policy.decide(current, plan);
    if (decision != SafeWritePolicy.Decision.WRITE || (!plan.ok() && !plan.empty())) {
      // Held, or an error plan for a pool that does not exist: never create a pool from an error.
      Outcome o =
          decision == SafeWritePolicy.Decision.HOLD_EMPTY ? Outcome.HELD_EMPTY : Outcome.HELD_ERROR;
      WriteResult held = result(plan, o, null, plan.error());
      return completedFuture(remote.isEmpty() ? held.asAbsent() : held);
    }
    return put(api, plan, remote, plan.ok() ? plan.members() : List.of(), readBack);
  }

  private CompletableFuture<WriteResult> put(
      VtmApi api,
      PoolPlan plan,
      Optional<RemotePool> remote,
      List<Member> target,
      boolean readBack) {
    List<Member> current = remote.map(RemotePool::members).orElse(List.of());
    if (remote.isPresent() && same(current, target)) {
      acknowledge(plan, target, readBack);
      return completedFuture(result(plan, Outcome.UNCHANGED, null, null));
    }
    if (readBack && !mayRepair(plan)) {
      return completedFuture(null); // a newer plan is being written: it wins
    }
    String note = ManagedNote.text(plan.service());
    return api.putPool(plan.pool(), target, remote.isEmpty() ? note : null)
        .thenCompose(
            put ->
                put.created() && remote.isPresent()
                    // Deleted by hand since we last looked: created again, so mark it as ours.
                    ? api.putPool(plan.pool(), target, note)
                    : completedFuture(put))
        .thenApply(
            put -> {
              if (!cluster.dryRun()) {
                acknowledge(plan, target, readBack); // a dry run wrote nothing to remember
              }
              String detail =
                  remote.isPresent()
                      ? plan.error()
                      : plan.ok() ? "created" : "created empty: " + plan.error();
              return result(plan, Outcome.WRITTEN, PoolDiff.between(current, target), detail);
            });
  }

  private CompletableFuture<WriteResult> removed(
      VtmApi api, PoolPlan plan, Optional<RemotePool> remote) {
    verified.forget(plan.pool());
    if (remote.isEmpty()) {
      return completedFuture(result(plan, Outcome.UNCHANGED, null, null));
    }
    List<Member> current = remote.get().members();
    return switch (removedPolicy) {
      case KEEP ->
          completedFuture(
              result(plan, Outcome.KEPT, null, plan.error() + " (vtm.removed-pool=keep)"));
      case DELETE ->
          api.deletePool(plan.pool())
              .thenApply(v -> result(plan, Outcome.REMOVED, null, "deleted: " + plan.error()));
      default -> {
        List<Member> target = RemovedPlans.members(removedPolicy, current);
        if (same(current, target)) {
          yield completedFuture(result(plan, Outcome.UNCHANGED, null, null)); // done already
        }
        String detail = removedPolicy.name().toLowerCase(Locale.ROOT) + ": " + plan.error();
        yield api.putPool(plan.pool(), target, null)
            .thenApply(
                put -> result(plan, Outcome.REMOVED, PoolDiff.between(current, target), detail));
      }
    };
  }

  /**
   * What the cluster acknowledged within the verify period: trusted without a GET, so a change
   * costs one PUT. Older knowledge is read back first.
   */
  private Optional<RemotePool> known(String pool) {
    Verified.Entry last = verified.get(pool);
    return last != null && verified.fresh(last)
        ? Optional.of(new RemotePool(last.members(), ManagedNote.PREFIX, null))
        : Optional.empty();
  }

  private static boolean same(List<Member> a, List<Member> b) {
    return new HashSet<>(a).equals(new HashSet<>(b));
  }
}
