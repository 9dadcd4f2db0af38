package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
      client
          .nodes()
          .resource(ClusterScript.readyNode(ScaleWorld.nodeName(n), net + "." + (n + 1)))
          .create();
    }
    ScaleWorld.inParallel(first, first + services, this::createService);
  }

  private void createService(int i) {
    String name = ScaleWorld.serviceName(i);
    Service svc = ClusterScript.nodePortService(name, "Local", Map.of());
    svc.getSpec().getPorts().get(0).setNodePort(30000 + i);
    client.services().resource(svc).create();
    List<String> on = new ArrayList<>();
    for (int j = 0; j < 3; j++) {
      on.add(ScaleWorld.nodeName((i + j * 7) % nodes));
    }
    ScaleWorld.createSlice(client, name, i, on);
  }

  @Override
  public void close() {
    client.close();
    kube.close();
  }
}
