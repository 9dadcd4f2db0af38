package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.KubeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Picks the Service ports to expose, as the original plugin's {@code -p} did: by name, and without
 * a name only when the Service has exactly one port. Errors keep the original's wording and code.
 */
public final class PortSelection {

  private PortSelection() {}

  public static List<ServicePort> select(Service svc, Exposure.Spec spec) {
    List<ServicePort> all =
        svc.getSpec() == null || svc.getSpec().getPorts() == null
            ? List.of()
            : svc.getSpec().getPorts();
    if (spec.allPorts()) {
      if (all.isEmpty()) {
        throw notExactlyOne(svc, spec, "for all ports ('*')", all, all);
      }
      return all;
    }
    if (spec.ports().isEmpty()) {
      if (all.size() != 1) {
        throw notExactlyOne(svc, spec, "with no port name", all, all);
      }
      return all;
    }
    List<ServicePort> picked = new ArrayList<>();
    for (String name : spec.ports()) {
      List<ServicePort> named = all.stream().filter(p -> name.equals(p.getName())).toList();
      if (named.size() != 1) {
        throw notExactlyOne(svc, spec, "for port name '" + name + "'", named, all);
      }
      picked.add(named.get(0));
    }
    return picked;
  }

  /** The port's label in derived pool names: its name, or its number when it has none. */
  public static String label(ServicePort port) {
    String name = port.getName();
    return name == null || name.isEmpty() ? String.valueOf(port.getPort()) : name;
  }

  /**
   * The original's leading words, so that scripts matching them still work, then what was asked for
   * and what the Service offers, so that the reader need not run kubectl to fix it.
   */
  private static PlanException notExactlyOne(
      Service svc,
      Exposure.Spec spec,
      String asked,
      List<ServicePort> found,
      List<ServicePort> all) {
    boolean nodePorts = spec.mode() == BackendMode.NODEPORT;
    String list =
        found.stream()
            .map(p -> nodePorts ? p.getNodePort() : p.getPort())
            .filter(Objects::nonNull)
            .map(String::valueOf)
            .collect(Collectors.joining(" "));
    String offered =
        all.isEmpty()
            ? "no ports"
            : "ports "
                + all.stream().map(p -> describe(p, nodePorts)).collect(Collectors.joining(", "));
    return new PlanException(
        PoolPlan.BAD_INPUT,
        "Didn't get exactly one "
            + (nodePorts ? "nodePort" : "port")
            + ": '"
            + list
            + "' "
            + asked
            + "; Service '"
            + KubeNames.key(svc)
            + "' has "
            + offered
            + "; check the Service and/or the port name ("
            + io.vtmsync.k8s.Annotations.PORT
            + " or --port)");
  }

  private static String describe(ServicePort p, boolean nodePorts) {
    String name = p.getName() == null || p.getName().isEmpty() ? "(unnamed)" : p.getName();
    return name
        + " (port "
        + p.getPort()
        + (!nodePorts
            ? ""
            : p.getNodePort() == null ? ", no nodePort" : ", nodePort " + p.getNodePort())
        + ")";
  }
}
