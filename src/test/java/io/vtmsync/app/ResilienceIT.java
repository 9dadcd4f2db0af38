package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.demo.EmbeddedKubernetes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watches that end, API servers that restart or vanish: changes still arrive, pools never empty.
 */
class ResilienceIT {

  @TempDir Path dir;

  @Test
  void a_watch_closed_with_410_gone_relists_and_later_changes_still_arrive() throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(1);
      for (int round = 0; round < 2; round++) {
        h.kube.expireWatches();
      }
      h.cluster.scale("default", "web", 2);
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10");
      h.kube.expireWatches();
      h.cluster.setNodeReady("node-b", false);
      h.awaitMembers("default-web-http", "10.0.0.9");
    }
  }

  @Test
  void after_an_api_server_restart_the_pools_were_kept_and_later_changes_still_arrive()
      throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(2);
      String before = h.content("default-web-http");
      h.kube.stop();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  !h
                      .app
                      .bean("kubernetesSource", io.vtmsync.k8s.KubernetesSource.class)
                      .watching()
                      .values()
                      .stream()
                      .allMatch(b -> b));
      Thread.sleep(2500); // a resync passes while the API is gone
      assertThat(h.content("default-web-http")).as("fail static").isEqualTo(before);
      assertThat(h.ready()).as("caches are still whole").isTrue();
      h.kube.restart();
      h.cluster.scale("default", "web", 3);
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10", "10.0.0.11");
    }
  }

  @Test
  void a_restart_while_the_api_is_unreachable_keeps_the_files_and_reports_not_ready()
      throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(2);
      h.app.close();
      String before = h.content("default-web-http");
      h.kube.stop();
      h.start(h.options());
      Thread.sleep(2500);
      assertThat(h.ready()).as("readiness says the caches are not synced").isFalse();
      assertThat(h.content("default-web-http")).as("files untouched").isEqualTo(before);
      h.kube.restart();
      await().atMost(Duration.ofSeconds(15)).until(h::ready);
      h.cluster.scale("default", "web", 3);
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10", "10.0.0.11");
    }
  }

  @Test
  void a_start_against_an_empty_directory_writes_nothing_before_the_caches_sync() throws Exception {
    try (EmbeddedKubernetes down = new EmbeddedKubernetes()) {
      String url = down.url();
      down.stop();
      App.Options o =
          App.Options.defaults()
              .with("k8s.master-url", url)
              .with("k8s.watch-reconnect-interval-ms", "100")
              .with("sink.file.directory", dir.toString());
      try (App app = App.start(o)) {
        Thread.sleep(1500);
        try (var files = Files.list(dir)) {
          assertThat(files.filter(p -> p.toString().endsWith(".json"))).isEmpty();
        }
      }
    }
  }
}
