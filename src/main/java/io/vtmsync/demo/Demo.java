package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.App;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code demo}: starts an embedded Kubernetes API server with three nodes, seeds the sample
 * my-nginx app (shared/seed-data/my-nginx.yaml), runs the real routes against it, and plays a short
 * story, printing each pool change as it lands and how long it took from the Kubernetes write, and
 * at the end the Service's Events and a scrape of the metrics.
 */
public final class Demo {

  static final String NS = "default";
  static final String SVC = "my-nginx-service";
  static final String POOL = "default-my-nginx-service-http";

  private Demo() {}

  public static int run(App.Options options, PrintStream out) throws Exception {
    Path dir = Path.of(options.overrides().getOrDefault("sink.file.directory", "out/demo/pools"));
    DemoFiles.clean(dir);
    Path secrets = dir.resolveSibling("vtm");
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client();
        DemoClusters vtm = DemoClusters.start(secrets, "east", "west")) {
      out.println("vtm-k8s-sync demo");
      out.println("  Kubernetes API (embedded, fabric8 mock server in CRUD mode): " + kube.url());
      ClusterScript cluster = new ClusterScript(client);
      cluster.addNode("node-1", "10.0.0.9");
      cluster.addNode("node-2", "10.0.0.10");
      cluster.addNode("node-3", "10.0.0.11");
      out.println("  nodes: " + cluster.nodes());
      int replicas = seed(client, cluster);
      cluster.scale(NS, SVC, replicas);
      out.println("  pool files: " + dir.toAbsolutePath());
      out.println("  vTM clusters (embedded simulators, HTTPS + Basic auth): " + vtm.describe());
      int port = freePort();
      out.println(
          "  health and metrics: http://127.0.0.1:"
              + port
              + "/observe/health/ready, .../observe/metrics; status page: .../status");
      App.Options o =
          vtm.configure(
              options
                  .with("camel.management.port", String.valueOf(port))
                  .with("k8s.master-url", kube.url())
                  .with("sink.file.directory", dir.toString())
                  .with("sync.services", NS + "/" + SVC));
      List<DemoTargets> targets = new java.util.ArrayList<>();
      targets.add(DemoTargets.file(dir.resolve(POOL + ".json")));
      vtm.sims().forEach(sim -> targets.add(DemoTargets.vtm(sim, POOL)));
      try (App app = App.start(o)) {
        int code = new DemoStory(cluster, new PoolFileWatcher(targets), out).play(replicas);
        DemoEvents.print(app, client, NS, SVC, out);
        DemoMetrics.print("http://127.0.0.1:" + port + "/observe/metrics", out);
        out.println();
        // What `vtm-k8s-sync status --url=...` prints, while the app still runs.
        io.vtmsync.app.StatusCommand.print("http://127.0.0.1:" + port, out);
        return code;
      }
    }
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Creates the sample app's Service from the seed manifest and places its pods; returns the
   * Deployment's replica count (the pods are placed by {@link ClusterScript#scale}).
   */
  static int seed(KubernetesClient client, ClusterScript cluster) throws Exception {
    List<HasMetadata> items;
    try (InputStream in = Demo.class.getResourceAsStream("/demo/my-nginx.yaml")) {
      items = client.load(in).items();
    }
    Deployment deployment = find(items, Deployment.class);
    Service service = find(items, Service.class);
    service.getMetadata().setNamespace(NS);
    List<ContainerPort> ports =
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts();
    cluster.createService(service, ports);
    return deployment.getSpec().getReplicas();
  }

  private static <T> T find(List<HasMetadata> items, Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
