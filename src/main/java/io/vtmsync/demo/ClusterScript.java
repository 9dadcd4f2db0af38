package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the cluster's controllers against the embedded API server, which stores objects but runs no
 * controllers: it creates nodes, allocates NodePorts, places pods (one per node, like the sample's
 * anti-affinity) and keeps each Service's EndpointSlice in step with its pods.
 */
public final class ClusterScript {

  /** A pod's endpoint condition as the EndpointSlice controller would publish it. */
  public enum PodState {
    READY,
    NOT_READY,
    TERMINATING
  }

  /** A pod the script placed. */
  public record FakePod(String name, String node, String ip, PodState state) {}

  private final KubernetesClient client;
  private final Map<String, String> nodeIps = new LinkedHashMap<>();
  private final Map<String, List<FakePod>> pods = new LinkedHashMap<>();
  private final Map<String, List<ContainerPort>> templates = new LinkedHashMap<>();
  private final AtomicInteger nextNodePort = new AtomicInteger(30080);
  private final AtomicInteger nextPod = new AtomicInteger(1);

  public ClusterScript(KubernetesClient client) {
    this.client = client;
  }

  public void addNode(String name, String ip) {
    nodeIps.put(name, ip);
    client.nodes().resource(Objects.node(name, ip, true)).create();
  }

  public void setNodeReady(String name, boolean ready) {
    Node n = client.nodes().withName(name).get();
    client.nodes().resource(Objects.withReady(n, ready)).update();
  }

  /** Adds these annotations to the Service, as {@code kubectl annotate --overwrite} does. */
  public void annotate(String namespace, String service, Map<String, String> annotations) {
    Service svc = client.services().inNamespace(namespace).withName(service).get();
    Map<String, String> now = new LinkedHashMap<>();
    if (svc.getMetadata().getAnnotations() != null) {
      now.putAll(svc.getMetadata().getAnnotations());
    }
    now.putAll(annotations);
    svc.getMetadata().setAnnotations(now);
    client.services().resource(svc).update();
  }

  /** The container port every exposed Service of the tests and benchmarks targets. */
  public static final List<ContainerPort> HTTP =
      List.of(
          new io.fabric8.kubernetes.api.model.ContainerPortBuilder()
              .withName("http")
              .withContainerPort(80)
              .build());

  /** A Ready node with one InternalIP, as the tests and benchmarks use. */
  public static Node readyNode(String name, String ip) {
    return Objects.node(name, ip, true);
  }

  /** An exposed NodePort Service with one {@code http} port, as the tests and benchmarks use. */
  public static Service nodePortService(
      String name, String trafficPolicy, Map<String, String> annotations) {
    return new io.fabric8.kubernetes.api.model.ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .addToAnnotations("vtm-k8s-sync.io/expose", "true")
        .addToAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withType("NodePort")
        .withExternalTrafficPolicy(trafficPolicy)
        .addToSelector("app", name)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withNewTargetPort("http")
        .endPort()
        .endSpec()
        .build();
  }

  /**
   * Creates the Service, allocating node ports that are missing; pods get these container ports.
   */
  public Service createService(Service svc, List<ContainerPort> containerPorts) {
    if ("NodePort".equals(svc.getSpec().getType())
        || "LoadBalancer".equals(svc.getSpec().getType())) {
      for (ServicePort p : svc.getSpec().getPorts()) {
        if (p.getNodePort() == null) {
          p.setNodePort(nextNodePort.getAndIncrement());
        }
      }
    }
    templates.put(key(svc), containerPorts);
    pods.put(key(svc), new ArrayList<>());
    Service created = client.services().resource(svc).create();
    writeSlice(created);
    return created;
  }

  /** Adds ready pods on nodes that have none, or terminates the newest ones, until replicas run. */
  public void scale(String namespace, String service, int replicas) {
    List<FakePod> list = pods.get(namespace + "/" + service);
    List<FakePod> live = list.stream().filter(p -> p.state() != PodState.TERMINATING).toList();
    for (int i = live.size(); i < replicas; i++) {
      String node = freeNode(list);
      String name = service.replace("-service", "") + "-" + nextPod.getAndIncrement();
      FakePod pod = new FakePod(name, node, podIp(node, list.size()), PodState.READY);
      client.pods().resource(pod(namespace, service, pod)).create();
      list.add(pod);
    }
    for (int i = live.size() - 1; i >= replicas; i--) {
      setState(namespace, service, live.get(i).name(), PodState.TERMINATING);
    }
    writeSlice(client.services().inNamespace(namespace).withName(service).get());
  }

  /** Changes one pod's state (e.g. READY -> NOT_READY) and republishes the slice. */
  public void setState(String namespace, String service, String pod, PodState state) {
    List<FakePod> list = pods.get(namespace + "/" + service);
    list.replaceAll(p -> p.name().equals(pod) ? new FakePod(p.name(), p.node(), p.ip(), state) : p);
    writeSlice(client.services().inNamespace(namespace).withName(service).get());
  }

  /** Removes terminating pods for good, as the kubelet does when they have exited. */
  public void finishTerminating(String namespace, String service) {
    List<FakePod> list = pods.get(namespace + "/" + service);
    for (FakePod p : List.copyOf(list)) {
      if (p.state() == PodState.TERMINATING) {
        client.pods().inNamespace(namespace).withName(p.name()).delete();
        list.remove(p);
      }
    }
    writeSlice(client.services().inNamespace(namespace).withName(service).get());
  }

  public List<FakePod> pods(String namespace, String service) {
    return List.copyOf(pods.get(namespace + "/" + service));
  }

  public Map<String, String> nodes() {
    return Map.copyOf(nodeIps);
  }

  private String freeNode(List<FakePod> list) {
    return nodeIps.keySet().stream()
        .filter(n -> list.stream().noneMatch(p -> p.node().equals(n)))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("anti-affinity: no free node for another pod"));
  }

  private String podIp(String node, int n) {
    int nodeIndex = new ArrayList<>(nodeIps.keySet()).indexOf(node) + 1;
    return "10.244." + nodeIndex + "." + (10 + nextPod.get() % 200);
  }

  private Pod pod(String namespace, String service, FakePod p) {
    Service svc = client.services().inNamespace(namespace).withName(service).get();
    return new PodBuilder()
        .withNewMetadata()
        .withName(p.name())
        .withNamespace(namespace)
        .withLabels(svc.getSpec().getSelector())
        .endMetadata()
        .withNewSpec()
        .withNodeName(p.node())
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .withPorts(templates.get(namespace + "/" + service))
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withHostIP(nodeIps.get(p.node()))
        .withPodIP(p.ip())
        .endStatus()
        .build();
  }

  private void writeSlice(Service svc) {
    var slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName(svc.getMetadata().getName() + "-slice")
            .withNamespace(svc.getMetadata().getNamespace())
            .addToLabels("kubernetes.io/service-name", svc.getMetadata().getName())
            .endMetadata()
            .withAddressType("IPv4")
            .withPorts(Objects.slicePorts(svc, templates.get(key(svc))))
            .withEndpoints(pods.get(key(svc)).stream().map(Objects::endpoint).toList())
            .build();
    var slices =
        client.discovery().v1().endpointSlices().inNamespace(svc.getMetadata().getNamespace());
    var existing = slices.withName(slice.getMetadata().getName()).get();
    if (existing == null) {
      slices.resource(slice).create();
    } else {
      slice.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      slices.resource(slice).update();
    }
  }

  private static String key(Service svc) {
    return svc.getMetadata().getNamespace() + "/" + svc.getMetadata().getName();
  }
}
