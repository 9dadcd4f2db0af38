package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Level-triggered to the end: pools we own whose Service went away while the app was down are found
 * after the caches sync and handled by the removed-pool policy; pools and files without our mark,
 * and the pools of a Service held for bad input, are never touched.
 */
class OrphanSweepIT {

  private static final String POOL = "default-web-http";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** Runs the app once with Services web and held, until both are synced, then stops it. */
  private void firstRun(AppHarness h, SimClusters vtm, App.Options o) throws Exception {
    h.service("web", Map.of());
    h.service("held", Map.of("vtm-k8s-sync.io/pool", "held-pool"));
    h.cluster.scale("default", "web", 1);
    h.cluster.scale("default", "held", 1);
    try (App app = App.start(o)) {
      h.awaitMembers(POOL, "10.0.0.9");
      h.awaitMembers("held-pool", "10.0.0.9");
      vtm.awaitMembers("a", POOL, HeldServiceIT.node(h, "web", 9));
      vtm.awaitMembers("a", "held-pool", HeldServiceIT.node(h, "held", 9));
    }
  }

  /** While the app is down: web is deleted, held gets an unparseable pool name, strangers come. */
  private void whileDown(AppHarness h, SimClusters vtm) throws Exception {
    h.client.services().inNamespace("default").withName("web").delete();
    h.client
        .services()
        .inNamespace("default")
        .withName("held")
        .edit(
            s -> {
              s.getMetadata().getAnnotations().put("vtm-k8s-sync.io/pool", "bad/name");
              return s;
            });
    Files.writeString(h.dir.resolve("stranger.json"), "{\"version\":1,\"code\":200,\"nodes\":[]}");
    vtm.get("a")
        .putPoolDirect(
            "stranger",
            (ObjectNode)
                JSON.readTree(
                    "{\"properties\":{\"basic\":{\"note\":\"hand-made\",\"nodes_table\":[]}}}"));
  }

  private void strangersAndHeldUntouched(AppHarness h, SimClusters vtm) throws Exception {
    assertThat(h.content("stranger")).isEqualTo("{\"version\":1,\"code\":200,\"nodes\":[]}");
    assertThat(vtm.get("a").pool("stranger")).isPresent();
    assertThat(h.members("held-pool")).containsExactly("10.0.0.9");
    assertThat(vtm.members("a", "held-pool")).hasSize(1).allMatch(m -> m.startsWith("10.0.0.9:"));
  }

  @Test
  void a_service_deleted_while_down_is_removed_by_the_policy_at_the_next_start() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture log = new LogCapture()) {
      App.Options o =
          vtm.configure(h.options())
              .with("sink.file.removed", "delete")
              .with("vtm.removed-pool", "delete");
      firstRun(h, vtm, o);
      whileDown(h, vtm);
      h.start(o);
      await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(h.file(POOL)));
      await().atMost(Duration.ofSeconds(15)).until(() -> vtm.get("a").pool(POOL).isEmpty());
      Thread.sleep(2500); // another resync and sweep
      strangersAndHeldUntouched(h, vtm);
      assertThat(log.all()).contains("pool=" + POOL + " removed", "Service 'default/web'");
    }
  }

  @Test
  void with_the_default_policies_the_file_says_404_and_the_vtm_pool_is_kept_and_logged()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture log = new LogCapture()) {
      App.Options o = vtm.configure(h.options());
      firstRun(h, vtm, o);
      whileDown(h, vtm);
      h.start(o);
      h.awaitContent(POOL, c -> c.contains("\"code\":404"));
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> log.all().contains("vtm:a pool=" + POOL + " kept as it is"));
      Thread.sleep(2500);
      assertThat(vtm.members("a", POOL)).hasSize(1).allMatch(m -> m.startsWith("10.0.0.9:"));
      strangersAndHeldUntouched(h, vtm);
      assertThat(log.lines().stream().filter(l -> l.contains("pool=" + POOL + " kept")).count())
          .as("logged once, not at every sweep")
          .isEqualTo(1);
    }
  }
}
