package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline is extended by editing YAML, as a Camel user would, with no Java change: a new sink
 * is one route file plus its endpoint in sync.sinks, and an edited request route is what vTM gets.
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

  @Test
  void a_header_added_to_the_request_route_reaches_vtm_and_the_rest_stays_as_it_was()
      throws Exception {
    Path routes = copyOfRoutes(tmp);
    Path lane = routes.resolve("sink-vtm.camel.yaml");
    String yaml = Files.readString(lane);
    String doTry = "          - doTry:\n";
    assertThat(yaml).contains(doTry);
    Files.writeString(
        lane,
        yaml.replace(
            doTry,
            """
                      - setHeader:
                          name: X-Request-Source
                          expression:
                            simple: "vtm-k8s-sync ${variable.conversation.request.method}"
            """
                + doTry));
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()).withLocations(null, routes.toString()));
      vtm.awaitMembers("a", "default-web-http", "10.0.0.9:30080=active");
      List<RecordedRequest> seen = vtm.get("a").requests();
      assertThat(seen).isNotEmpty();
      for (RecordedRequest r : seen) {
        assertThat(r.headers().get("X-request-source"))
            .as(r.method() + " " + r.path())
            .containsExactly("vtm-k8s-sync " + r.method());
      }
    }
  }
}
