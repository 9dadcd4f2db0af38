package io.vtmsync.app;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import io.vtmsync.queue.WorkQueueComponent;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * A real API server, a cluster script and the whole app on the real routes/ and config/, with fast
 * timings. Tests drive the cluster and watch the pool files.
 */
final class AppHarness implements AutoCloseable {

  final EmbeddedKubernetes kube = new EmbeddedKubernetes();
  final KubernetesClient client = kube.client();
  final ClusterScript cluster = new ClusterScript(client);
  final Path dir;
  App app;

  AppHarness(Path dir) {
    this.dir = dir;
    cluster.addNode("node-a", "10.0.0.9");
    cluster.addNode("node-b", "10.0.0.10");
    cluster.addNode("node-c", "10.0.0.11");
  }

  App.Options options() {
    return App.Options.defaults()
        .with("k8s.master-url", kube.url())
        .with("k8s.watch-reconnect-interval-ms", "100")
        .with("sink.file.directory", dir.toString())
        .with("sync.retry-base-ms", "50")
        .with("sync.retry-max-ms", "500")
        .with("sync.resync-period-ms", "2000")
        .with("camel.management.enabled", "false");
  }

  AppHarness start(App.Options options) throws Exception {
    app = App.start(options);
    return this;
  }

  /** Creates an exposed NodePort Service (externalTrafficPolicy Local) with one http port. */
  Service service(String name, Map<String, String> annotations) {
    return cluster.createService(
        ClusterScript.nodePortService(name, "Local", annotations), ClusterScript.HTTP);
  }

  /**
   * The common start: Service "web" with {@code pods} ready pods (on node-a, node-b, node-c in
   * turn), the app started, and its pool file holding them.
   */
  AppHarness startWithWeb(int pods) throws Exception {
    service("web", Map.of());
    cluster.scale("default", "web", pods);
    start(options());
    awaitMembers(
        "default-web-http",
        java.util.List.of("10.0.0.9", "10.0.0.10", "10.0.0.11")
            .subList(0, pods)
            .toArray(String[]::new));
    return this;
  }

  Path file(String pool) {
    return dir.resolve(pool + ".json");
  }

  String content(String pool) {
    try {
      return Files.readString(file(pool));
    } catch (IOException e) {
      return null;
    }
  }

  /** Waits until the pool file's member IPs (with "=draining") are exactly {@code ips}. */
  void awaitMembers(String pool, String... ips) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> members(pool), List.of(ips)::equals);
  }

  void awaitContent(String pool, Predicate<String> ok) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> content(pool), c -> c != null && ok.test(c));
  }

  List<String> members(String pool) {
    String c = content(pool);
    if (c == null) {
      return null;
    }
    return ServiceDiscoveryJson.parse(c.getBytes()).members().stream()
        .map(m -> m.ip() + (m.state().vtmName().equals("active") ? "" : "=" + m.state().vtmName()))
        .toList();
  }

  long syncs() {
    return app.context()
        .getComponent("workqueue", WorkQueueComponent.class)
        .queue("pools")
        .completedCount();
  }

  boolean ready() {
    return HealthCheckHelper.invokeReadiness(app.context()).stream()
        .allMatch(r -> r.getState() == HealthCheck.State.UP);
  }

  @Override
  public void close() throws Exception {
    if (app != null) {
      app.close();
    }
    client.close();
    kube.close();
  }
}
