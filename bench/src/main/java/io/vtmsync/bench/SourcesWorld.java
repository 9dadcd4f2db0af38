package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One Kubernetes source of the sources part's heap half, in its own embedded API server: Ready
 * nodes on their own network and exposed NodePort Services (externalTrafficPolicy Local) numbered
 * {@code first ..}, each with one EndpointSlice of 3 ready endpoints and no pods, as the scale
 * part's world (apart from it, so that the scale part stays as it is). Services are numbered across
 * sources, so their derived pools ({@code default-svc-NNNN-http}) never meet.
 */
final class SourcesWorld implements AutoCloseable {

  final EmbeddedKubernetes kube = new EmbeddedKubernetes();
  final KubernetesClient client = kube.client();
  private final int nodes;

  SourcesWorld(String net, int nodes, int first, int services) throws Exception {
    this.nodes = nodes;
    for (int n = 0; n < nodes; n++) {
      client.nodes().resource(ClusterScript.readyNode(nodeName(n), net + "." + (n + 1))).create();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = first; i < first + services; i++) {
        int svc = i;
        done.add(pool.submit(() -> createService(svc)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The pool the app derives for Service i. */
  static String pool(int i) {
    return "default-" + ScaleWorld.serviceName(i) + "-http";
  }

  private static String nodeName(int n) {
    return String.format("node-%02d", n);
  }

  private void createService(int i) {
    String name = ScaleWorld.serviceName(i);
    Service svc = ClusterScript.nodePortService(name, "Local", Map.of());
    svc.getSpec().getPorts().get(0).setNodePort(30000 + i);
    client.services().resource(svc).create();
    List<Endpoint> endpoints = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      int k = i * 3 + j;
      endpoints.add(
          new EndpointBuilder()
              .withAddresses("10.244." + k / 250 + "." + (k % 250 + 1))
              .withNodeName(nodeName((i + j * 7) % nodes))
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

  @Override
  public void close() {
    client.close();
    kube.close();
  }
}
