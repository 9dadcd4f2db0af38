package io.vtmsync.vtm;

import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every vTM lane writer shares: the rules (write policy, removed-pool policy, adoption), the
 * ownership check, and failure handling: retryable errors go back to the lane (and mark the cluster
 * failing once), other errors become a FAILED result with the vTM's error text.
 */
abstract class LaneWriter implements PoolWriter {

  protected final VtmClient client;
  protected final SafeWritePolicy policy;
  protected final RemovedPoolPolicy removedPolicy;
  private final boolean adoptExisting;
  private final ClusterHealth health;
  private volatile boolean dryRun;

  LaneWriter(
      VtmClient client, SafeWritePolicy policy, RemovedPoolPolicy removedPolicy, boolean adopt) {
    this.client = client;
    this.policy = policy;
    this.removedPolicy = removedPolicy;
    this.adoptExisting = adopt;
    this.health = new ClusterHealth(client.cluster());
  }

  /** Dry-run: reads from vTM as usual, writes nothing (the client sends no PUT or DELETE). */
  @Override
  public void dryRun(boolean on) {
    this.dryRun = on;
    client.dryRun(on);
  }

  /** In a dry run nothing is written, so nothing may be remembered as acknowledged. */
  protected boolean dryRunning() {
    return dryRun;
  }

  public String cluster() {
    return client.cluster();
  }

  @Override
  public void markDown() {
    health.markDown();
  }

  @Override
  public boolean healthy() {
    return health.healthy();
  }

  @Override
  public final WriteResult write(PoolPlan plan) {
    Optional<WriteResult> known = withoutRequest(plan);
    if (known.isPresent()) {
      return known.get();
    }
    try {
      WriteResult r = apply(plan);
      health.succeeded();
      return r;
    } catch (VtmException e) {
      if (!e.retryable()) {
        if (e.status() == VtmException.NO_STATUS) {
          health.failed(e); // nothing was sent (no password, say): not up, and said once
        } else {
          health.succeeded(); // it answered: reachable, the request itself was refused
        }
        refused(plan);
        return result(plan, Outcome.FAILED, null, e.getMessage());
      }
      health.failed(e);
      if (e.status() == VtmException.NO_STATUS) {
        client.invalidate(); // unreachable: it may come back upgraded, so negotiate again
        unreachable();
      }
      throw e;
    }
  }

  /**
   * The sweep of this cluster: the removals due for pools we created (our note names a Service)
   * that no Service publishes any more. Lists the pools once and reads back only names not
   * published; a pool without our note is never touched. The removals go back into this lane's
   * queue, where the removed-pool policy applies to them as to a removal seen live.
   */
  @Override
  public final List<PoolPlan> orphans(PublishedPools published) {
    try {
      List<PoolPlan> out = new java.util.ArrayList<>();
      for (String pool : client.listPools()) {
        if (published.pools().contains(pool)) {
          continue;
        }
        client
            .getPool(pool)
            .flatMap(p -> ManagedNote.owner(p.note()))
            .filter(owner -> published.orphaned(pool, owner))
            .ifPresent(owner -> out.add(published.removal(pool, owner, Set.of(cluster()))));
      }
      health.succeeded();
      return out;
    } catch (VtmException e) {
      if (e.retryable()) {
        health.failed(e);
      }
      throw e;
    }
  }

  /** A result known without asking the cluster (a recently acknowledged plan), if any. */
  protected Optional<WriteResult> withoutRequest(PoolPlan plan) {
    return Optional.empty();
  }

  /** Applies one plan with requests to the cluster. */
  protected abstract WriteResult apply(PoolPlan plan);

  /** Called after a non-retryable refusal. */
  protected void refused(PoolPlan plan) {}

  /** Called when the cluster could not be reached. */
  protected void unreachable() {}

  /** A FOREIGN result when a pool of that name exists and is not ours to write. */
  protected Optional<WriteResult> foreign(PoolPlan plan, Optional<RemotePool> remote) {
    if (remote.isPresent() && !adoptExisting && !ManagedNote.isManaged(remote.get().note())) {
      return Optional.of(
          result(
              plan,
              Outcome.FOREIGN,
              null,
              "a pool of that name exists and was not created by vtm-k8s-sync"
                  + " (vtm.adopt-existing=false)"));
    }
    return Optional.empty();
  }

  protected WriteResult result(PoolPlan plan, Outcome outcome, PoolDiff diff, String detail) {
    return new WriteResult(
            "vtm:" + client.cluster(),
            plan.pool(),
            outcome,
            plan.code(),
            diff == null ? PoolDiff.between(List.of(), List.of()) : diff,
            detail != null ? detail : plan.members().size() + " members")
        .triggeredAt(plan.triggeredAtNanos())
        .asDryRun(dryRun);
  }
}
