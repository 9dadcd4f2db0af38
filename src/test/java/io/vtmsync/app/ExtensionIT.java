package io.vtmsync.app;

import static org.awaitility.Awaitility.await;

import io.vtmsync.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline is extended by editing YAML, as a Camel user would, with no Java change: a new sink
 * is one route file plus its endpoint in sync.sinks.
 */
class ExtensionIT {

  @TempDir Path tmp;

  /** A copy of routes/ to edit. */
  static Path copyOfRoutes(Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("routes"));
    try (Stream<Path> routes = Files.list(Path.of("routes"))) {
      for (Path r : routes.toList()) {
        Files.copy(r, dir.resolve(r.getFileName()));
      }
    }
    return dir;
  }

  @Test
  void a_new_sink_is_a_route_file_and_one_config_key() throws Exception {
    Path routes = copyOfRoutes(tmp);
    Files.writeString(
        routes.resolve("sink-audit.camel.yaml"),
        """
        - route:
            id: sink-audit
            from:
              uri: direct:sink-audit
              steps:
                - log:
                    message: "audit pool=${body.pool} code=${body.code} members=${body.members.size}"
                    logName: audit
        """);
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        LogCapture log = new LogCapture("audit")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(
          h.options()
              .withLocations(null, routes.toString())
              .with("sync.sinks", "direct:sink-file,direct:sink-vtm,direct:sink-audit"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> log.all().contains("audit pool=default-web-http code=200 members=2"));
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10");
    }
  }
}
