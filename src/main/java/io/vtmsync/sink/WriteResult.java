package io.vtmsync.sink;

import io.vtmsync.pool.PoolDiff;

/**
 * What a sink did with one pool plan on one target: the line an operator reads in the log.
 *
 * @param target {@code file} or {@code vtm:<cluster>}
 * @param diff the member changes written (empty unless written)
 * @param absent the target has no such pool: a held plan kept nothing and created nothing
 * @param service the Service the plan came from ({@code namespace/name}), or null when no plan did
 *     (a file repaired by the sweep): where Kubernetes Events about this result go
 */
public record WriteResult(
    String target,
    String pool,
    Outcome outcome,
    int code,
    PoolDiff diff,
    String detail,
    boolean repeat,
    long triggeredAtNanos,
    boolean dryRun,
    boolean absent,
    String service) {

  public WriteResult(
      String target, String pool, Outcome outcome, int code, PoolDiff diff, String detail) {
    this(target, pool, outcome, code, diff, detail, false, 0, false, false, null);
  }

  /** The same result, with the trigger time of the plan it applied (for the lag metric). */
  public WriteResult triggeredAt(long nanos) {
    return new WriteResult(
        target, pool, outcome, code, diff, detail, repeat, nanos, dryRun, absent, service);
  }

  /** The same result again (a foreign pool at every resync): logged once, not every time. */
  public WriteResult asRepeat() {
    return new WriteResult(
        target, pool, outcome, code, diff, detail, true, triggeredAtNanos, dryRun, absent, service);
  }

  /** The same result, marked as planned but not written (--dry-run). */
  public WriteResult asDryRun(boolean on) {
    return new WriteResult(
        target, pool, outcome, code, diff, detail, repeat, triggeredAtNanos, on, absent, service);
  }

  /** The same held result, for a pool the target does not have: nothing was created. */
  public WriteResult asAbsent() {
    return new WriteResult(
        target, pool, outcome, code, diff, detail, repeat, triggeredAtNanos, dryRun, true, service);
  }

  /** The same result, naming the Service whose plan it applied. */
  public WriteResult forService(String key) {
    return new WriteResult(
        target, pool, outcome, code, diff, detail, repeat, triggeredAtNanos, dryRun, absent, key);
  }

  public enum Outcome {
    WRITTEN,
    UNCHANGED,
    HELD_EMPTY,
    HELD_ERROR,
    REMOVED,
    /** The Service is gone and the removed-pool policy keeps the pool as it is. */
    KEPT,
    /** A pool of that name exists on the target and is not ours: left alone. */
    FOREIGN,
    FAILED
  }

  /** Needs an operator's eye: held, failed, or an error document written. */
  public boolean problem() {
    return switch (outcome) {
      case HELD_EMPTY, HELD_ERROR, FAILED, FOREIGN -> true;
      case WRITTEN -> code != 200;
      case UNCHANGED, REMOVED, KEPT -> false;
    };
  }

  /** Worth a log line: anything but "nothing to do". */
  public boolean changed() {
    return outcome != Outcome.UNCHANGED && !repeat;
  }

  @Override
  public String toString() {
    String what =
        switch (outcome) {
          case WRITTEN ->
              code != 200
                  ? "wrote code " + code + ": " + detail
                  : ("created".equals(detail) ? "created " : "updated ") + diff;
          case UNCHANGED -> "unchanged";
          case HELD_EMPTY -> held() + "plan is empty (" + detail + ")";
          case HELD_ERROR -> held() + "plan failed with code " + code + " (" + detail + ")";
          case REMOVED -> "removed: " + detail;
          case KEPT -> "kept as it is: " + detail;
          case FOREIGN -> "LEFT ALONE: " + detail;
          case FAILED -> "FAILED: " + detail;
        };
    return (dryRun ? "[dry-run, nothing written] " : "") + target + " pool=" + pool + " " + what;
  }

  private String held() {
    return absent ? "not created: " : "HELD last members: ";
  }
}
