package io.vtmsync.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;

/** Fault-injection settings of one simulator: delay, a budget of failing answers, bad JSON. */
final class Faults {
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean malformed;
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
}
