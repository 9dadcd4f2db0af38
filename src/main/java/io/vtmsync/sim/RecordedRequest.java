package io.vtmsync.sim;

import java.time.Instant;

/**
 * One request as the simulator received it, with the status it answered.
 *
 * @param at when the request arrived
 * @param method HTTP method
 * @param path raw (still URL-encoded) request path, without the query string
 * @param contentType the request's Content-Type header, or null
 * @param body request body bytes (empty when none)
 * @param status the HTTP status the simulator answered with
 */
public record RecordedRequest(
    Instant at, String method, String path, String contentType, byte[] body, int status) {

  /** The body decoded as UTF-8, for assertions and debugging. */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
