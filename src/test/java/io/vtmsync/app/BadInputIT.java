package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Services and annotations get a clear error each, and every other pool keeps syncing. */
class BadInputIT {

  @TempDir Path root;

  @Test
  void bad_services_are_reported_by_name_and_the_good_pool_keeps_syncing() throws Exception {
    Path dir = root.resolve("pools");
    try (AppHarness h = new AppHarness(dir);
        LogCapture log = new LogCapture()) {
      h.service("good", Map.of());
      h.cluster.scale("default", "good", 1);
      h.service("badmode", Map.of("vtm-k8s-sync.io/mode", "magic"));
      h.service("escape", Map.of("vtm-k8s-sync.io/pool", "../outside"));
      h.service("slash", Map.of("vtm-k8s-sync.io/pool", "a/b"));
      h.service("typo", Map.of("vtm-k8s-sync.io/prot", "http"));
      h.cluster.createService(
          new ServiceBuilder()
              .withNewMetadata()
              .withName("clusterip")
              .withNamespace("default")
              .addToAnnotations("vtm-k8s-sync.io/expose", "true")
              .endMetadata()
              .withNewSpec()
              .withType("ClusterIP")
              .addToSelector("app", "clusterip")
              .addNewPort()
              .withName("http")
              .withPort(80)
              .endPort()
              .endSpec()
              .build(),
          List.of());
      h.start(h.options());
      h.awaitMembers("default-good-http", "10.0.0.9");

      // The Services sync in any order: wait for every file before reading it. A new pool gets
      // the 400 document under the name it would have had.
      for (String pool :
          List.of("default-badmode-http", "default-typo-http", "default-clusterip-http")) {
        h.awaitContent(pool, c -> c.contains("\"code\":400"));
      }
      assertThat(h.content("default-badmode-http"))
          .contains("Service 'default/badmode'", "vtm-k8s-sync.io/mode='magic'");
      assertThat(h.content("default-typo-http"))
          .contains("unknown annotation vtm-k8s-sync.io/prot");
      assertThat(h.content("default-clusterip-http")).contains("is not of type 'NodePort'");
      // A pool name that cannot be told gets no document: the log names the Service and value.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  log.all().contains("invalid pool name '../outside'")
                      && log.all().contains("invalid pool name 'a/b'"));
      assertThat(log.all()).contains("Service 'default/escape'", "Service 'default/slash'");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
            .containsExactlyInAnyOrder(
                "default-good-http.json",
                "default-badmode-http.json",
                "default-typo-http.json",
                "default-clusterip-http.json");
      }

      h.cluster.scale("default", "good", 2);
      h.awaitMembers("default-good-http", "10.0.0.9", "10.0.0.10");
      try (Stream<Path> outside = Files.list(root)) {
        assertThat(outside.map(p -> p.getFileName().toString())).containsExactly("pools");
      }
    }
  }

  @Test
  void fixing_a_bad_annotation_replaces_the_error_and_breaking_it_again_keeps_the_members()
      throws Exception {
    try (AppHarness h = new AppHarness(root)) {
      h.service("web", Map.of("vtm-k8s-sync.io/pool", "web"));
      h.cluster.scale("default", "web", 1);
      h.start(h.options());
      h.awaitMembers("web", "10.0.0.9");
      var svc = h.client.services().inNamespace("default").withName("web");
      svc.edit(
          s -> {
            s.getMetadata().getAnnotations().put("vtm-k8s-sync.io/port", "nope");
            return s;
          });
      Thread.sleep(1000);
      assertThat(h.members("web"))
          .as("held: an error never replaces members")
          .containsExactly("10.0.0.9");
      svc.edit(
          s -> {
            s.getMetadata().getAnnotations().remove("vtm-k8s-sync.io/port");
            return s;
          });
      h.cluster.scale("default", "web", 2);
      h.awaitMembers("web", "10.0.0.9", "10.0.0.10");
    }
  }
}
