package io.vtmsync.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request as the simulator received it, with the status it answered.
 *
 * @param at when the request arrived
 * @param method HTTP method
 * @param path raw (still URL-encoded) request path, without the query string
 * @param contentType the request's Content-Type header, or null
 * @param body request body bytes (empty when none)
 * @param status the HTTP status the simulator answered with
 * @param headers every request header as received, by name (as the JDK server spells it)
 */
public record RecordedRequest(
    Instant at,
    String method,
    String path,
    String contentType,
    byte[] body,
    int status,
    Map<String, List<String>> headers) {

  public RecordedRequest {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  /** The body decoded as UTF-8, for assertions and debugging. */
  public String bodyText() {
    return new String(body, java.nio.charset.StandardCharsets.UTF_8);
  }
}
