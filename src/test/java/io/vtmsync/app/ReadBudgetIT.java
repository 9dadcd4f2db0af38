package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At rest a cluster sees only the verifier's read-backs, never more per second than its budget, and
 * no write; a resync of unchanged Services sends nothing on.
 */
class ReadBudgetIT {

  @TempDir Path tmp;

  /** Read-backs: pools (drift) and pool nodes (vTM's member health), not the sweep's listing. */
  private long poolGets(SimClusters vtm) {
    return vtm.get("a").requests().stream()
        .filter(r -> r.method().equals("GET"))
        .filter(r -> r.path().contains("/pools/") || r.path().contains("/per_pool_node/"))
        .filter(r -> !r.path().endsWith("/pools/")) // the sweep's listing, once per resync
        .count();
  }

  @Test
  void read_backs_at_rest_keep_to_the_clusters_budget_and_nothing_is_written() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      for (int i = 0; i < 20; i++) {
        h.service("web" + i, Map.of());
        h.cluster.scale("default", "web" + i, 1);
      }
      h.start(
          vtm.configure(h.options())
              .with("vtm.verify-period-ms", "1000")
              .with("vtm.a.read-rate", "4"));
      for (int i = 0; i < 20; i++) {
        vtm.awaitMembers("a", "default-web" + i + "-http", HeldServiceIT.node(h, "web" + i, 9));
      }
      Thread.sleep(1500); // every pool's verify period has run out: the verifier is busy
      long gets = poolGets(vtm);
      long puts = vtm.get("a").count("PUT", "/");
      Thread.sleep(5000); // two resyncs (2 s) pass, and 5 s of read budget
      long read = poolGets(vtm) - gets;
      assertThat(read).as("read-backs in 5 s at 4 per second").isBetween(10L, 22L);
      assertThat(vtm.get("a").count("PUT", "/") - puts).as("writes at rest").isZero();
    }
  }

  @Test
  void a_read_rate_of_zero_reads_nothing_back() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(
          vtm.configure(h.options())
              .with("vtm.verify-period-ms", "1000")
              .with("vtm.read-rate", "0"));
      vtm.awaitMembers("a", "default-web-http", "10.0.0.9:30080=active");
      long gets = poolGets(vtm);
      Thread.sleep(4000);
      assertThat(poolGets(vtm) - gets).isZero();
    }
  }
}
