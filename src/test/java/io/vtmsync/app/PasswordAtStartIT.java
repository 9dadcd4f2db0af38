package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A vTM password that cannot be read at start: said once, cluster down, no refusal to start. */
class PasswordAtStartIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  @Test
  void a_missing_password_file_is_named_once_at_start_and_the_cluster_is_down_until_it_appears()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "late");
        LogCapture logs = new LogCapture()) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Path mounted = tmp.resolve("secret/late.password");
      h.start(vtm.configure(h.options()).with("vtm.late.password-file", mounted.toString()));

      String start = "vTM cluster late: config key vtm.late.password-file='" + mounted + "'";
      assertThat(logs.lines())
          .filteredOn(l -> l.startsWith("WARN " + start))
          .singleElement()
          .asString()
          .contains("cannot read it: NoSuchFileException", "Starting anyway");
      assertThat(up(h)).isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> logs.all().contains("vtm:late pool=" + POOL + " FAILED"));
      assertThat(up(h)).as("a write that could not be sent is not up").isZero();

      Files.createDirectories(mounted.getParent());
      Files.copy(tmp.resolve("vtm/late.password"), mounted);
      vtm.awaitMembers("late", POOL, "10.0.0.9:30080=active");
      await().atMost(Duration.ofSeconds(5)).until(() -> up(h) == 1);
      assertThat(logs.lines()).filteredOn(l -> l.contains(start)).hasSize(1);
      assertThat(logs.all()).doesNotContain(vtm.get("late").password());
    }
  }

  private static double up(AppHarness h) {
    return h.app
        .bean(App.METRICS, MeterRegistry.class)
        .get("vtmsync.cluster.up")
        .tag("cluster", "late")
        .gauge()
        .value();
  }
}
