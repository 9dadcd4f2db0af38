package io.vtmsync.vtm;

import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.WriteResult;

/** What a vTM lane calls: apply one pool plan to its cluster, and keep its heartbeat fresh. */
public interface PoolWriter {

  /** Writes one plan; throws a retryable {@link VtmException} for the lane to retry later. */
  WriteResult write(PoolPlan plan);

  /** The removals due for pools we own on this cluster that nothing publishes any more. */
  java.util.List<PoolPlan> orphans(io.vtmsync.pool.PublishedPools published);

  /** Periodic liveness signal for the cluster's plugin; nothing by default. */
  default void heartbeat() {}

  /** Dry-run: plan and compare, write nothing. */
  default void dryRun(boolean on) {}

  /** Counts the cluster as down until a request succeeds (its password is not readable yet). */
  default void markDown() {}

  /** False while the cluster fails with retryable errors. */
  default boolean healthy() {
    return true;
  }
}
