package io.vtmsync.sink;

import io.vtmsync.pool.PoolDiff;

/**
 * What a sink did with one pool plan on one target: the line an operator reads in the log.
 *
 * @param target {@code file} or a vTM cluster name
 * @param diff the member changes written (empty unless written)
 */
public record WriteResult(
    String target, String pool, Outcome outcome, int code, PoolDiff diff, String detail) {

  public enum Outcome {
    WRITTEN,
    UNCHANGED,
    HELD_EMPTY,
    HELD_ERROR,
    REMOVED,
    FAILED
  }

  /** Needs an operator's eye: held, failed, or an error document written. */
  public boolean problem() {
    return switch (outcome) {
      case HELD_EMPTY, HELD_ERROR, FAILED -> true;
      case WRITTEN -> code != 200;
      case UNCHANGED, REMOVED -> false;
    };
  }

  /** Worth a log line: anything but "nothing to do". */
  public boolean changed() {
    return outcome != Outcome.UNCHANGED;
  }

  @Override
  public String toString() {
    String what =
        switch (outcome) {
          case WRITTEN -> code == 200 ? "updated " + diff : "wrote code " + code + ": " + detail;
          case UNCHANGED -> "unchanged";
          case HELD_EMPTY -> "HELD last members: plan is empty (" + detail + ")";
          case HELD_ERROR ->
              "HELD last members: plan failed with code " + code + " (" + detail + ")";
          case REMOVED -> "removed: " + detail;
          case FAILED -> "FAILED: " + detail;
        };
    return target + " pool=" + pool + " " + what;
  }
}
