package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scale benchmark's cluster in the embedded API server: Ready nodes and exposed NodePort
 * Services (externalTrafficPolicy Local) with one EndpointSlice of 3 ready endpoints each, no pods;
 * node 0 hosts one endpoint of each of the first {@code onNode0} Services and none of the others.
 */
final class ScaleWorld implements AutoCloseable {

  static final int NODES = 50;

  final EmbeddedKubernetes kube = new EmbeddedKubernetes();
  final KubernetesClient client = kube.client();
  final int services;
  final int onNode0;

  ScaleWorld(int services, int onNode0) throws Exception {
    this.services = services;
    this.onNode0 = onNode0;
    for (int n = 0; n < NODES; n++) {
      client.nodes().resource(node(n)).create();
    }
    inParallel(0, services, this::createService);
  }

  /**
   * Runs {@code create} for i in [from, to) on 4 threads (the API server takes writes in parallel).
   */
  static void inParallel(int from, int to, java.util.function.IntConsumer create) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int svc = i;
        done.add(pool.submit(() -> create.accept(svc)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static String nodeName(int n) {
    return String.format("node-%02d", n);
  }

  static String serviceName(int i) {
    return String.format("svc-%04d", i);
  }

  /** The pool the app derives for Service i: {@code <namespace>-<service>-<port>}. */
  static String pool(int i) {
    return "default-" + serviceName(i) + "-http";
  }

  /** The index of the Service a pool belongs to, or -1 for a pool of no scale Service. */
  static int index(String pool) {
    if (!pool.startsWith("default-svc-") || !pool.endsWith("-http")) {
      return -1;
    }
    return Integer.parseInt(pool.substring("default-svc-".length(), pool.length() - 5));
  }

  /**
   * The 3 nodes of Service i's endpoints: node 0 and two others for the first {@code onNode0}
   * Services, else three of nodes 1..49; spread so that every node carries about as many.
   */
  int[] nodesOf(int i) {
    int a = 1 + i % (NODES - 1);
    int b = 1 + (i + 17) % (NODES - 1);
    int c = 1 + (i + 33) % (NODES - 1);
    return i < onNode0 ? new int[] {0, a, b} : new int[] {a, b, c};
  }

  /** Sets node 0's Ready condition to False, as the node controller does for a dead kubelet. */
  void failNode0() {
    client
        .nodes()
        .withName(nodeName(0))
        .edit(
            n -> {
              n.getStatus().getConditions().stream()
                  .filter(c -> "Ready".equals(c.getType()))
                  .forEach(c -> c.setStatus("False"));
              return n;
            });
  }

  private void createService(int i) {
    String name = serviceName(i);
    Service svc = io.vtmsync.demo.ClusterScript.nodePortService(name, "Local", java.util.Map.of());
    svc.getSpec().getPorts().get(0).setNodePort(30000 + i);
    client.services().resource(svc).create();
    int[] nodes = nodesOf(i);
    List<String> on = new ArrayList<>();
    for (int node : nodes) {
      on.add(nodeName(node));
    }
    createSlice(client, name, i, on);
  }

  /**
   * The Service's EndpointSlice: one ready endpoint per node named, pod IPs from 10.244.0.0/16 by
   * the Service's index (3 per Service).
   */
  static void createSlice(KubernetesClient client, String name, int i, List<String> nodeNames) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (int j = 0; j < nodeNames.size(); j++) {
      int k = i * 3 + j;
      endpoints.add(
          new EndpointBuilder()
              .withAddresses("10.244." + k / 250 + "." + (k % 250 + 1))
              .withNodeName(nodeNames.get(j))
              .withNewConditions()
              .withReady(true)
              .withServing(true)
              .withTerminating(false)
              .endConditions()
              .build());
    }
    var slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName(name + "-slice")
            .withNamespace("default")
            .addToLabels("kubernetes.io/service-name", name)
            .endMetadata()
            .withAddressType("IPv4")
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withProtocol("TCP")
            .endPort()
            .withEndpoints(endpoints)
            .build();
    client.discovery().v1().endpointSlices().resource(slice).create();
  }

  private static io.fabric8.kubernetes.api.model.Node node(int n) {
    return io.vtmsync.demo.ClusterScript.readyNode(nodeName(n), "10.2.0." + (n + 1));
  }

  @Override
  public void close() {
    client.close();
    kube.close();
  }
}
