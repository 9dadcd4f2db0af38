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
import java.util.TreeMap;

/**
 * {@code demo}: starts two embedded Kubernetes API servers, sites east (three nodes, preferred: vTM
 * priority 2) and west (three nodes, priority 1), seeds the sample my-nginx app
 * (shared/seed-data/my-nginx.yaml) in east, runs the real routes against both, and plays a short
 * story, printing each pool change as it lands and how long it took from the Kubernetes write; then
 * a Service of both sites shares one pool while east's API goes away and its nodes go NotReady; at
 * the end the sample Service's Events and a scrape of the metrics.
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
    try (EmbeddedKubernetes eastKube = new EmbeddedKubernetes();
        EmbeddedKubernetes westKube = new EmbeddedKubernetes();
        KubernetesClient client = eastKube.client();
        KubernetesClient westClient = westKube.client();
        DemoClusters vtm = DemoClusters.start(secrets, "east", "west")) {
      ClusterScript cluster = new ClusterScript(client);
      cluster.addNode("node-1", "10.0.0.9");
      cluster.addNode("node-2", "10.0.0.10");
      cluster.addNode("node-3", "10.0.0.11");
      ClusterScript westCluster = new ClusterScript(westClient);
      westCluster.addNode("west-1", "10.1.0.9");
      westCluster.addNode("west-2", "10.1.0.10");
      westCluster.addNode("west-3", "10.1.0.11");
      SiteStory.Site east = new SiteStory.Site("east", 2, "10.0.0.", eastKube, cluster);
      SiteStory.Site west = new SiteStory.Site("west", 1, "10.1.0.", westKube, westCluster);
      out.println("vtm-k8s-sync demo");
      out.println("  Kubernetes sites (embedded API servers, fabric8 mock server in CRUD mode):");
      for (SiteStory.Site site : List.of(east, west)) {
        out.println(
            "    "
                + site.name()
                + " "
                + site.kube().url()
                + ", vTM priority "
                + site.priority()
                + ", nodes "
                + new TreeMap<>(site.cluster().nodes()));
      }
      int replicas = seed(client, cluster);
      cluster.scale(NS, SVC, replicas);
      out.println("  pool files: " + dir.toAbsolutePath());
      out.println("  vTM clusters (embedded simulators, HTTPS + Basic auth): " + vtm.describe());
      int port = freePort();
      String management = "http://127.0.0.1:" + port;
      out.println(
          "  health and metrics: "
              + management
              + "/observe/health/ready, .../observe/metrics; status page: .../status");
      App.Options o =
          east.configure(
              west.configure(
                  vtm.configure(
                      options
                          .with("camel.management.port", String.valueOf(port))
                          .with("k8s.clusters", east.name() + "," + west.name())
                          .with("sink.file.directory", dir.toString())
                          .with("sync.services", NS + "/" + SVC))));
      try (App app = App.start(o)) {
        DemoStory story = new DemoStory(out);
        boolean ok =
            story.play(cluster, watcher(dir, vtm, POOL), replicas)
                && new SiteStory(
                        story,
                        east,
                        west,
                        watcher(dir, vtm, SiteStory.SHOP),
                        vtm.sims(),
                        management,
                        out)
                    .play();
        story.summary(ok);
        DemoEvents.print(app, client, NS, SVC, out);
        DemoMetrics.print(management + "/observe/metrics", out);
        out.println();
        // What `vtm-k8s-sync status --url=...` prints, while the app still runs.
        io.vtmsync.app.StatusCommand.print(management, out);
        return ok ? 0 : 1;
      }
    }
  }

  /** The pool file and the pool on each simulated vTM cluster. */
  private static PoolFileWatcher watcher(Path dir, DemoClusters vtm, String pool) {
    List<DemoTargets> targets = new java.util.ArrayList<>();
    targets.add(DemoTargets.file(dir.resolve(pool + ".json")));
    vtm.sims().forEach(sim -> targets.add(DemoTargets.vtm(sim, pool)));
    return new PoolFileWatcher(targets);
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
