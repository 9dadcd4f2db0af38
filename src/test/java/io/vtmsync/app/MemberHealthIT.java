package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vTM's own view of member health is read back within the read budget: a member Kubernetes calls
 * ready but vTM calls dead shows in the metrics and, once down long enough, in a WARN and a
 * MemberDown Event on the Service naming it.
 */
class MemberHealthIT {

  @TempDir Path tmp;

  private static String scrape(AppHarness h) {
    return h.app.bean(App.METRICS, PrometheusMeterRegistry.class).scrape();
  }

  @Test
  void a_member_dead_on_vtm_but_ready_in_kubernetes_is_counted_and_reported() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture log = new LogCapture()) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(
          vtm.configure(h.options())
              .with("vtm.verify-period-ms", "1000")
              .with("vtm.read-rate", "10")
              .with("vtm.member-down-after-ms", "1000"));
      vtm.awaitMembers("a", "default-web-http", "10.0.0.9:30080=active", "10.0.0.10:30080=active");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> scrape(h).contains("vtmsync_members{cluster=\"a\",state=\"alive\"} 2.0"));

      vtm.get("a").setNodeState("10.0.0.10:30080", "dead");
      // The per-pool rows are renewed when the health read that found the member dead has ended,
      // a moment after the cluster's counts: wait for both.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  scrape(h)
                      .contains(
                          "vtmsync_pool_members_dead{cluster=\"a\",pool=\"default-web-http\"}"
                              + " 1.0"));
      assertThat(scrape(h))
          .contains(
              "vtmsync_members_dead{cluster=\"a\"} 1.0",
              "vtmsync_members{cluster=\"a\",state=\"dead\"} 1.0");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> log.all().contains("member 10.0.0.10:30080 is ready in Kubernetes but dead"));
      assertThat(log.lines().stream().filter(l -> l.contains("but dead on vTM")).count())
          .as("said once per episode")
          .isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  h.client.v1().events().inNamespace("default").list().getItems().stream()
                      .anyMatch(
                          e ->
                              "MemberDown".equals(e.getReason())
                                  && "Warning".equals(e.getType())
                                  && "web".equals(e.getInvolvedObject().getName())
                                  && e.getMessage().contains("10.0.0.10:30080")));

      vtm.get("a").setNodeState("10.0.0.10:30080", null);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> scrape(h).contains("vtmsync_members_dead{cluster=\"a\"} 0.0"));
    }
  }
}
