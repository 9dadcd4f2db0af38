package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.util.List;

/**
 * The demo's cluster (three nodes, the sample my-nginx Service and its pods) on the embedded API
 * server, kept up until the process is stopped: something for {@code render} to read when its
 * start-up is timed as a whole process. {@code java -cp <test class path>
 * io.vtmsync.demo.DemoApiServer [PORT]} prints the API URL on stdout.
 */
public final class DemoApiServer {

  private DemoApiServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    EmbeddedKubernetes kube = new EmbeddedKubernetes(port);
    try (KubernetesClient client = kube.client()) {
      ClusterScript cluster = new ClusterScript(client);
      cluster.addNode("node-1", "10.0.0.9");
      cluster.addNode("node-2", "10.0.0.10");
      cluster.addNode("node-3", "10.0.0.11");
      List<HasMetadata> items;
      try (InputStream in = DemoApiServer.class.getResourceAsStream("/demo/my-nginx.yaml")) {
        items = client.load(in).items();
      }
      Deployment deployment = find(items, Deployment.class);
      Service service = find(items, Service.class);
      service.getMetadata().setNamespace(Demo.NS);
      List<ContainerPort> ports =
          deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts();
      cluster.createService(service, ports);
      cluster.scale(Demo.NS, Demo.SVC, deployment.getSpec().getReplicas());
    }
    System.out.println(kube.url());
    System.out.flush();
    Thread.currentThread().join(); // serve until killed
  }

  private static <T> T find(List<HasMetadata> items, Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
