package io.vtmsync.vtm;

import java.util.Locale;

/**
 * What happens on a vTM cluster to a managed pool whose Service is gone. The default, {@code keep},
 * changes nothing: removing or emptying a pool that a virtual server may still use is a decision
 * for the operator, and vTM's health monitors already stop traffic to nodes that no longer answer.
 */
public enum RemovedPoolPolicy {
  /** Leave the pool as it is (default). */
  KEEP,
  /** Set every member to draining: existing connections finish, no new ones. */
  DRAIN,
  /** Write an empty node table. */
  EMPTY,
  /** Delete the pool (only pools we created). */
  DELETE;

  public static RemovedPoolPolicy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected keep, drain, empty or delete, got '" + text + "'");
    }
  }
}
