package io.vtmsync.vtm;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a vTM cluster answers, logged once per transition: one WARN when writes start failing
 * (down, timing out, 5xx, or no request could be sent) and one INFO when they succeed again,
 * instead of one line per pool and retry.
 */
final class ClusterHealth {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterHealth.class);

  private final String cluster;
  private final AtomicLong failingSince = new AtomicLong();
  // The newest failure's text, for the status page; only read while failing.
  private volatile String problem;

  ClusterHealth(String cluster) {
    this.cluster = cluster;
  }

  boolean healthy() {
    return failingSince.get() == 0;
  }

  /** Why the cluster counts as down, or null while it answers. */
  String problem() {
    return healthy() ? null : problem;
  }

  /** Down from the start, without a line of its own: the caller has said why. */
  void markDown(String why) {
    problem = why;
    failingSince.compareAndSet(0, System.nanoTime());
  }

  void failed(VtmException e) {
    problem = e.getMessage();
    if (failingSince.compareAndSet(0, System.nanoTime())) {
      LOG.warn(
          "vTM cluster {} is failing: {}. {}; other clusters are not affected",
          cluster,
          e.getMessage(),
          e.retryable()
              ? "Writes wait in its lane (newest plan per pool) and are retried with backoff"
              : "Nothing was sent; writes are tried again at the next change or resync");
    }
  }

  void succeeded() {
    long since = failingSince.getAndSet(0);
    if (since != 0) {
      LOG.info(
          "vTM cluster {} answers again after {} s; converging its pools",
          cluster,
          (System.nanoTime() - since) / 1_000_000_000);
    }
  }
}
