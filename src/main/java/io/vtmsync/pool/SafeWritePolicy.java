package io.vtmsync.pool;

import java.util.List;
import java.util.Locale;

/**
 * The fail-static rules every sink applies before it writes: an empty plan (nothing ready in
 * Kubernetes) does not wipe a target that has members unless the operator chose {@code apply}; and
 * an error plan (bad annotation, conflict, source trouble) never replaces good members. Removals
 * are explicit decisions and always go through.
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
   * @param current the target's members now, or null when the target has no pool yet
   */
  public Decision decide(List<Member> current, PoolPlan plan) {
    boolean targetHasMembers = current != null && !current.isEmpty();
    if (plan.removed() || !targetHasMembers || plan.ok() && !plan.empty()) {
      return Decision.WRITE;
    }
    if (plan.empty()) {
      return emptyPool == EmptyPool.HOLD ? Decision.HOLD_EMPTY : Decision.WRITE;
    }
    return Decision.HOLD_ERROR;
  }
}
