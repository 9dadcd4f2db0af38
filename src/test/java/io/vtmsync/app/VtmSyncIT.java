package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app fanning out to three simulated vTM clusters over HTTPS. */
class VtmSyncIT {

  private static final String POOL = "default-web-http";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private App.Options options(AppHarness h, SimClusters vtm) {
    return vtm.configure(h.options()).with("vtm.verify-period-ms", "1000");
  }

  @Test
  void creates_updates_and_leaves_unchanged_pools_alone_on_every_cluster() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a", "b", "c")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(options(h, vtm));
      for (String c : vtm.sims.keySet()) {
        vtm.awaitMembers(c, POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
        ObjectNode pool = vtm.get(c).pool(POOL).orElseThrow();
        assertThat(pool.at("/properties/basic/note").asText())
            .startsWith("managed by vtm-k8s-sync");
      }
      h.cluster.scale("default", "web", 1);
      for (String c : vtm.sims.keySet()) {
        vtm.awaitMembers(c, POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=draining");
      }
      long puts = vtm.puts("a", POOL);
      Thread.sleep(2500); // a resync and a verify period pass with nothing changed
      assertThat(vtm.puts("a", POOL)).as("no PUT when unchanged").isEqualTo(puts);
    }
  }

  @Test
  void a_hand_edit_is_repaired_and_settings_the_admin_owns_survive() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(options(h, vtm));
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=active");
      ObjectNode edited = vtm.get("a").pool(POOL).orElseThrow().deepCopy();
      ObjectNode basic = (ObjectNode) edited.at("/properties/basic");
      basic.set("nodes_table", JSON.readTree("[{\"node\":\"192.0.2.1:80\",\"state\":\"active\"}]"));
      basic.set("monitors", JSON.readTree("[\"Ping\"]"));
      vtm.get("a").putPoolDirect(POOL, edited);
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=active");
      assertThat(vtm.get("a").pool(POOL).orElseThrow().at("/properties/basic/monitors").toString())
          .isEqualTo("[\"Ping\"]");
    }
  }

  @Test
  void a_foreign_pool_of_the_same_name_is_never_written() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a", "b")) {
      vtm.get("a")
          .putPoolDirect(
              POOL,
              (ObjectNode)
                  JSON.readTree(
                      "{\"properties\":{\"basic\":{\"note\":\"hand-made\",\"nodes_table\":[{\"node\":\"192.0.2.7:80\",\"state\":\"active\"}]}}}"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(options(h, vtm));
      vtm.awaitMembers("b", POOL, "10.0.0.9:30080=active");
      Thread.sleep(1500);
      assertThat(vtm.members("a", POOL)).containsExactly("192.0.2.7:80=active");
      assertThat(vtm.puts("a", POOL)).isZero();
    }
  }

  @Test
  void an_empty_plan_holds_and_a_removed_service_follows_the_removed_pool_policy()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.service("api", Map.of());
      h.cluster.scale("default", "web", 1);
      h.cluster.scale("default", "api", 1);
      h.start(options(h, vtm).with("vtm.removed-pool", "drain"));
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=active");
      vtm.awaitMembers("a", "default-api-http", "10.0.0.9:30081=active");
      h.cluster.scale("default", "web", 0);
      // The pod drains, then goes: the first change syncs at once, so draining is written first.
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=draining");
      h.cluster.finishTerminating("default", "web");
      Thread.sleep(2500);
      assertThat(vtm.members("a", POOL)).as("held").containsExactly("10.0.0.9:30080=draining");
      h.client.services().inNamespace("default").withName("api").delete();
      vtm.awaitMembers("a", "default-api-http", "10.0.0.9:30081=draining");
    }
  }

  @Test
  void an_annotation_narrows_a_pool_to_some_clusters() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a", "b")) {
      h.service("web", Map.of("vtm-k8s-sync.io/clusters", "b"));
      h.cluster.scale("default", "web", 1);
      h.start(options(h, vtm));
      vtm.awaitMembers("b", POOL, "10.0.0.9:30080=active");
      assertThat(vtm.members("a", POOL)).isNull();
    }
  }

  @Test
  void service_discovery_mode_uploads_the_plugin_the_pool_file_and_points_the_pool_at_them()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "sd")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(options(h, vtm).with("vtm.sd.service-discovery", "true"));
      var sim = vtm.get("sd");
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          // The file is uploaded before the pool is pointed at it: wait for both.
          .until(() -> sim.extraFile(POOL + ".json").isPresent() && sim.pool(POOL).isPresent());
      ObjectNode pool = sim.pool(POOL).orElseThrow();
      assertThat(pool.at("/properties/service_discovery/enabled").asBoolean()).isTrue();
      assertThat(pool.at("/properties/service_discovery/plugin").asText())
          .isEqualTo("vtm-k8s-sync-sd");
      assertThat(pool.at("/properties/service_discovery/plugin_args").asText())
          .isEqualTo("--pool=" + POOL + " --heartbeat=vtm-k8s-sync.heartbeat");
      assertThat(sim.serviceDiscoveryPlugin("vtm-k8s-sync-sd")).isPresent();
      assertThat(sim.extraFile("vtm-k8s-sync.heartbeat")).isPresent();
      h.cluster.scale("default", "web", 1);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () -> new String(sim.extraFile(POOL + ".json").orElseThrow()).contains("draining"));
      assertThat(runPlugin(sim, POOL))
          .isEqualTo(
              "{\"version\":1,\"code\":200,\"nodes\":[{\"ip\":\"10.0.0.9\",\"port\":30080},"
                  + "{\"ip\":\"10.0.0.10\",\"port\":30080,\"draining\":true}]}");
    }
  }

  /** Runs the uploaded plugin on the uploaded extra files, as vTM would. */
  private String runPlugin(io.vtmsync.sim.VtmSimulator sim, String pool) throws Exception {
    Path extra = java.nio.file.Files.createDirectories(tmp.resolve("extra"));
    for (String f : java.util.List.of(pool + ".json", "vtm-k8s-sync.heartbeat")) {
      java.nio.file.Files.write(extra.resolve(f), sim.extraFile(f).orElseThrow());
    }
    Path plugin = tmp.resolve("vtm-k8s-sync-sd");
    java.nio.file.Files.write(plugin, sim.serviceDiscoveryPlugin("vtm-k8s-sync-sd").orElseThrow());
    String args =
        sim.pool(pool).orElseThrow().at("/properties/service_discovery/plugin_args").asText();
    java.util.List<String> cmd =
        new java.util.ArrayList<>(java.util.List.of("sh", plugin.toString()));
    cmd.addAll(java.util.List.of(args.split(" ")));
    cmd.add("--dir=" + extra);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }
}
