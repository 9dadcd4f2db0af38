package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process SIGKILLed while writes to a slow vTM are pending, the cluster changing while it is
 * dead, then started again: it converges from the current state with no manual step, and the pool
 * file it left behind was whole.
 */
class KillRestartIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  private Process start(AppHarness h, SimClusters vtm, Path log) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/vtm-k8s-sync.jar",
                "run"));
    vtm.configure(h.options()).overrides().forEach((k, v) -> cmd.add("--" + k + "=" + v));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void a_sigkill_with_writes_pending_converges_after_restart_without_manual_steps()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "slow")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Process first = start(h, vtm, tmp.resolve("first.log"));
      try {
        vtm.awaitMembers("slow", POOL, "10.0.0.9:30080=active");
        vtm.get("slow").setDelay(Duration.ofMillis(1500));
        h.cluster.scale("default", "web", 2); // a write to the slow cluster is now in flight
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> h.members(POOL) != null && h.members(POOL).size() == 2);
      } finally {
        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
      ServiceDiscoveryJson.parse(Files.readAllBytes(h.file(POOL))); // whole, never half-written
      h.cluster.scale("default", "web", 3); // the cluster moves on while nobody syncs
      vtm.get("slow").setDelay(Duration.ZERO);

      Process second = start(h, vtm, tmp.resolve("second.log"));
      try {
        h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10", "10.0.0.11");
        vtm.awaitMembers(
            "slow",
            POOL,
            "10.0.0.9:30080=active",
            "10.0.0.10:30080=active",
            "10.0.0.11:30080=active");
      } finally {
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(Files.readString(tmp.resolve("second.log"))).doesNotContain("ERROR");
    }
  }
}
