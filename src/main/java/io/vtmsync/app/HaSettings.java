package io.vtmsync.app;

import java.util.List;

/**
 * Leader election settings ({@code ha.*}). Off: this process always writes. On: only the holder of
 * the Kubernetes Lease {@code ha.lease-name} writes; the others keep their caches warm.
 */
public record HaSettings(
    boolean enabled,
    String leaseName,
    String namespace,
    String podName,
    long leaseDurationMs,
    long renewDeadlineMs,
    long retryPeriodMs) {

  static final List<String> KEYS =
      List.of(
          "ha.enabled",
          "ha.lease-name",
          "ha.namespace",
          "ha.pod-name",
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
            r.number("ha.lease-duration-ms", 15_000, 1000, 600_000),
            r.number("ha.renew-deadline-ms", 10_000, 500, 600_000),
            r.number("ha.retry-period-ms", 2_000, 100, 600_000));
    if (h.enabled && h.leaseDurationMs % 1000 != 0) {
      // The Lease stores whole seconds: 2500 would be written as 2, and the standby would take
      // over before the leader's renew deadline demotes it.
      throw new IllegalArgumentException(
          "config key ha.lease-duration-ms must be a whole number of seconds (the Lease stores"
              + " seconds)");
    }
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
}
