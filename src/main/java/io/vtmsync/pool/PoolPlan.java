package io.vtmsync.pool;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The desired state of one vTM pool, as planned from Kubernetes: either members (code 200), or a
 * result code with an error text in the Service Discovery plugin's vocabulary (204 nothing found,
 * 400 bad input, 404 removed, 409 conflict, 500 source failure).
 *
 * @param pool the pool name (validated by {@link PoolName})
 * @param service the owning Service as {@code namespace/name}
 * @param clusters the vTM clusters this pool goes to; empty means all
 * @param members sorted numerically, without duplicates; empty unless code is 200
 * @param triggeredAtNanos {@link System#nanoTime()} of the event that led to this plan (0 if
 *     unknown): what the event-to-write lag is measured from; not part of what is written
 */
public record PoolPlan(
    String pool,
    String service,
    Set<String> clusters,
    int code,
    String error,
    List<Member> members,
    long triggeredAtNanos)
    implements io.vtmsync.queue.WorkQueue.Keyed {

  public static final int OK = 200;
  public static final int EMPTY = 204;
  public static final int BAD_INPUT = 400;
  public static final int REMOVED = 404;
  public static final int CONFLICT = 409;
  public static final int SOURCE_ERROR = 500;

  public PoolPlan {
    Objects.requireNonNull(pool, "pool");
    clusters = Set.copyOf(clusters);
    // Of two numerically equal members (one IP on two nodes, FD00::1 and fd00::1) the stronger
    // state is kept.
    members = List.copyOf(Members.sortedUnique(members));
    if (code == OK && error != null) {
      throw new IllegalArgumentException("a 200 plan carries no error");
    }
    if (code != OK && !members.isEmpty()) {
      throw new IllegalArgumentException("only a 200 plan has members");
    }
  }

  public static PoolPlan of(
      String pool, String service, Set<String> clusters, List<Member> members) {
    return new PoolPlan(pool, service, clusters, OK, null, members, 0);
  }

  public static PoolPlan failed(
      String pool, String service, Set<String> clusters, int code, String error) {
    return new PoolPlan(pool, service, clusters, code, Objects.requireNonNull(error), List.of(), 0);
  }

  public boolean ok() {
    return code == OK;
  }

  /** True when Kubernetes says there is nothing to route to (200 with no members, or 204). */
  public boolean empty() {
    return (code == OK || code == EMPTY) && members.isEmpty();
  }

  public boolean removed() {
    return code == REMOVED;
  }

  @Override
  public String queueKey() {
    return pool;
  }

  /** True when this plan goes to that vTM cluster (an empty cluster set means all). */
  public boolean targets(String cluster) {
    return clusters.isEmpty() || clusters.contains(cluster);
  }

  /** The same plan, stamped with the time of the event that triggered it. */
  public PoolPlan triggeredAt(long nanos) {
    return new PoolPlan(pool, service, clusters, code, error, members, nanos);
  }
}
