package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import java.util.List;

/** Builders for the Kubernetes objects the {@link ClusterScript} publishes. */
final class Objects {

  private Objects() {}

  static Node node(String name, String ip, boolean ready) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .addNewAddress()
        .withType("InternalIP")
        .withAddress(ip)
        .endAddress()
        .addNewAddress()
        .withType("Hostname")
        .withAddress(name)
        .endAddress()
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }

  static Node withReady(Node n, boolean ready) {
    n.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .forEach(c -> c.setStatus(ready ? "True" : "Unknown"));
    return n;
  }

  static Endpoint endpoint(ClusterScript.FakePod p) {
    boolean ready = p.state() == ClusterScript.PodState.READY;
    boolean terminating = p.state() == ClusterScript.PodState.TERMINATING;
    return new EndpointBuilder()
        .withAddresses(p.ip())
        .withNodeName(p.node())
        .withNewTargetRef()
        .withKind("Pod")
        .withName(p.name())
        .endTargetRef()
        .withNewConditions()
        .withReady(ready)
        .withServing(ready || terminating)
        .withTerminating(terminating)
        .endConditions()
        .build();
  }

  /** One slice port per Service port, with the target port resolved against the containers. */
  static List<EndpointPort> slicePorts(Service svc, List<ContainerPort> containers) {
    return svc.getSpec().getPorts().stream().map(p -> slicePort(p, containers)).toList();
  }

  private static EndpointPort slicePort(ServicePort p, List<ContainerPort> containers) {
    int target = p.getPort();
    if (p.getTargetPort() != null && p.getTargetPort().getIntVal() != null) {
      target = p.getTargetPort().getIntVal();
    } else if (p.getTargetPort() != null && p.getTargetPort().getStrVal() != null) {
      String name = p.getTargetPort().getStrVal();
      target =
          containers.stream()
              .filter(c -> name.equals(c.getName()))
              .map(ContainerPort::getContainerPort)
              .findFirst()
              .orElse(p.getPort());
    }
    return new EndpointPortBuilder()
        .withName(p.getName())
        .withPort(target)
        .withProtocol(p.getProtocol() == null ? "TCP" : p.getProtocol())
        .build();
  }
}
