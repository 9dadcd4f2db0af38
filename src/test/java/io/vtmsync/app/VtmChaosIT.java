package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 changes (a Deployment scaled from 1 to 100 pods, one node each) while four of five vTM
 * clusters misbehave: down, 5 s per request, 500s, malformed JSON, a wrong password. The healthy
 * cluster keeps its latency; the others converge once healed; no cluster ever gets an older plan
 * after a newer one.
 */
class VtmChaosIT {

  private static final String POOL = "default-web-http";
  private static final int CHANGES = 100;

  @TempDir Path tmp;

  @Test
  void faulty_clusters_delay_no_other_and_converge_in_order_once_healed() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm =
            new SimClusters(
                tmp.resolve("vtm"), "healthy", "down", "slow", "flaky", "malformed", "badpw")) {
      for (int i = 1; i <= CHANGES; i++) {
        h.cluster.addNode("n" + i, "10.1.0." + i);
      }
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Path badpw = tmp.resolve("vtm/badpw.password");
      String password = Files.readString(badpw);
      h.start(
          vtm.configure(h.options())
              .with("vtm.slow.timeout-ms", "8000")
              .with("sync.debounce-ms", "50"));
      for (String c : vtm.sims.keySet()) {
        await().atMost(Duration.ofSeconds(20)).until(() -> size(vtm, c) == 1);
      }
      vtm.get("down").goDown();
      vtm.get("slow").setDelay(Duration.ofSeconds(5));
      vtm.get("flaky").failNext(30, 500);
      vtm.get("malformed").setMalformed(true);
      Files.writeString(badpw, "wrong\n");

      List<Long> latencies = new ArrayList<>();
      for (int n = 2; n <= CHANGES; n++) {
        long start = System.nanoTime();
        h.cluster.scale("default", "web", n);
        int want = n;
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> size(vtm, "healthy") == want);
        latencies.add((System.nanoTime() - start) / 1_000_000);
      }
      Collections.sort(latencies);
      long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
      System.out.printf(
          "healthy cluster, %d changes: p50 %d ms, p99 %d ms, max %d ms%n",
          latencies.size(),
          latencies.get(latencies.size() / 2),
          p99,
          latencies.get(latencies.size() - 1));
      assertThat(p99).as("the healthy cluster keeps its latency (ms)").isLessThan(1500);

      vtm.get("down").comeUp();
      vtm.get("slow").setDelay(Duration.ZERO);
      vtm.get("malformed").setMalformed(false);
      Files.writeString(badpw, password);
      for (String c : vtm.sims.keySet()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> size(vtm, c) == CHANGES);
        assertInOrder(vtm.get(c));
      }
    }
  }

  private static int size(SimClusters vtm, String cluster) {
    List<String> m = vtm.members(cluster, POOL);
    return m == null ? 0 : m.size();
  }

  /** Every accepted PUT of the pool has at least as many members as the one before it. */
  private static void assertInOrder(VtmSimulator sim) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int last = 0;
    for (RecordedRequest r : sim.requests()) {
      if (r.method().equals("PUT")
          && r.path().endsWith("/pools/" + POOL)
          && r.status() / 100 == 2) {
        int n = json.readTree(r.body()).at("/properties/basic/nodes_table").size();
        assertThat(n)
            .as("%s: PUT with %d members after one with %d", sim.name(), n, last)
            .isGreaterThanOrEqualTo(last);
        last = n;
      }
    }
  }
}
