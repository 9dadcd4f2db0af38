package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.k8s.Monitoring;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard and the PrometheusRule in k8s/monitoring/ use is in a real
 * scrape of the app, after it synced a Service to the pool file and a simulated vTM cluster.
 */
class MetricNamesIT {

  /**
   * Metrics the dashboard and rules use before the app has them. Each entry names the work that
   * adds it; remove it there, so that this test checks the name from then on.
   */
  /** Names used before the metric exists: none left. */
  private static final Set<String> PENDING = Set.of();

  @TempDir Path tmp;

  @Test
  void every_metric_the_dashboard_and_the_alerts_use_is_scraped() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "east")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      int port = StatusClient.freePort();
      h.start(
          vtm.configure(h.options())
              .with("camel.management.enabled", "true")
              .with("camel.management.port", String.valueOf(port)));
      vtm.awaitMembers("east", "default-web-http", "10.0.0.9:30080=active");
      h.awaitMembers("default-web-http", "10.0.0.9");
      Set<String> scraped = new TreeSet<>();
      // The histograms appear once the write lag and the vTM requests are recorded.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                scraped.clear();
                scraped.addAll(names(scrape(port)));
                return scraped.contains("vtmsync_write_lag_seconds_bucket");
              });
      Set<String> used = Monitoring.metricNames();
      assertThat(used)
          .as("the dashboard and rules use metrics")
          .contains(
              "vtmsync_leader",
              "vtmsync_cluster_up",
              "vtmsync_write_lag_seconds_bucket",
              "vtmsync_members_dead");
      Set<String> missing = new TreeSet<>(used);
      missing.removeAll(scraped);
      assertThat(missing).as("used but not scraped").containsExactlyInAnyOrderElementsOf(PENDING);
    }
  }

  private static String scrape(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * Sample names of a Prometheus text scrape ({@code name{labels} value} or {@code name value}).
   */
  private static Set<String> names(String scrape) {
    Set<String> out = new TreeSet<>();
    scrape
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(l -> out.add(l.split("[{ ]", 2)[0]));
    return out;
  }
}
