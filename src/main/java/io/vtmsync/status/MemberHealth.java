package io.vtmsync.status;

/**
 * vTM's own view of a pool's members on one cluster, as the cluster's lane last read it back, for
 * the status page's "vTM alive / dead" counts (bean {@code memberHealth}); "-" until read.
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
