package io.vtmsync.events;

import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.WriteResult;

/**
 * The Event reasons on a Service, and which sink results raise which: what a developer reads in
 * {@code kubectl describe service}.
 */
public final class Reasons {

  /** Normal: a target's members changed (written, or removed by the removed-pool policy). */
  public static final String POOL_SYNCED = "PoolSynced";

  /**
   * Warning: the pool was written without members, Kubernetes having nothing ready (a new pool, or
   * sync.empty-pool=apply).
   */
  public static final String POOL_EMPTY = "PoolEmpty";

  /** Warning: an empty or error plan was not applied; the target keeps what it had. */
  public static final String POOL_HELD = "PoolHeld";

  /** Warning: the vTM refused the write (its error id and text). */
  public static final String POOL_FAILED = "PoolFailed";

  /** Warning: a pool of that name exists on the target and is not ours. */
  public static final String POOL_NOT_OWNED = "PoolNotOwned";

  /** Warning: the Service's annotations (or port selection) fail: its pools are held. */
  public static final String INVALID_ANNOTATION = "InvalidAnnotation";

  /** Warning: another Service owns the pool name this Service asks for. */
  public static final String POOL_CONFLICT = "PoolConflict";

  /** Warning: a member ready in Kubernetes is dead on vTM (raised by the health read-back). */
  public static final String MEMBER_DOWN = "MemberDown";

  private Reasons() {}

  /**
   * The reason a result raises, or null for none (nothing changed, a pool kept by policy, a result
   * of no plan). A 400 a file sink writes for a pool never published is an error plan held.
   */
  public static String of(WriteResult r) {
    return switch (r.outcome()) {
      case WRITTEN -> written(r);
      case REMOVED -> POOL_SYNCED;
      case HELD_EMPTY, HELD_ERROR -> POOL_HELD;
      case FAILED -> POOL_FAILED;
      case FOREIGN -> POOL_NOT_OWNED;
      case UNCHANGED, KEPT -> null;
    };
  }

  private static String written(WriteResult r) {
    if (r.code() == PoolPlan.EMPTY) {
      return POOL_EMPTY;
    }
    if (r.code() != PoolPlan.OK) {
      return POOL_HELD;
    }
    return r.diff().isEmpty() ? null : POOL_SYNCED; // a repair rewrites, changes no member
  }

  public static String type(String reason) {
    return POOL_SYNCED.equals(reason) ? ServiceEvent.NORMAL : ServiceEvent.WARNING;
  }
}
