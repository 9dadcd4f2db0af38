package io.vtmsync.vtm;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a vTM cluster answers, logged once per transition: one WARN when writes start failing
 * (down, timing out, 5xx) and one INFO when they succeed again, instead of one line per pool and
 * retry.
 */
final class ClusterHealth {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterHealth.class);

  private final String cluster;
  private final AtomicLong failingSince = new AtomicLong();

  ClusterHealth(String cluster) {
    this.cluster = cluster;
  }

  boolean healthy() {
    return failingSince.get() == 0;
  }

  void failed(VtmException e) {
    if (failingSince.compareAndSet(0, System.nanoTime())) {
      LOG.warn(
          "vTM cluster {} is failing: {}. Writes wait in its lane (newest plan per pool) and are"
              + " retried with backoff; other clusters are not affected",
          cluster,
          e.getMessage());
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
