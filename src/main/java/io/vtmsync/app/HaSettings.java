package io.vtmsync.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leader election settings ({@code ha.*}). Off: this process always writes. On: only the holder of
 * the Kubernetes Lease {@code ha.lease-name} writes; the others keep their caches warm.
 */
public record HaSettings(
    boolean enabled,
    String leaseName,
    String namespace,
    String podName,
    Map<String, String> clusterLabels,
    long leaseDurationMs,
    long renewDeadlineMs,
    long retryPeriodMs) {

  static final List<String> KEYS =
      List.of(
          "ha.enabled",
          "ha.lease-name",
          "ha.namespace",
          "ha.pod-name",
          "ha.cluster-labels",
          "ha.lease-duration-ms",
          "ha.renew-deadline-ms",
          "ha.retry-period-ms");

  static HaSettings read(Settings.Reader r) {
    HaSettings h =
        new HaSettings(
            r.bool("ha.enabled", false),
            r.text("ha.lease-name", "vtm-k8s-sync"),
            r.text("ha.namespace", ""),
            r.text("ha.pod-name", ""),
            r.parse("ha.cluster-labels", "app.kubernetes.io/name=vtm-k8s-sync", HaSettings::labels),
            r.number("ha.lease-duration-ms", 15_000, 1000, 600_000),
            r.number("ha.renew-deadline-ms", 10_000, 500, 600_000),
            r.number("ha.retry-period-ms", 2_000, 100, 600_000));
    if (h.enabled && h.leaseDurationMs <= h.renewDeadlineMs) {
      throw new IllegalArgumentException(
          "config key ha.lease-duration-ms must be greater than ha.renew-deadline-ms");
    }
    if (h.enabled && h.renewDeadlineMs <= 1.2 * h.retryPeriodMs) {
      throw new IllegalArgumentException(
          "config key ha.renew-deadline-ms must be greater than 1.2 x ha.retry-period-ms");
    }
    return h;
  }

  private static Map<String, String> labels(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String term : raw.split(",")) {
      String[] kv = term.trim().split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new IllegalArgumentException("expected key=value pairs, comma-separated");
      }
      out.put(kv[0].trim(), kv[1].trim());
    }
    return out;
  }
}
