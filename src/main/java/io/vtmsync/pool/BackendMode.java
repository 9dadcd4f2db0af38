package io.vtmsync.pool;

import java.util.Arrays;
import java.util.Locale;

/** How a Service port's backends become pool members. */
public enum BackendMode {
  /** {@code <node IP>:<nodePort>}, honouring externalTrafficPolicy (the original plugin's way). */
  NODEPORT,
  /** {@code <pod IP>:<targetPort>} of ready endpoints, for routed pod networks. */
  POD,
  /** {@code <node IP>:<hostPort>} of the pods behind the Service. */
  HOSTPORT;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BackendMode parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(m -> m.text().equals(t))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected nodeport, pod or hostport, got '" + text + "'"));
  }
}
