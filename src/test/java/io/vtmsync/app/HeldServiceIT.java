package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input is not a removal: a live Service whose annotations stop parsing keeps every pool it
 * published, exactly as it was, on the file sink and on vTM, whatever the removed-pool policies.
 */
class HeldServiceIT {

  @TempDir Path tmp;

  /** The vTM node of a Service on node 10.0.0.{@code host}, as "ip:nodePort=active". */
  static String node(AppHarness h, String service, int host) {
    int port =
        h.client
            .services()
            .inNamespace("default")
            .withName(service)
            .get()
            .getSpec()
            .getPorts()
            .get(0)
            .getNodePort();
    return "10.0.0." + host + ":" + port + "=active";
  }

  @ParameterizedTest(name = "sink.file.removed={0}, vtm.removed-pool={1}")
  @CsvSource({"error, drain", "delete, delete"})
  void an_annotation_typo_on_live_services_holds_their_pools_as_they_were(
      String fileRemoved, String vtmRemoved) throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture log = new LogCapture()) {
      h.service("plain", Map.of());
      h.service("named", Map.of("vtm-k8s-sync.io/pool", "web-prod"));
      h.cluster.scale("default", "plain", 2);
      h.cluster.scale("default", "named", 1);
      h.start(
          vtm.configure(h.options())
              .with("sink.file.removed", fileRemoved)
              .with("vtm.removed-pool", vtmRemoved));
      h.awaitMembers("default-plain-http", "10.0.0.9", "10.0.0.10");
      h.awaitMembers("web-prod", "10.0.0.9");
      vtm.awaitMembers("a", "default-plain-http", node(h, "plain", 9), node(h, "plain", 10));
      vtm.awaitMembers("a", "web-prod", node(h, "named", 9));
      String plainFile = h.content("default-plain-http");
      String namedFile = h.content("web-prod");

      for (String svc : new String[] {"plain", "named"}) {
        h.client
            .services()
            .inNamespace("default")
            .withName(svc)
            .edit(
                s -> {
                  s.getMetadata().getAnnotations().put("vtm-k8s-sync.io/mode", "nodeprot");
                  return s;
                });
      }
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> log.all().contains("vtm-k8s-sync.io/mode='nodeprot'"));
      Thread.sleep(2500); // a resync and a sweep pass

      assertThat(h.content("default-plain-http")).as("held as it was").isEqualTo(plainFile);
      assertThat(h.content("web-prod")).as("held as it was").isEqualTo(namedFile);
      assertThat(vtm.members("a", "default-plain-http"))
          .containsExactly(node(h, "plain", 10), node(h, "plain", 9));
      assertThat(vtm.members("a", "web-prod")).containsExactly(node(h, "named", 9));
      try (var files = Files.list(h.dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
            .as("no stray document under a name nobody asked for")
            .containsExactlyInAnyOrder("default-plain-http.json", "web-prod.json");
      }
      assertThat(log.all())
          .contains("HELD", "Service 'default/plain'", "Service 'default/named'")
          .doesNotContain("no longer published", "removed:");

      // Fixing the typo syncs again; the pool then follows the Service as before.
      h.client
          .services()
          .inNamespace("default")
          .withName("named")
          .edit(
              s -> {
                s.getMetadata().getAnnotations().remove("vtm-k8s-sync.io/mode");
                return s;
              });
      h.cluster.scale("default", "named", 2);
      h.awaitMembers("web-prod", "10.0.0.9", "10.0.0.10");
      vtm.awaitMembers("a", "web-prod", node(h, "named", 9), node(h, "named", 10));
    }
  }
}
