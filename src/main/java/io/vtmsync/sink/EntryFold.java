package io.vtmsync.sink;

import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.SyncStatus.Counts;
import io.vtmsync.sink.SyncStatus.Entry;
import io.vtmsync.sink.SyncStatus.Planned;
import io.vtmsync.sink.WriteResult.Outcome;
import java.time.Instant;

/**
 * Folds each recorded {@link WriteResult} into its target's {@link Entry}: a few fields per result
 * and no lists, since it runs on every write.
 */
final class EntryFold {

  private EntryFold() {}

  /** The entry after {@code r}; {@code plan} is the pool's newest plan, or null. */
  static Entry next(Entry old, WriteResult r, Planned plan, Instant now, long nanos) {
    boolean changed =
        !r.dryRun() && (r.outcome() == Outcome.WRITTEN || r.outcome() == Outcome.REMOVED);
    boolean problem = r.problem();
    return new Entry(
        r,
        now,
        r.outcome() != Outcome.FAILED ? now : old == null ? null : old.lastSuccess(),
        plan != null ? plan.service() : old == null ? null : old.service(),
        members(old, r, plan),
        changed ? now : old == null ? null : old.lastChange(),
        changed ? lag(r, nanos) : old == null ? -1 : old.lagNanos(),
        problem ? problem(r) : old == null ? null : old.lastError(),
        problem ? now : old == null ? null : old.lastErrorAt());
  }

  private static long lag(WriteResult r, long nanos) {
    return r.triggeredAtNanos() == 0 ? -1 : nanos - r.triggeredAtNanos();
  }

  /**
   * The plan's counts only when this result applied exactly that plan (the same trigger time): a
   * lane that is behind, or a verifier's repair, must not claim a newer plan's members. Held and
   * failed plans leave the target as it was.
   */
  private static Counts members(Entry old, WriteResult r, Planned plan) {
    Counts before = old == null ? null : old.members();
    boolean exact =
        plan != null
            && r.triggeredAtNanos() != 0
            && plan.triggeredAtNanos() == r.triggeredAtNanos();
    return switch (r.outcome()) {
      case WRITTEN -> r.code() != PoolPlan.OK ? new Counts(0, 0) : exact ? plan.members() : before;
      case UNCHANGED -> exact || before == null && plan != null ? plan.members() : before;
      case REMOVED, FOREIGN -> null;
      case HELD_EMPTY, HELD_ERROR, FAILED, KEPT -> before;
    };
  }

  /** The problem in the words of the log line, without the target and pool the page shows. */
  private static String problem(WriteResult r) {
    return switch (r.outcome()) {
      case HELD_EMPTY ->
          (r.absent() ? "not created: " : "last members held: ")
              + "plan is empty ("
              + r.detail()
              + ")";
      case HELD_ERROR ->
          (r.absent() ? "not created: " : "last members held: ")
              + "plan failed with code "
              + r.code()
              + " ("
              + r.detail()
              + ")";
      case WRITTEN -> "wrote code " + r.code() + ": " + r.detail();
      default -> r.detail();
    };
  }
}
