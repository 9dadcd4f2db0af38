package io.vtmsync.events;

import java.time.Duration;

/**
 * A passive token bucket, as client-go's spam filter keeps one per source and object: full at first
 * ({@code burst} tokens), one token back per {@code refill}, never more than the burst.
 */
final class TokenBucket {

  private final int burst;
  private final long refillNanos;
  private double tokens;
  private long lastNanos;

  TokenBucket(int burst, Duration refill, long nowNanos) {
    if (burst < 1 || refill.isNegative() || refill.isZero()) {
      throw new IllegalArgumentException("need burst >= 1 and a positive refill");
    }
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes a token if there is one; never waits. */
  boolean tryAccept(long nowNanos) {
    // A clock that steps back refills nothing rather than draining the bucket.
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(burst, tokens + (double) elapsed / refillNanos);
    lastNanos = Math.max(lastNanos, nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
