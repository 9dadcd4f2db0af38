package io.vtmsync.pool;

import java.util.List;
import java.util.Locale;

/**
 * The fail-static rules every sink applies before it writes: an empty plan (nothing ready in
 * Kubernetes) does not wipe a target that has members unless the operator chose {@code apply}; and
 * an error plan (bad annotation, conflict, source trouble) never changes a pool the target has.
 * Removals are explicit decisions and always go through.
 */
public final class SafeWritePolicy {

  /** What to do with an empty plan when the target still has members. */
  public enum EmptyPool {
    /** Keep the last members and report the pool as held (the default: no blackholing). */
    HOLD,
    /** Write the empty result. */
    APPLY;

    public static EmptyPool parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("expected hold or apply, got '" + text + "'");
      }
    }
  }

  public enum Decision {
    WRITE,
    HOLD_EMPTY,
    HOLD_ERROR
  }

  private final EmptyPool emptyPool;

  public SafeWritePolicy(EmptyPool emptyPool) {
    this.emptyPool = emptyPool;
  }

  /**
   * @param current the target's members now, or null when the target has no pool yet (or only an
   *     error document, which a newer error may replace)
   */
  public Decision decide(List<Member> current, PoolPlan plan) {
    if (plan.removed() || plan.ok() && !plan.empty()) {
      return Decision.WRITE;
    }
    if (plan.empty()) {
      boolean targetHasMembers = current != null && !current.isEmpty();
      return targetHasMembers && emptyPool == EmptyPool.HOLD ? Decision.HOLD_EMPTY : Decision.WRITE;
    }
    // Bad input or a conflict is not a statement about the backends: an error never changes a
    // pool the target has, not even an empty one; it only names a pool the target lacks.
    return current == null ? Decision.WRITE : Decision.HOLD_ERROR;
  }
}
