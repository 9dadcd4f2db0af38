package io.vtmsync.vtm;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What every vTM lane writer shares: the rules (write policy, removed-pool policy, adoption), the
 * ownership check, the sweep, and failure handling: retryable errors go back to the lane (and mark
 * the cluster failing once), other errors become a FAILED result with the vTM's error text. Each
 * job is a chain of requests on a {@link VtmApi}; nothing here does I/O itself.
 */
abstract class LaneWriter {

  protected final VtmCluster cluster;
  protected final SafeWritePolicy policy;
  protected final RemovedPoolPolicy removedPolicy;
  protected final Verified verified;
  final MemberHealth members = new MemberHealth();
  private volatile long downAfterNanos = java.time.Duration.ofMinutes(1).toNanos();
  private volatile java.util.function.Consumer<MemberHealth.Down> onDown = down -> {};
  private int ticks;
  // Writes and read-backs of one pool, kept from overtaking each other (see write, mayRepair).
  private final Object gate = new Object();
  private final Map<String, Integer> writing = new HashMap<>();
  private final Map<String, Long> starts = new HashMap<>();
  private final Map<String, Long> takenAt = new HashMap<>();
  private final Set<String> repairing = new HashSet<>();
  private final Set<String> recheck = new HashSet<>();
  private volatile Runnable healthRead = () -> {};
  private final boolean adoptExisting;
  private final ClusterHealth health;

  LaneWriter(
      VtmCluster cluster,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPolicy,
      boolean adoptExisting,
      java.time.Duration verifyPeriod) {
    this.cluster = cluster;
    this.policy = policy;
    this.removedPolicy = removedPolicy;
    this.adoptExisting = adoptExisting;
    this.health = new ClusterHealth(cluster.name());
    this.verified = new Verified(verifyPeriod.toNanos());
  }

  ClusterHealth health() {
    return health;
  }

  /**
   * Applies one plan; a retryable failure completes the future exceptionally for the lane.
   *
   * <p>The verifier runs under its own queue key, so a read-back of this pool may be in flight. Its
   * repair never starts once a write of the pool has ({@link #mayRepair}); a write that starts
   * while a repair is on its way reads the pool first (no trust in what the lane knew), and has it
   * read back again at the verifier's next turn, so the newest plan is what the cluster keeps.
   */
  final CompletableFuture<WriteResult> write(VtmApi api, PoolPlan plan) {
    String pool = plan.pool();
    synchronized (gate) {
      writing.merge(pool, 1, Integer::sum);
      starts.merge(pool, 1L, Long::sum);
      if (repairing.contains(pool)) {
        recheck.add(pool);
        verified.forget(pool);
      }
    }
    Optional<WriteResult> known = withoutRequest(plan);
    CompletableFuture<WriteResult> job =
        known.isPresent() ? completedFuture(known.get()) : run(api, plan, false);
    return job.whenComplete(
        (r, e) -> {
          synchronized (gate) {
            writing.computeIfPresent(pool, (k, n) -> n == 1 ? null : n - 1);
            if (recheck.remove(pool)) {
              verified.dueNow(pool);
            }
          }
        });
  }

  /**
   * Records what the cluster holds for the plan; from a read-back only while no write of the pool
   * has started since it took the pool (else that write's newer plan is the one to keep).
   */
  protected final void acknowledge(PoolPlan plan, List<Member> members, boolean readBack) {
    synchronized (gate) {
      Long at = takenAt.get(plan.pool());
      if (readBack
          && at != null
          && (writing.containsKey(plan.pool())
              || !at.equals(starts.getOrDefault(plan.pool(), 0L)))) {
        return;
      }
      verified.acknowledged(plan, members);
    }
  }

  /**
   * Asked by a read-back just before it repairs drift: true unless a write of the pool has started
   * since the read-back took it (then the write's newer plan wins, and the repair is dropped).
   */
  protected final boolean mayRepair(PoolPlan plan) {
    synchronized (gate) {
      Long at = takenAt.get(plan.pool());
      if (at == null) {
        return true;
      }
      if (writing.containsKey(plan.pool()) || !at.equals(starts.getOrDefault(plan.pool(), 0L))) {
        return false;
      }
      repairing.add(plan.pool());
      return true;
    }
  }

  /**
   * The verifier's turn (one per tick of the cluster's read budget): reads back the pool checked
   * longest ago, if its verify period has run out, and repairs drift; else asks nothing.
   */
  final CompletableFuture<WriteResult> verifyNext(VtmApi api) {
    // Turns alternate between drift and member health; a turn with nothing to do passes on.
    boolean healthFirst = (++ticks & 1) == 0;
    Optional<CompletableFuture<WriteResult>> first = healthFirst ? probe(api) : drift(api);
    return first.or(() -> healthFirst ? drift(api) : probe(api)).orElse(completedFuture(null));
  }

