package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vtmsync.k8s.Annotations;
import io.vtmsync.k8s.KubeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a cluster of N ready nodes and three Services (NodePort Local, NodePort Cluster, pod mode)
 * with one ready endpoint per node plus {@link #TERMINATING} terminating ones, in EndpointSlices of
 * up to 100 endpoints each, as the EndpointSlice controller cuts them.
 */
final class SyntheticCluster {

  static final String NAMESPACE = "shop";
  static final String LOCAL = NAMESPACE + "/web-local";
  static final String CLUSTER = NAMESPACE + "/web-cluster";
  static final String POD = NAMESPACE + "/web-pod";

  /** Serving, terminating endpoints per Service (a rolling update in progress). */
  static final int TERMINATING = 3;

  private static final int SLICE_SIZE = 100;

  private SyntheticCluster() {}

  /** Every object of a cluster with {@code nodes} nodes. */
  static List<HasMetadata> objects(int nodes) {
    List<HasMetadata> out = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      out.add(node(i));
    }
    out.add(service("web-local", "NodePort", "Local", 30080, Map.of()));
    out.add(service("web-cluster", "NodePort", "Cluster", 30081, Map.of()));
    out.add(service("web-pod", "ClusterIP", null, null, Map.of(Annotations.MODE, "pod")));
    out.addAll(slices("web-local", 1, nodes));
    out.addAll(slices("web-cluster", 2, nodes));
    out.addAll(slices("web-pod", 3, nodes));
    return out;
  }

  static String nodeName(int i) {
    return String.format("node-%04d", i);
  }

  static Node node(int i) {
    String name = nodeName(i);
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels("kubernetes.io/arch", "amd64")
        .addToLabels("topology.kubernetes.io/zone", "zone-" + (char) ('a' + i % 3))
        .addToLabels("node.kubernetes.io/instance-type", "m5.large")
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .addNewAddress()
        .withType("InternalIP")
        .withAddress(ip(10, i))
        .endAddress()
        .addNewAddress()
        .withType("Hostname")
        .withAddress(name)
        .endAddress()
        .addNewCondition()
        .withType("MemoryPressure")
        .withStatus("False")
        .endCondition()
        .addNewCondition()
        .withType("DiskPressure")
        .withStatus("False")
        .endCondition()
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  static Service service(
      String name, String type, String policy, Integer nodePort, Map<String, String> extra) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace(NAMESPACE)
        .withName(name)
        .addToAnnotations(Annotations.EXPOSE, "true")
        .addToAnnotations(Annotations.PORT, "http")
        .addToAnnotations(extra)
        .endMetadata()
        .withNewSpec()
        .withType(type)
        .withExternalTrafficPolicy(policy)
        .withIpFamilies("IPv4")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .withNodePort(nodePort)
        .endPort()
        .endSpec()
        .build();
  }

  /** The Service's slices: one ready endpoint per node, then the terminating ones. */
  static List<EndpointSlice> slices(String service, int podNet, int nodes) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < nodes + TERMINATING; i++) {
      boolean terminating = i >= nodes;
      endpoints.add(endpoint(service, podNet, i, nodeName(i % nodes), terminating));
    }
    List<EndpointSlice> out = new ArrayList<>();
    for (int from = 0; from < endpoints.size(); from += SLICE_SIZE) {
      List<Endpoint> part = endpoints.subList(from, Math.min(from + SLICE_SIZE, endpoints.size()));
      out.add(
          new EndpointSliceBuilder()
              .withNewMetadata()
              .withNamespace(NAMESPACE)
              .withName(service + "-" + from / SLICE_SIZE)
              .addToLabels(KubeNames.SERVICE_NAME_LABEL, service)
              .addToLabels("endpointslice.kubernetes.io/managed-by", "endpointslice-controller")
              .endMetadata()
              .withAddressType("IPv4")
              .addNewPort()
              .withName("http")
              .withProtocol("TCP")
              .withPort(8080)
              .endPort()
              .withEndpoints(new ArrayList<>(part))
              .build());
    }
    return out;
  }

  private static Endpoint endpoint(
      String service, int podNet, int i, String node, boolean terminating) {
    return new EndpointBuilder()
        .withAddresses(ip(100 + podNet, i))
        .withNodeName(node)
        .withZone("zone-" + (char) ('a' + i % 3))
        .withNewTargetRef()
        .withKind("Pod")
        .withNamespace(NAMESPACE)
        .withName(service + "-" + i)
        .endTargetRef()
        .withNewConditions()
        .withReady(!terminating)
        .withServing(true)
        .withTerminating(terminating)
        .endConditions()
        .build();
  }

  /** {@code <first>.x.y.z}, distinct for i below 65,000. */
  static String ip(int first, int i) {
    return first + "." + (i / 250 / 250) + "." + (i / 250 % 250) + "." + (i % 250 + 1);
  }
}
