package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.vtmsync.k8s.Backend;
import io.vtmsync.k8s.ClusterView;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.NodeAddresses;
import io.vtmsync.k8s.SourceNotSyncedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Service port's backends into members, one method per {@link BackendMode}. Every member
 * gets the Service's weight (its {@code weight} annotation): a weight says how much one source
 * should get against another feeding the same pool, not one backend against its siblings.
 */
final class MemberPlanner {

  private final ClusterView view;
  private final NodeEligibility nodes;
  private final int weight;

  MemberPlanner(ClusterView view, NodeEligibility nodes, int weight) {
    this.view = view;
    this.nodes = nodes;
    this.weight = weight;
  }

  private Member member(String ip, int port, MemberState state) {
    return new Member(ip, port, state, weight, Member.DEFAULT);
  }

  /** Local: nodes hosting a backend. Cluster: every forwarding node, in the backends' state. */
  List<Member> nodePort(
      int nodePort, boolean local, Exposure.Spec spec, Boolean ipv6, List<Backend> backends) {
    List<Member> out = new ArrayList<>();
    if (local) {
      Map<String, MemberState> byNode = new LinkedHashMap<>();
      for (Backend b : backends) {
        if (b.nodeName() != null) {
          byNode.merge(b.nodeName(), b.state(), MemberState::strongest);
        }
      }
      byNode.forEach(
          (name, state) ->
              view.node(name)
                  .filter(n -> nodes.usable(n, spec.nodeSelector()))
                  .flatMap(n -> NodeAddresses.pick(n, spec.addressType(), ipv6))
                  .ifPresent(ip -> out.add(member(ip, nodePort, state))));
      return out;
    }
    Optional<MemberState> state =
        backends.stream().map(Backend::state).reduce(MemberState::strongest);
    if (state.isEmpty()) {
      return out;
    }
    for (Node n : view.nodes()) {
      if (nodes.forwards(n, spec.nodeSelector())) {
        NodeAddresses.pick(n, spec.addressType(), ipv6)
            .ifPresent(ip -> out.add(member(ip, nodePort, state.get())));
      }
    }
    return out;
  }

  /** Pod IPs and target ports, for pod networks that vTM can route to. */
  List<Member> pod(List<Backend> backends) {
    return backends.stream().map(b -> member(b.ip(), b.port(), b.state())).toList();
  }

  /** The node IP and the hostPort that each backend pod publishes for the target port. */
  List<Member> hostPort(
      String namespace,
      ServicePort port,
      Exposure.Spec spec,
      Boolean ipv6,
      List<Backend> backends) {
    requirePods(namespace);
    List<Member> out = new ArrayList<>();
    for (Backend b : backends) {
      if (b.podName() == null || b.nodeName() == null) {
        continue;
      }
      Optional<Pod> pod = view.pod(namespace, b.podName());
      Optional<Node> node =
          view.node(b.nodeName()).filter(n -> nodes.usable(n, spec.nodeSelector()));
      if (pod.isEmpty() || node.isEmpty()) {
        continue;
      }
      int hostPort = hostPortOf(pod.get(), port.getTargetPort(), b.port());
      NodeAddresses.pick(node.get(), spec.addressType(), ipv6)
          .ifPresent(ip -> out.add(member(ip, hostPort, b.state())));
    }
    return out;
  }

  /**
   * Pods are cached only while hostport Services need them: right after the first one appears its
   * namespace's pods are still being listed, and a plan then would miss members. It waits instead
   * (the queue retries it), as every plan waits for the first sync.
   */
  private void requirePods(String namespace) {
    switch (view.pods(namespace)) {
      case SYNCING ->
          throw new SourceNotSyncedException(
              "the pods of namespace '" + namespace + "' are not cached yet (hostport mode)");
      case NOT_WATCHED ->
          throw new PlanException(
              PoolPlan.BAD_INPUT, "hostport mode reads pods, but k8s.watch-pods is false");
      case CACHED -> {}
    }
  }

  private static int hostPortOf(Pod pod, IntOrString target, int resolvedPort) {
    String name = target != null && target.getStrVal() != null ? target.getStrVal() : null;
    List<io.fabric8.kubernetes.api.model.Container> containers =
        pod.getSpec() == null || pod.getSpec().getContainers() == null
            ? List.of()
            : pod.getSpec().getContainers();
    return containers.stream()
        .flatMap(
            c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream())
        .filter(p -> name != null ? name.equals(p.getName()) : p.getContainerPort() == resolvedPort)
        .map(ContainerPort::getHostPort)
        .filter(h -> h != null && h > 0 && h <= 65535)
        .findFirst()
        .orElseThrow(
            () ->
                new PlanException(
                    PoolPlan.BAD_INPUT,
                    "pod '"
                        + pod.getMetadata().getNamespace()
                        + "/"
                        + pod.getMetadata().getName()
                        + "' publishes no hostPort for target port "
                        + (name != null ? "'" + name + "'" : resolvedPort)
                        + " (hostport mode needs one)"));
  }
}
