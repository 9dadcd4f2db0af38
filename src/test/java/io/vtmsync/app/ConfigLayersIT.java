package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's config file is laid over the bundled defaults: a file naming only a vTM cluster runs,
 * every route placeholder resolves to its default, and the log names the port really bound.
 */
class ConfigLayersIT {

  @TempDir Path tmp;

  @Test
  void a_config_file_with_only_the_cluster_keys_runs_on_the_defaults() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Path file = tmp.resolve("mine.properties");
      StringBuilder only = new StringBuilder();
      vtm.configure(App.Options.defaults())
          .overrides()
          .forEach((k, v) -> only.append(k).append(" = ").append(v).append('\n'));
      Files.writeString(file, only);
      // The harness's own settings (API server, directory) stay command-line overrides.
      h.start(h.options().withLocations(file.toString(), null));
      vtm.awaitMembers("a", "default-web-http", "10.0.0.9:30080=active");
    }
  }

  @Test
  void the_log_names_the_management_port_really_bound() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        LogCapture log = new LogCapture()) {
      h.start(
          h.options().with("camel.management.enabled", "true").with("camel.management.port", "0"));
      Pattern line = Pattern.compile("health and metrics on port (\\d+)");
      await().atMost(Duration.ofSeconds(30)).until(() -> line.matcher(log.all()).find());
      Matcher m = line.matcher(log.all());
      assertThat(m.find()).isTrue();
      int port = Integer.parseInt(m.group(1));
      assertThat(port).isPositive();
      HttpResponse<String> live =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/observe/health/live"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
    }
  }
}
