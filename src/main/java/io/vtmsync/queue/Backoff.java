package io.vtmsync.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base, 2x base, 4x base ... up to max, each +/-20%. */
public record Backoff(Duration base, Duration max) {

  public Backoff {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + " and " + max);
    }
  }

  /** Delay before attempt number {@code attempt} (1 = first retry). */
  public long delayNanos(int attempt) {
    long raw = base.toNanos();
    for (int i = 1; i < attempt && raw < max.toNanos(); i++) {
      raw *= 2;
    }
    raw = Math.min(raw, max.toNanos());
    return (long) (raw * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
  }
}
