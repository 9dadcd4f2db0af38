package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import io.vtmsync.pool.PoolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kubernetes clusters (two API servers) into one vTM pool, added by configuration only: members
 * of both with each source's priority, fail static per source, conflicts without opting in.
 */
class MultiSourceIT {

  @TempDir Path tmp;

  /** One embedded Kubernetes cluster with two Ready nodes. */
  static final class Site implements AutoCloseable {
    final EmbeddedKubernetes kube = new EmbeddedKubernetes();
    final ClusterScript cluster = new ClusterScript(kube.client());
    final String name;

    Site(String name, String net) {
      this.name = name;
      cluster.addNode(name + "-a", net + ".1");
      cluster.addNode(name + "-b", net + ".2");
    }

    void service(String svc, Map<String, String> annotations, int pods) {
      cluster.createService(
          ClusterScript.nodePortService(svc, "Local", annotations), ClusterScript.HTTP);
      cluster.scale("default", svc, pods);
    }

    @Override
    public void close() {
      kube.client().close();
      kube.close();
    }
  }

  private App.Options options(Site east, Site west) {
    return App.Options.defaults()
        .with("k8s.clusters", "east,west")
        .with("k8s.east.master-url", east.kube.url())
        .with("k8s.west.master-url", west.kube.url())
        .with("k8s.watch-reconnect-interval-ms", "100")
        .with("sink.file.directory", tmp.resolve("files").toString())
        .with("sync.retry-base-ms", "50")
        .with("sync.retry-max-ms", "500")
        .with("sync.resync-period-ms", "2000")
        .with("camel.management.enabled", "false");
  }

  @Test
  void one_pool_takes_members_from_both_clusters_and_keeps_a_lost_sites_members() throws Exception {
    try (Site east = new Site("east", "10.1.0");
        Site west = new Site("west", "10.2.0");
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      east.service("web", Map.of("vtm-k8s-sync.io/pool", "web"), 2);
      west.service("web", Map.of("vtm-k8s-sync.io/pool", "web"), 2);
      try (App app = App.start(vtm.configure(options(east, west)).with("k8s.east.priority", "2"))) {
        vtm.awaitMembers(
            "a",
            "web",
            "10.1.0.1:30080=active",
            "10.1.0.2:30080=active",
            "10.2.0.1:30080=active",
            "10.2.0.2:30080=active");
        JsonNode rows = vtm.get("a").pool("web").orElseThrow().at("/properties/basic/nodes_table");
        for (JsonNode row : rows) {
          assertThat(row.get("priority").asInt())
              .as(row.get("node").asText())
              .isEqualTo(row.get("node").asText().startsWith("10.1.") ? 2 : 1);
        }
        assertThat(vtm.get("a").pool("web").orElseThrow().at("/properties/basic/note").asText())
            .as("owned by the first Service in key order, named with its source")
            .contains("east:default/web");
        awaitFile("web", "10.1.0.1", "10.1.0.2", "10.2.0.1", "10.2.0.2");
        new KubeEvents(east.kube.client()).awaitOne("web", "PoolSynced", m -> m.contains("vtm:a"));

        // east's API goes away; west scales down: west's change lands, east's members stay.
        east.kube.stop();
        west.cluster.scale("default", "web", 1);
        vtm.awaitMembers(
            "a",
            "web",
            "10.1.0.1:30080=active",
            "10.1.0.2:30080=active",
            "10.2.0.1:30080=active",
            "10.2.0.2:30080=draining");
        west.cluster.finishTerminating("default", "web");
        vtm.awaitMembers(
            "a", "web", "10.1.0.1:30080=active", "10.1.0.2:30080=active", "10.2.0.1:30080=active");

        // east comes back and loses a node: its own change lands, west's members stay.
        east.kube.restart();
        east.cluster.setNodeReady("east-b", false);
        vtm.awaitMembers("a", "web", "10.1.0.1:30080=active", "10.2.0.1:30080=active");

        // west's Service is deleted: the pool is east's alone, not removed.
        west.kube.client().services().inNamespace("default").withName("web").delete();
        vtm.awaitMembers("a", "web", "10.1.0.1:30080=active");
        awaitFile("web", "10.1.0.1");
      }
    }
  }

  @Test
  void same_named_services_share_a_pool_only_when_their_sources_merge_by_name() throws Exception {
    try (Site east = new Site("east", "10.1.0");
        Site west = new Site("west", "10.2.0")) {
      east.service("api", Map.of(), 1);
      west.service("api", Map.of(), 1);
      try (App app = App.start(options(east, west))) {
        awaitFile("default-api-http", "10.1.0.1");
        PoolRegistry registry = app.bean("poolRegistry", PoolRegistry.class);
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> registry.conflicts().containsKey("default-api-http"));
        assertThat(registry.conflicts().get("default-api-http"))
            .contains("east:default/api", "west:default/api", "'east:default/api' keeps it");
        assertThat(Files.readString(file("default-api-http"))).doesNotContain("10.2.0.1");
        assertThat(app.bean("statusPage", io.vtmsync.status.StatusPage.class).table().conflicts())
            .as("the status page and the status command show it")
            .singleElement()
            .asString()
            .contains("default-api-http", "west:default/api");
      }
      try (App app =
          App.start(
              options(east, west)
                  .with("k8s.east.merge-by-name", "true")
                  .with("k8s.west.merge-by-name", "true"))) {
        awaitFile("default-api-http", "10.1.0.1", "10.2.0.1");
        assertThat(app.bean("poolRegistry", PoolRegistry.class).conflicts()).isEmpty();
      }
    }
  }

  private Path file(String pool) {
    return tmp.resolve("files").resolve(pool + ".json");
  }

  /** Waits until the pool file lists exactly these member IPs (any port and state). */
  private void awaitFile(String pool, String... ips) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              if (!Files.exists(file(pool))) {
                return null;
              }
              return io.vtmsync.vtm.ServiceDiscoveryJson.parse(Files.readAllBytes(file(pool)))
                  .members()
                  .stream()
                  .map(m -> m.ip())
                  .toList();
            },
            List.of(ips)::equals);
  }
}
