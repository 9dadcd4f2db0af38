package io.vtmsync.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault-injection settings of one simulator: delay, a budget of failing answers, bad JSON, abusive
 * bodies.
 */
final class Faults {
  /** Which requests get an abusive body: a method and a raw path, or a path prefix ending in *. */
  private record BodyScope(BodyFault fault, String method, String path) {
    boolean matches(String m, String rawPath) {
      return method.equals(m)
          && (path.endsWith("*")
              ? rawPath.startsWith(path.substring(0, path.length() - 1))
              : rawPath.equals(path));
    }
  }

  private volatile Duration delay = Duration.ZERO;
  private volatile boolean malformed;
  private volatile BodyScope body;
  private final AtomicInteger bodiesCutShort = new AtomicInteger();
  private int failRemaining;
  private int failStatus;

  void setDelay(Duration perRequest) {
    if (perRequest == null || perRequest.isNegative()) {
      throw new IllegalArgumentException("delay must be zero or positive");
    }
    delay = perRequest;
  }

  void pause() {
    Duration current = delay;
    if (current.isZero()) {
      return;
    }
    try {
      Thread.sleep(current.toMillis(), current.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized void failNext(int count, int status) {
    if (count < 0 || status < 100 || status > 599) {
      throw new IllegalArgumentException("need count >= 0 and an HTTP status, got " + status);
    }
    failRemaining = count;
    failStatus = status;
  }

  /** Consumes one injected failure, if any is left. */
  synchronized OptionalInt takeFailure() {
    if (failRemaining == 0) {
      return OptionalInt.empty();
    }
    failRemaining--;
    return OptionalInt.of(failStatus);
  }

  void setMalformed(boolean on) {
    malformed = on;
  }

  /** Cuts a JSON body in half, which never leaves a complete JSON document behind. */
  SimResponse corruptIfEnabled(SimResponse response) {
    if (!malformed || !response.isSuccessfulJson()) {
      return response;
    }
    byte[] body = response.body();
    byte[] cut = body.length < 2 ? new byte[] {'{'} : Arrays.copyOf(body, body.length / 2);
    return new SimResponse(response.status(), response.contentType(), cut, response.headers());
  }

  /** fault null clears it; path "/api/tm/" matches only itself, "/api/tm/*" everything below. */
  void setBodyFault(BodyFault fault, String method, String path) {
    body = fault == null ? null : new BodyScope(fault, method, path);
  }

  Optional<BodyFault> bodyFault(String method, String rawPath) {
    BodyScope scope = body;
    return scope != null && scope.matches(method, rawPath)
        ? Optional.of(scope.fault())
        : Optional.empty();
  }

  void bodyCutShort() {
    bodiesCutShort.incrementAndGet();
  }

  int bodiesCutShort() {
    return bodiesCutShort.get();
  }
}
