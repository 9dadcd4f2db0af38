package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vtmsync.sim.BodyFault;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters whose version discovery answers an endless body or a trickle: each fails alone (WARN,
 * cluster_up 0) while a healthy cluster keeps syncing, and converges once the fault is gone.
 */
class VtmLimitsIT {

  private static final String POOL = "default-web-http";
  private static final String A = "10.0.0.9:30080=active";
  private static final String B = "10.0.0.10:30080=active";
  private static final String C = "10.0.0.11:30080=active";

  @TempDir Path tmp;

  @Test
  void endless_and_trickling_answers_fail_their_own_cluster_only_and_it_converges_once_healed()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "healthy", "endless", "trickle");
        LogCapture logs = new LogCapture()) {
      vtm.get("endless").setBodyFault(BodyFault.ENDLESS, "GET", "/api/tm/");
      vtm.get("trickle").setBodyFault(BodyFault.TRICKLE, "GET", "/api/tm/");
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      // Long enough for 16 MiB on a busy machine: the endless answer must hit the size limit.
      h.start(vtm.configure(h.options()).with("vtm.endless.timeout-ms", "20000"));
      vtm.awaitMembers("healthy", POOL, A);

      await().atMost(Duration.ofSeconds(20)).until(() -> failing(logs, "endless", "too_large"));
      await().atMost(Duration.ofSeconds(20)).until(() -> failing(logs, "trickle", "timeout"));
      assertThat(metrics(h)).contains(up("endless", 0), up("trickle", 0), up("healthy", 1));
      for (int n = 2; n <= 3; n++) {
        long start = System.nanoTime();
        h.cluster.scale("default", "web", n);
        vtm.awaitMembers("healthy", POOL, n == 2 ? new String[] {A, B} : new String[] {A, B, C});
        assertThat((System.nanoTime() - start) / 1_000_000)
            .as("the healthy cluster keeps its latency (ms)")
            .isLessThan(1500);
      }

      vtm.get("endless").setBodyFault(null, "GET", "/api/tm/");
      vtm.get("trickle").setBodyFault(null, "GET", "/api/tm/");
      vtm.awaitMembers("endless", POOL, A, B, C);
      vtm.awaitMembers("trickle", POOL, A, B, C);
      await().atMost(Duration.ofSeconds(10)).until(() -> metrics(h).contains(up("endless", 1)));
      assertThat(metrics(h)).contains(up("trickle", 1));
    }
  }

  private static boolean failing(LogCapture logs, String cluster, String errorId) {
    return logs.lines().stream()
        .anyMatch(
            l ->
                l.startsWith("WARN vTM cluster " + cluster + " is failing")
                    && l.contains("GET /api/tm/")
                    && l.contains("client." + errorId));
  }

  private static String metrics(AppHarness h) {
    return h.app.bean(App.METRICS, PrometheusMeterRegistry.class).scrape();
  }

  private static String up(String cluster, int value) {
    return "vtmsync_cluster_up{cluster=\"" + cluster + "\"} " + value + ".0";
  }
}
