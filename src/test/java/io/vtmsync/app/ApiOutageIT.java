package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server unreachable for 30 s: pools and vTM stay exactly as they were (fail static),
 * readiness reports the outage once it outlasts k8s.unready-after-ms, and a change that raced the
 * outage is not lost: the re-list after the API returns brings it in.
 */
class ApiOutageIT {

  private static final String POOL = "default-web-http";
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void thirty_seconds_without_the_api_server_lose_no_change_and_touch_no_pool() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(vtm.configure(h.options()).with("k8s.unready-after-ms", "3000"));
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
      h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10");
      String file = h.content(POOL);
      long puts = vtm.puts("a", POOL);

      h.cluster.scale("default", "web", 3); // written to the API just as it goes away
      h.kube.stop();
      long end = System.nanoTime() + OUTAGE.toNanos();
      boolean sawUnready = false;
      while (System.nanoTime() < end) {
        sawUnready |= !h.ready();
        String now = h.content(POOL);
        assertThat(now == null || now.equals(file) || now.contains("10.0.0.11"))
            .as("the pool file is never emptied or damaged")
            .isTrue();
        assertThat(vtm.members("a", POOL))
            .as("vTM keeps its members")
            .hasSizeGreaterThanOrEqualTo(2);
        Thread.sleep(1000);
      }
      assertThat(sawUnready).as("readiness reported the outage").isTrue();

      h.kube.restart();
      await().atMost(Duration.ofSeconds(40)).until(h::ready);
      h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10", "10.0.0.11");
      vtm.awaitMembers(
          "a", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active", "10.0.0.11:30080=active");
      assertThat(vtm.puts("a", POOL))
          .as("one write for the one change")
          .isLessThanOrEqualTo(puts + 1);
    }
  }
}
