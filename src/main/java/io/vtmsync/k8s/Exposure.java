package io.vtmsync.k8s;

import io.vtmsync.pool.BackendMode;
import java.util.List;
import java.util.Set;

/** Whether and how a Service is exposed to vTM, as read from its annotations and the config. */
public sealed interface Exposure {

  /** The Service is not ours to sync. */
  record NotExposed() implements Exposure {}

  /** The Service opted in but its settings are wrong; the message names the bad value. */
  record Invalid(String message) implements Exposure {}

  /**
   * The Service opted in.
   *
   * @param ports port names to expose; empty = the Service's only port; {@code ["*"]} = all ports
   * @param pool an explicit pool name, or null to derive one per port
   * @param clusters target vTM clusters; empty = all
   */
  record Spec(
      BackendMode mode,
      List<String> ports,
      String pool,
      Set<String> clusters,
      AddressType addressType,
      LabelSelector nodeSelector)
      implements Exposure {

    public Spec {
      ports = List.copyOf(ports);
      clusters = Set.copyOf(clusters);
    }

    public boolean allPorts() {
      return ports.equals(List.of("*"));
    }
  }
}