  /** Reads back the pool due longest ago, unless a write of it is in flight (that re-checks it). */
  private Optional<CompletableFuture<WriteResult>> drift(VtmApi api) {
    PoolPlan plan;
    synchronized (gate) {
      Optional<PoolPlan> due = verified.takeDue(pool -> !writing.containsKey(pool));
      if (due.isEmpty()) {
        return Optional.empty();
      }
      plan = due.get();
      takenAt.put(plan.pool(), starts.getOrDefault(plan.pool(), 0L));
    }
    return Optional.of(
        run(api, plan, true)
            .whenComplete(
                (r, e) -> {
                  synchronized (gate) {
                    takenAt.remove(plan.pool());
                    repairing.remove(plan.pool());
                  }
                }));
  }

  /** Reads vTM's state of the next member; a member down too long is reported once. */
  private Optional<CompletableFuture<WriteResult>> probe(VtmApi api) {
    return members
        .next(verified.plans())
        .map(
            p ->
                api.nodeState(p.plan().pool(), p.member())
                    .thenApply(
                        state -> {
                          members.observed(p, state, downAfterNanos).ifPresent(onDown);
                          healthRead.run();
                          return (WriteResult) null;
                        })
                    .handle(this::checked));
  }

  void onHealthRead(Runnable listener) {
    this.healthRead = listener;
  }

  /**
   * @param downAfter how long a member ready in Kubernetes may be dead on vTM before it is reported
   */
  void onMemberDown(
      java.time.Duration downAfter, java.util.function.Consumer<MemberHealth.Down> c) {
    this.downAfterNanos = downAfter.toNanos();
    this.onDown = c;
  }

  private CompletableFuture<WriteResult> run(VtmApi api, PoolPlan plan, boolean readBack) {
    return apply(api, plan, readBack)
        .handle(
            (result, failure) -> {
              if (failure == null) {
                health.succeeded();
                return result;
              }
              VtmException e = unwrap(failure);
              if (e.retryable()) {
                throw failed(e);
              }
              if (e.status() == VtmException.NO_STATUS) {
                health.failed(e); // nothing was sent (no password, say): not up, and said once
              } else {
                health.succeeded(); // it answered: reachable, the request itself was refused
              }
              refused(plan);
              return result(plan, Outcome.FAILED, null, e.getMessage());
            });
  }

  /**
   * The sweep of this cluster: the removals due for pools we created (our note names a Service)
   * that no Service publishes any more. Lists the pools once and reads back only names not
   * published; a pool without our note is never touched. The lane queues the removals, and the
   * removed-pool policy applies to them as to a removal seen live.
   */
  final CompletableFuture<List<PoolPlan>> orphans(VtmApi api, PublishedPools published) {
    return api.listPools()
        .thenCompose(
            names -> {
              CompletableFuture<List<PoolPlan>> out = completedFuture(new ArrayList<>());
              for (String pool : names) {
                if (!published.pools().contains(pool)) {
                  out = out.thenCompose(found -> orphan(api, published, pool, found));
                }
              }
              return out;
            })
        .handle(this::checked);
  }

  /** Periodic liveness signal for the cluster's plugin; nothing by default. */
  CompletableFuture<Void> heartbeat(VtmApi api) {
    return completedFuture(null);
  }

  private CompletableFuture<List<PoolPlan>> orphan(
      VtmApi api, PublishedPools published, String pool, List<PoolPlan> found) {
    return api.getPool(pool)
        .thenApply(
            remote -> {
              remote
                  .flatMap(p -> ManagedNote.owner(p.note()))
                  .filter(owner -> published.orphaned(pool, owner))
                  .ifPresent(
                      owner -> found.add(published.removal(pool, owner, Set.of(cluster.name()))));
              return found;
            });
  }

  /** A job other than a write: any failure goes back to the lane, counted against the cluster. */
  final <T> T checked(T result, Throwable failure) {
    if (failure == null) {
      health.succeeded();
      return result;
    }
    VtmException e = unwrap(failure);
    throw e.retryable() ? failed(e) : e;
  }

  private VtmException failed(VtmException e) {
    health.failed(e);
    if (e.retryable() && e.status() == VtmException.NO_STATUS) {
      cluster.invalidate(); // unreachable: it may come back upgraded, so negotiate again
      unreachable();
    }
    return e;
  }

  private static VtmException unwrap(Throwable failure) {
    Throwable t =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (t instanceof VtmException e) {
      return e;
    }
    throw t instanceof RuntimeException r ? r : new CompletionException(t);
  }

  /** A result known without asking the cluster (a recently acknowledged plan), if any. */
  protected Optional<WriteResult> withoutRequest(PoolPlan plan) {
    return Optional.empty();
  }

  /**
   * Applies one plan with requests to the cluster.
   *
   * @param readBack read the pool back even when the lane trusts what it acknowledged
   */
  protected abstract CompletableFuture<WriteResult> apply(
      VtmApi api, PoolPlan plan, boolean readBack);

  /** Called after a non-retryable refusal: nothing about the pool is trusted any more. */
  protected void refused(PoolPlan plan) {
    verified.forget(plan.pool());
    members.forget(plan.pool());
  }

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
            "vtm:" + cluster.name(),
            plan.pool(),
            outcome,
            plan.code(),
            diff == null ? PoolDiff.between(List.of(), List.of()) : diff,
            detail != null ? detail : plan.members().size() + " members")
        .triggeredAt(plan.triggeredAtNanos())
        .asDryRun(cluster.dryRun())
        .forService(plan.service());
  }
}
