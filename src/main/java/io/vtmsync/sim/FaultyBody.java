package io.vtmsync.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes a {@link BodyFault}'s body. Every loop is bounded by bytes and time as well as by the
 * client, so a fault can never keep a simulator thread busy after its test.
 */
final class FaultyBody {
  static final long OVERSIZED_BYTES = 20L * 1024 * 1024;
  static final long ENDLESS_MAX_BYTES = 2L * 1024 * 1024 * 1024;
  static final Duration MAX_TIME = Duration.ofSeconds(60);
  static final int TRICKLE_BYTES = 16;
  static final Duration TRICKLE_PAUSE = Duration.ofMillis(100);

  // A pool listing that never ends: looks like JSON to anything that only peeks at the start.
  private static final byte[] START = "{\"children\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PATTERN = pattern(64 * 1024);

  private FaultyBody() {}

  /**
   * Sends status 200 and the fault's body.
   *
   * @return false when the client went away (a write failed) before the body was written out
   */
  static boolean send(HttpExchange exchange, BodyFault fault) {
    long deadline = System.nanoTime() + MAX_TIME.toNanos();
    exchange.getResponseHeaders().set("Content-Type", SimResponse.JSON);
    try {
      // A length of 0 asks the JDK server for chunked encoding: no length at all.
      exchange.sendResponseHeaders(200, fault == BodyFault.OVERSIZED ? OVERSIZED_BYTES : 0);
      OutputStream out = exchange.getResponseBody();
      out.write(START);
      switch (fault) {
        case OVERSIZED -> write(out, OVERSIZED_BYTES - START.length, deadline, 0);
        case ENDLESS -> write(out, ENDLESS_MAX_BYTES, deadline, 0);
        case TRICKLE -> write(out, Long.MAX_VALUE, deadline, TRICKLE_BYTES);
      }
      out.close();
      return true;
    } catch (IOException e) {
      return false; // the client stopped reading and closed the connection: what we wait for
    }
  }

  /** Writes up to total bytes before the deadline; slice > 0 writes that much per pause. */
  private static void write(OutputStream out, long total, long deadline, int slice)
      throws IOException {
    long left = total;
    while (left > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      int n = (int) Math.min(left, slice > 0 ? slice : PATTERN.length);
      out.write(PATTERN, 0, n);
      left -= n;
      if (slice > 0) {
        out.flush();
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(TRICKLE_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the simulator is closing: the loop ends
    }
  }

  private static byte[] pattern(int size) {
    byte[] entry =
        "{\"name\":\"pool\",\"href\":\"/api/tm/8.3/config/active/pools/pool\"},"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = entry[i % entry.length];
    }
    return out;
  }
}
