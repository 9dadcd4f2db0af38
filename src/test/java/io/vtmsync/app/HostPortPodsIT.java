package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.k8s.ClusterView;
import io.vtmsync.k8s.KubernetesSource;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pods are watched only while a hostport Service needs them, against the real API server: none
 * without one; its namespace's pods from the first one on, its pool planned once they are cached
 * (not before: fail static); dropped again when the last one goes.
 */
class HostPortPodsIT {

  private static final List<ContainerPort> HOST_HTTP =
      List.of(
          new ContainerPortBuilder()
              .withName("http")
              .withContainerPort(80)
              .withHostPort(8080)
              .build());

  @TempDir Path dir;

  @Test
  void pods_are_watched_from_the_first_hostport_service_to_the_last() throws Exception {
    try (AppHarness h = new AppHarness(dir);
        LogCapture logs = new LogCapture("io.vtmsync")) {
      h.startWithWeb(2);
      KubernetesSource source = h.app.bean("kubernetesSource", KubernetesSource.class);
      String webPod = h.cluster.pods("default", "web").get(0).name();
      assertThat(podRequests(h)).as("no pod is listed or watched").isEmpty();
      assertThat(source.pods("default")).isEqualTo(ClusterView.Pods.SYNCING);
      assertThat(source.pod("default", webPod)).isEmpty();

      hostPortService(h, "hp", 2);
      h.awaitMembers("default-hp-http", "10.0.0.9", "10.0.0.10");
      assertThat(h.content("default-hp-http")).contains("\"port\":8080");
      assertThat(podRequests(h)).isNotEmpty().allMatch(p -> p.contains("/namespaces/default/pods"));
      assertThat(source.pods("default")).isEqualTo(ClusterView.Pods.CACHED);
      assertThat(source.pod("default", webPod)).isPresent();

      h.client.services().inNamespace("default").withName("hp").delete();
      h.awaitContent("default-hp-http", c -> c.contains("\"code\":404"));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> source.pods("default") != ClusterView.Pods.CACHED);
      assertThat(source.pod("default", webPod)).as("the pod cache is dropped").isEmpty();
      assertThat(source.watching()).doesNotContainKey("pods");
      h.cluster.scale("default", "web", 1);
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10=draining");
      assertThat(logs.all()).doesNotContain("watches lost");
    }
  }

  @Test
  void a_hostport_pool_is_not_planned_before_its_pods_are_cached() throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(1);
      h.kube.refuse(r -> "GET".equals(r.getMethod()) && r.getPath().contains("/pods"));
      hostPortService(h, "hp", 1);
      Thread.sleep(1500); // the Service is seen, its plan retried: no pool from an empty cache
      assertThat(h.content("default-hp-http")).isNull();
      assertThat(h.ready()).as("the other kinds are synced: still ready").isTrue();
      h.kube.refuse(null);
      h.awaitMembers("default-hp-http", "10.0.0.9");
    }
  }

  private static void hostPortService(AppHarness h, String name, int pods) {
    h.cluster.createService(
        ClusterScript.nodePortService(name, "Local", Map.of("vtm-k8s-sync.io/mode", "hostport")),
        HOST_HTTP);
    h.cluster.scale("default", name, pods);
  }

  /** Pod lists and watches (GETs: the cluster script only writes pods) since the last call. */
  private static List<String> podRequests(AppHarness h) {
    return h.kube.takeRequests().stream()
        .filter(r -> "GET".equals(r.getMethod()) && r.getPath().contains("/pods"))
        .map(r -> r.getPath())
        .toList();
  }
}
