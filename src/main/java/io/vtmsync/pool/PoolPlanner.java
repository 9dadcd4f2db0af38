package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.vtmsync.k8s.Backend;
import io.vtmsync.k8s.Backends;
import io.vtmsync.k8s.ClusterView;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the pools of one Service from the cluster view: which ports, which members, in which state.
 * Pure: reads the view, writes nothing. Bad input becomes a failed plan, never an exception.
 */
public final class PoolPlanner {

  private final ClusterView view;
  private final ExposureReader exposure;
  private final int notReadyGuardPercent;

  public PoolPlanner(ClusterView view, ExposureReader exposure, int notReadyGuardPercent) {
    this.view = view;
    this.exposure = exposure;
    this.notReadyGuardPercent = notReadyGuardPercent;
  }

  /** The pools of the Service {@code namespace/name}; empty when it is gone or not exposed. */
  public List<PoolPlan> plan(String serviceKey) {
    return planService(serviceKey).pools();
  }

  /**
   * The Service {@code namespace/name} planned whole: its pools, and whether it is held because its
   * settings failed (then its plans are 400s under the names its settings still give).
   */
  public ServicePlan planService(String serviceKey) {
    String[] ns = KubeNames.split(serviceKey);
    Optional<Service> svc = view.service(ns[0], ns[1]);
    if (svc.isEmpty()) {
      return ServicePlan.none(serviceKey);
    }
    Exposure e = exposure.read(svc.get());
    if (e instanceof Exposure.Invalid invalid) {
      return held(svc.get(), invalid.names(), Set.of(), invalid.message());
    }
    return e instanceof Exposure.Spec spec ? plan(svc.get(), spec) : ServicePlan.none(serviceKey);
  }

  /** The pools of a Service under the given settings (the render command passes its flags). */
  public ServicePlan plan(Service svc, Exposure.Spec spec) {
    String key = KubeNames.key(svc);
    List<ServicePort> ports;
    try {
      ports = PortSelection.select(svc, spec);
    } catch (PlanException ex) {
      return held(svc, spec.names(), spec.clusters(), ex.getMessage());
    }
    MemberPlanner members =
        new MemberPlanner(
            view, NodeEligibility.assess(view.nodes(), notReadyGuardPercent), spec.weight());
    List<PoolPlan> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ServicePort port : ports) {
      String pool = spec.pool() != null ? spec.pool() : derived(svc, PortSelection.label(port));
      if (PoolName.isValid(pool)) {
        out.add(planPort(members, svc, port, spec, pool));
      } else {
        // Only a port name the API server refuses gets here: no file may be named after it.
        problems.add(
            "Service '"
                + key
                + "' port '"
                + PortSelection.label(port)
                + "': "
                + PoolName.problem(pool));
      }
    }
    // A pool named explicitly may be shared with same-named pools of other Kubernetes sources.
    return ServicePlan.of(key, out).withProblems(problems).withMergeable(spec.pool() != null);
  }

  /**
   * The names a Service's settings give its pools, when they can be told: its pool annotation, or
   * one derived name per selected port (every port for {@code *}; the only port when none is
   * named). Used for held Services, so that a pool never published gets its 400 document under the
   * name it would have had.
   */
  public static List<String> poolNames(Service svc, Exposure.Names names) {
    if (names == null) {
      return List.of();
    }
    if (names.pool() != null) {
      return List.of(names.pool());
    }
    List<ServicePort> all =
        svc.getSpec() == null || svc.getSpec().getPorts() == null
            ? List.of()
            : svc.getSpec().getPorts();
    List<String> labels =
        names.allPorts() || (names.ports().isEmpty() && all.size() == 1)
            ? all.stream().map(PortSelection::label).toList()
            : names.ports();
    return labels.stream().map(l -> derived(svc, l)).filter(PoolName::isValid).distinct().toList();
  }

  private static ServicePlan held(
      Service svc, Exposure.Names names, Set<String> clusters, String message) {
    String key = KubeNames.key(svc);
    String error = naming(key, message);
    List<PoolPlan> plans =
        poolNames(svc, names).stream()
            .map(pool -> PoolPlan.failed(pool, key, clusters, PoolPlan.BAD_INPUT, error))
            .toList();
    return ServicePlan.held(key, plans, error).withMergeable(names != null && names.pool() != null);
  }

  private PoolPlan planPort(
      MemberPlanner members, Service svc, ServicePort port, Exposure.Spec spec, String pool) {
    String key = KubeNames.key(svc);
    try {
      return PoolPlan.of(pool, key, spec.clusters(), members(members, svc, port, spec));
    } catch (PlanException ex) {
      return PoolPlan.failed(pool, key, spec.clusters(), ex.code(), naming(key, ex.getMessage()));
    }
  }

  private List<Member> members(
      MemberPlanner planner, Service svc, ServicePort port, Exposure.Spec spec) {
    String ns = svc.getMetadata().getNamespace();
    Boolean ipv6 = primaryFamilyIsV6(svc);
    if (spec.mode() == BackendMode.NODEPORT) {
      requireNodePortType(svc);
    }
    List<Backend> backends =
        Backends.of(view.endpointSlices(ns, svc.getMetadata().getName()), port, ipv6);
    List<Member> members =
        switch (spec.mode()) {
          case NODEPORT -> planner.nodePort(nodePort(svc, port), local(svc), spec, ipv6, backends);
          case POD -> planner.pod(backends);
          case HOSTPORT -> planner.hostPort(ns, port, spec, ipv6, backends);
        };
    if (members.isEmpty()) {
      throw new PlanException(
          PoolPlan.EMPTY,
          "Service '"
              + KubeNames.key(svc)
              + "' port '"
              + PortSelection.label(port)
              + "' has "
              + (backends.isEmpty() ? "no ready endpoints" : "no endpoints on a usable node"));
    }
    return members;
  }

  private static void requireNodePortType(Service svc) {
    String type = svc.getSpec() == null ? null : svc.getSpec().getType();
    if (!"NodePort".equals(type) && !"LoadBalancer".equals(type)) {
      throw new PlanException(
          PoolPlan.BAD_INPUT,
          "Specified Service '"
              + KubeNames.key(svc)
              + "' is not of type 'NodePort' or 'LoadBalancer'");
    }
  }

  private static int nodePort(Service svc, ServicePort port) {
    Integer np = port.getNodePort();
    if (np == null || np < 1 || np > 65535) {
      throw new PlanException(
          PoolPlan.BAD_INPUT,
          "Service '"
              + KubeNames.key(svc)
              + "' port '"
              + PortSelection.label(port)
              + "' has no nodePort (is allocateLoadBalancerNodePorts false?)");
    }
    return np;
  }

  private static boolean local(Service svc) {
    return "Local".equals(svc.getSpec().getExternalTrafficPolicy());
  }

  private static Boolean primaryFamilyIsV6(Service svc) {
    List<String> families = svc.getSpec() == null ? null : svc.getSpec().getIpFamilies();
    return families == null || families.isEmpty() ? null : "IPv6".equals(families.get(0));
  }

  /** Every error names the Service it is about (a pod's error names the pod too). */
  private static String naming(String service, String message) {
    return message.contains("'" + service + "'")
        ? message
        : "Service '" + service + "': " + message;
  }

  private static String derived(Service svc, String portLabel) {
    return PoolName.derive(
        svc.getMetadata().getNamespace(), svc.getMetadata().getName(), portLabel);
  }
}
