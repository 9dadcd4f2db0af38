package io.vtmsync.status;

/**
 * vTM's own view of a pool's members on one cluster (issue 12, item 2: member health read back),
 * for the status page's "vTM alive / dead" counts; bound as bean {@code memberHealth} by the work
 * that reads it. Until then every count is unknown and the page shows "-".
 */
@FunctionalInterface
public interface MemberHealth {

  /** Members vTM calls alive and dead. */
  record Counts(int alive, int dead) {}

  /** Nothing is known: no member health is read back yet. */
  MemberHealth NONE = (cluster, pool) -> null;

  /** The counts for that pool on that vTM cluster, or null when not known. */
  Counts of(String cluster, String pool);
}
