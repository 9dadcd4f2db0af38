package io.vtmsync.k8s;

import io.vtmsync.pool.BackendMode;
import java.util.Map;
import java.util.Set;

/**
 * Config-level defaults for exposure: the default mode and node address, a node selector, the
 * Services exposed by config ({@code namespace/name} to a port list, "" for the only port), and the
 * names of the configured vTM clusters (empty when there are none).
 */
public record ExposureDefaults(
    BackendMode mode,
    AddressType addressType,
    LabelSelector nodeSelector,
    Map<String, String> services,
    Set<String> clusters) {

  public ExposureDefaults {
    services = Map.copyOf(services);
    clusters = Set.copyOf(clusters);
  }

  public static ExposureDefaults standard() {
    return new ExposureDefaults(
        BackendMode.NODEPORT, AddressType.INTERNAL_IP, LabelSelector.ALL, Map.of(), Set.of());
  }

  public ExposureDefaults withServices(Map<String, String> list) {
    return new ExposureDefaults(mode, addressType, nodeSelector, list, clusters);
  }

  public ExposureDefaults withClusters(Set<String> names) {
    return new ExposureDefaults(mode, addressType, nodeSelector, services, names);
  }
}
