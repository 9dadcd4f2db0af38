package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.demo.ClusterScript.PodState;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faulty vTM clusters: down, slow, 5xx, 4xx, old or new versions, bad TLS, wrong password. */
class VtmFaultsIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  @Test
  void a_cluster_down_during_a_burst_delays_no_other_and_converges_when_it_returns()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a", "b", "down")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 3);
      h.start(vtm.configure(h.options()));
      vtm.awaitMembers(
          "down",
          POOL,
          "10.0.0.9:30080=active",
          "10.0.0.10:30080=active",
          "10.0.0.11:30080=active");
      vtm.get("down").goDown();
      String pod = h.cluster.pods("default", "web").get(0).name();
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        boolean ready = i % 2 == 1;
        long start = System.nanoTime();
        h.cluster.setState("default", "web", pod, ready ? PodState.READY : PodState.NOT_READY);
        String[] want =
            ready
                ? new String[] {
                  "10.0.0.9:30080=active", "10.0.0.10:30080=active", "10.0.0.11:30080=active"
                }
                : new String[] {"10.0.0.10:30080=active", "10.0.0.11:30080=active"};
        vtm.awaitMembers("a", POOL, want);
        vtm.awaitMembers("b", POOL, want);
        latencies.add((System.nanoTime() - start) / 1_000_000);
      }
      assertThat(latencies)
          .as("healthy clusters keep their latency (ms)")
          .allMatch(ms -> ms < 1500);
      h.cluster.setState("default", "web", pod, PodState.NOT_READY);
      vtm.get("down").clearRequests();
      vtm.get("down").comeUp();
      vtm.awaitMembers("down", POOL, "10.0.0.10:30080=active", "10.0.0.11:30080=active");
      assertThat(vtm.puts("down", POOL)).as("only the newest plan is written").isEqualTo(1);
    }
  }

  @Test
  void a_slow_cluster_delays_no_other() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "fast", "slow")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()));
      vtm.awaitMembers("slow", POOL, "10.0.0.9:30080=active");
      vtm.get("slow").setDelay(Duration.ofMillis(1500));
      long start = System.nanoTime();
      h.cluster.scale("default", "web", 2);
      vtm.awaitMembers("fast", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
      vtm.awaitMembers("slow", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
    }
  }

  @Test
  void answers_of_503_are_retried_with_backoff_until_the_write_succeeds() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "flaky")) {
      vtm.get("flaky").failNext(4, 503);
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()));
      vtm.awaitMembers("flaky", POOL, "10.0.0.9:30080=active");
      assertThat(vtm.get("flaky").requests().stream().filter(r -> r.status() == 503)).hasSize(4);
    }
  }

  @Test
  void a_validation_error_is_reported_with_the_vtm_error_text_and_not_retried_blindly()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "strict");
        LogCapture logs = new LogCapture()) {
      vtm.get("strict")
          .putPoolDirect(
              POOL,
              (ObjectNode)
                  new ObjectMapper()
                      .readTree(
                          "{\"properties\":{\"basic\":{\"note\":\"managed by vtm-k8s-sync from Kubernetes Service default/web\"},"
                              + "\"service_discovery\":{\"enabled\":true,\"plugin\":\"BuiltIn-DNS_Stateless\"}}}"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()).with("sync.resync-period-ms", "60000"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> logs.all().contains("vtm:strict pool=" + POOL + " FAILED"));
      Thread.sleep(1000);
      // No backoff retries; the next plan (a change, or the resync a minute away) tries again.
      assertThat(vtm.puts("strict", POOL)).as("a 4xx is not retried").isEqualTo(1);
      assertThat(logs.all()).contains("HTTP 400", "pool.nodes_table_managed");
    }
  }

  @Test
  void the_newest_common_api_version_is_used_and_a_pre_3_0_cluster_gets_node_lists()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"))) {
      vtm.add(VtmSimulator.Options.defaults("modern").withVersions("3.9", "3.10"));
      vtm.add(VtmSimulator.Options.defaults("legacy").withVersions("2.0"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()));
      vtm.awaitMembers("modern", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=draining");
      assertThat(vtm.get("modern").requests())
          .filteredOn(r -> r.method().equals("PUT"))
          .allMatch(r -> r.path().startsWith("/api/tm/3.10/"));
      await().atMost(Duration.ofSeconds(10)).until(() -> vtm.get("legacy").pool(POOL).isPresent());
      ObjectNode basic =
          (ObjectNode) vtm.get("legacy").pool(POOL).orElseThrow().at("/properties/basic");
      assertThat(basic.get("nodes").toString())
          .isEqualTo("[\"10.0.0.9:30080\",\"10.0.0.10:30080\"]");
      assertThat(basic.get("draining").toString()).isEqualTo("[\"10.0.0.10:30080\"]");
    }
  }

  @Test
  void tls_is_verified_an_unknown_ca_is_refused_insecure_warns_and_no_password_is_ever_logged()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm =
            new SimClusters(tmp.resolve("vtm"), "good", "noca", "insecure", "badpw", "noenv");
        LogCapture logs = new LogCapture()) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      App.Options o =
          vtm.configure(h.options())
              .with("vtm.noca.ca-file", "")
              .with("vtm.insecure.ca-file", "")
              .with("vtm.insecure.insecure", "true")
              .with("vtm.badpw.password-file", "")
              .with("vtm.badpw.password-env", "VTM_TEST_UNSET_PASSWORD");
      h.start(o);
      vtm.awaitMembers("good", POOL, "10.0.0.9:30080=active");
      vtm.awaitMembers("insecure", POOL, "10.0.0.9:30080=active");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> logs.all().contains("vtm:noca pool=" + POOL + " FAILED"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> logs.all().contains("vtm:badpw pool=" + POOL + " FAILED"));
      assertThat(vtm.members("noca", POOL)).isNull();
      assertThat(logs.all()).containsIgnoringCase("insecure").contains("VTM_TEST_UNSET_PASSWORD");
      for (VtmSimulator s : vtm.sims.values()) {
        assertThat(logs.all()).doesNotContain(s.password());
      }
    }
  }

  @Test
  void a_cluster_that_comes_back_upgraded_is_written_with_its_new_api_version() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"))) {
      vtm.add(VtmSimulator.Options.defaults("box").withVersions("3.9", "5.2"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()));
      vtm.awaitMembers("box", POOL, "10.0.0.9:30080=active");
      vtm.get("box").goDown();
      h.cluster.scale("default", "web", 2);
      Thread.sleep(500); // the lane fails against the dead box and backs off
      vtm.get("box").setApiVersions("3.9", "5.2", "8.3"); // upgraded while down
      vtm.get("box").clearRequests();
      vtm.get("box").comeUp();
      vtm.awaitMembers("box", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
      assertThat(vtm.get("box").requests())
          .filteredOn(r -> r.method().equals("PUT"))
          .isNotEmpty()
          .allMatch(r -> r.path().startsWith("/api/tm/8.3/"));
    }
  }
}
