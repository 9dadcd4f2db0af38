package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code once} and {@code --dry-run}: one pass, an exit status that tells, and no writes when dry.
 */
class OnceIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  private record Run(int exit, String out) {}

  private Run once(App.Options o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = OnceCommand.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void once_syncs_everything_and_exits_0_when_every_target_converged() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      Run r = once(vtm.configure(h.options()));
      assertThat(r.exit()).as(r.out()).isZero();
      assertThat(r.out()).contains("once: every target converged", "vtm:a {synced=1}");
      assertThat(vtm.members("a", POOL)).hasSize(2);
      assertThat(h.members(POOL)).containsExactly("10.0.0.9", "10.0.0.10");
    }
  }

  @Test
  void once_exits_1_when_a_pool_is_left_alone_and_2_when_a_cluster_is_down() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      vtm.get("a")
          .putPoolDirect(
              POOL,
              (ObjectNode)
                  new ObjectMapper()
                      .readTree("{\"properties\":{\"basic\":{\"note\":\"hand-made\"}}}"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Run foreign = once(vtm.configure(h.options()));
      assertThat(foreign.exit()).as(foreign.out()).isEqualTo(1);
      assertThat(foreign.out()).contains("foreign=1", "NOT converged");
      vtm.get("a").goDown();
      Run down = once(vtm.configure(h.options()).with("timeout", "4"));
      assertThat(down.exit()).as(down.out()).isEqualTo(2);
      // The lane holds the pool's newest plan and the sweep, both waiting for the cluster.
      assertThat(down.out()).contains("work still pending", "pools=0", "vtm-a=2");
    }
  }

  @Test
  void dry_run_logs_each_diff_once_writes_nothing_and_exits_1_naming_what_differs()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture logs = new LogCapture()) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      Run r = once(vtm.configure(h.options()).with("sync.dry-run", "true"));
      assertThat(r.exit()).as(r.out()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "once: dry run, would write: file pool=" + POOL + " updated +10.0.0.9:30080",
              "once: dry run, would write: vtm:a pool=" + POOL + " created +10.0.0.9:30080",
              "once: NOT converged: 2 pool(s) differ (dry run)");
      String file = "[dry-run, nothing written] file pool=" + POOL + " updated +10.0.0.9:30080";
      String vtmA = "[dry-run, nothing written] vtm:a pool=" + POOL + " created +10.0.0.9:30080";
      assertThat(logs.lines()).filteredOn(l -> l.endsWith(file)).hasSize(1);
      assertThat(logs.lines()).filteredOn(l -> l.endsWith(vtmA)).hasSize(1);
      assertThat(h.file(POOL)).doesNotExist();
      assertThat(vtm.get("a").requests()).allMatch(req -> req.method().equals("GET"));
      assertThat(vtm.get("a").pool(POOL)).isEmpty();
    }
  }

  @Test
  void dry_run_exits_0_when_every_target_already_has_the_plan() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      assertThat(once(vtm.configure(h.options())).exit()).isZero();
      Run dry = once(vtm.configure(h.options()).with("sync.dry-run", "true"));
      assertThat(dry.exit()).as(dry.out()).isZero();
      assertThat(dry.out()).contains("once: every target converged (dry run: nothing differs)");
    }
  }

  @Test
  void a_running_dry_run_logs_a_diff_once_not_at_every_resync() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a");
        LogCapture logs = new LogCapture()) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()).with("sync.dry-run", "true"));
      String vtmA = "[dry-run, nothing written] vtm:a pool=" + POOL + " created";
      await().atMost(Duration.ofSeconds(15)).until(() -> logs.all().contains(vtmA));
      long syncs = h.syncs();
      // sync.resync-period-ms is 2 s in the harness: wait for two resyncs of the pool.
      await().atMost(Duration.ofSeconds(15)).until(() -> h.syncs() >= syncs + 2);
      assertThat(logs.lines()).filteredOn(l -> l.contains("[dry-run, nothing written]")).hasSize(2);
    }
  }
}
