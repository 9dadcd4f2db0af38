package io.vtmsync.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.App;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.sink.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An end-to-end rig on loopback: the embedded Kubernetes API server, N simulated vTM clusters and
 * the real app (real routes and config, in this JVM), for the propagation and burst benchmarks.
 */
final class E2eRig implements AutoCloseable {

  final EmbeddedKubernetes kube = new EmbeddedKubernetes();
  final KubernetesClient client = kube.client();
  final ClusterScript cluster = new ClusterScript(client);
  final List<VtmSimulator> sims = new ArrayList<>();
  final Path dir;
  App app;

  E2eRig(Path dir, int clusters, int nodes) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir.resolve("vtm"));
    for (int i = 1; i <= clusters; i++) {
      VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("c" + i));
      Files.writeString(dir.resolve("vtm/c" + i + ".password"), sim.password());
      sim.writeCaPem(dir.resolve("vtm"));
      sims.add(sim);
    }
    for (int i = 1; i <= nodes; i++) {
      cluster.addNode(String.format("node-%03d", i), "10.2." + (i / 250) + "." + (i % 250 + 1));
    }
  }

  /** The app's settings: every simulator with verified TLS, files in dir/pools, no HTTP server. */
  App.Options options(long debounceMs) {
    App.Options o =
        App.Options.defaults()
            .with("k8s.master-url", kube.url())
            .with("k8s.watch-pods", "false")
            .with("sink.file.directory", dir.resolve("pools").toString())
            .with("sync.debounce-ms", String.valueOf(debounceMs))
            .with("camel.management.enabled", "false")
            .with("camel.metrics.enabled", "false");
    List<String> names = new ArrayList<>();
    for (VtmSimulator s : sims) {
      String p = "vtm." + s.name() + ".";
      names.add(s.name());
      o =
          o.with(p + "url", s.baseUrl().toString())
              .with(p + "username", s.username())
              .with(p + "password-file", dir.resolve("vtm/" + s.name() + ".password").toString())
              .with(p + "ca-file", dir.resolve("vtm/" + s.name() + "-ca.pem").toString());
    }
    return o.with("vtm.clusters", String.join(",", names));
  }

  void startApp(App.Options o) throws Exception {
    app = App.start(o);
  }

  SyncStatus status() {
    return app.bean("syncStatus", SyncStatus.class);
  }

  /** PUTs of one pool a simulator has accepted. */
  static long puts(VtmSimulator sim, String pool) {
    return sim.requests().stream()
        .filter(
            r ->
                r.method().equals("PUT")
                    && r.path().endsWith("/pools/" + pool)
                    && r.status() / 100 == 2)
        .count();
  }

  @Override
  public void close() throws Exception {
    if (app != null) {
      app.close();
    }
    sims.forEach(VtmSimulator::close);
    client.close();
    kube.close();
  }
}
