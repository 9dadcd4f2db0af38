package io.vtmsync.app;

import io.vtmsync.vtm.RemovedPoolPolicy;
import io.vtmsync.vtm.VtmClusterConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The vTM side of the settings: the clusters named in {@code vtm.clusters}, each configured by
 * {@code vtm.<name>.*} keys, and the policies every lane applies. Adding a cluster is adding its
 * name and its keys; no route or Java changes.
 */
public record VtmSettings(
    List<VtmClusterConfig> clusters,
    RemovedPoolPolicy removedPool,
    boolean adoptExisting,
    long verifyPeriodMs,
    long retryBaseMs,
    long retryMaxMs,
    long heartbeatMs,
    Set<String> serviceDiscovery,
    Map<String, Double> readRates,
    long memberDownAfterMs) {

  static final List<String> KEYS =
      List.of(
          "vtm.clusters",
          "vtm.removed-pool",
          "vtm.adopt-existing",
          "vtm.verify-period-ms",
          "vtm.retry-base-ms",
          "vtm.retry-max-ms",
          "vtm.heartbeat-period-ms",
          "vtm.read-rate",
          "vtm.member-down-after-ms");

  /** The keys each cluster may set, as {@code vtm.<name>.<key>}. */
  static final List<String> CLUSTER_KEYS =
      List.of(
          "url",
          "username",
          "password-file",
          "password-env",
          "ca-file",
          "insecure",
          "api-version",
          "concurrency",
          "timeout-ms",
          "service-discovery",
          "read-rate");

  public Set<String> names() {
    Set<String> out = new LinkedHashSet<>();
    clusters.forEach(c -> out.add(c.name()));
    return out;
  }

  static VtmSettings read(
      Settings.Reader r, Function<String, String> props, Collection<String> keys) {
    List<String> names =
        Arrays.stream(r.text("vtm.clusters", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    checkKeys(keys, names);
    List<VtmClusterConfig> clusters = new ArrayList<>();
    Set<String> sd = new LinkedHashSet<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    String rate = r.text("vtm.read-rate", "5");
    r.parse("vtm.read-rate", rate, VtmSettings::rate);
    for (String name : names) {
      clusters.add(VtmClusterConfig.fromProperties(name, props));
      if (r.bool("vtm." + name + ".service-discovery", false)) {
        sd.add(name);
      }
      rates.put(name, r.parse("vtm." + name + ".read-rate", rate, VtmSettings::rate));
    }
    return new VtmSettings(
        List.copyOf(clusters),
        r.parse("vtm.removed-pool", "keep", RemovedPoolPolicy::parse),
        r.bool("vtm.adopt-existing", false),
        r.number("vtm.verify-period-ms", 60_000, 1000, 86_400_000),
        r.number("vtm.retry-base-ms", 500, 1, 60_000),
        r.number("vtm.retry-max-ms", 30_000, 1, 3_600_000),
        r.number("vtm.heartbeat-period-ms", 60_000, 1000, 3_600_000),
        Set.copyOf(sd),
        Map.copyOf(rates),
        r.number("vtm.member-down-after-ms", 60_000, 0, 86_400_000));
  }

  /** Read-backs per second: 0 (never) or 0.01 to 1000. */
  private static double rate(String raw) {
    double v;
    try {
      v = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (!(v == 0 || (v >= 0.01 && v <= 1000))) {
      throw new IllegalArgumentException("must be 0 (never) or within 0.01-1000 per second");
    }
    return v;
  }

  private static void checkKeys(Collection<String> keys, List<String> names) {
    for (String key : keys) {
      if (!key.startsWith("vtm.") || KEYS.contains(key)) {
        continue;
      }
      String rest = key.substring(4);
      int dot = rest.indexOf('.');
      String name = dot < 0 ? rest : rest.substring(0, dot);
      String sub = dot < 0 ? "" : rest.substring(dot + 1);
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "config key '" + key + "': no vTM cluster '" + name + "' in vtm.clusters " + names);
      }
      if (!CLUSTER_KEYS.contains(sub)) {
        throw new IllegalArgumentException(
            "unknown config key '" + key + "'; a cluster takes " + CLUSTER_KEYS);
      }
    }
  }
}
