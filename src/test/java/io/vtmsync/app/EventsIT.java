package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes Events on exposed Services, written by the real app through the real routes to a real
 * API server: a change per target, each problem with its reason, repeats as counts.
 */
class EventsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void each_target_reports_its_changes_as_pool_synced_naming_the_diff() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "east")) {
      Service web = h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      h.start(vtm.configure(h.options()).with("ha.pod-name", "sync-0"));
      KubeEvents events = new KubeEvents(h.client);
      String pool = " pool=default-web-http ";
      events.awaitOne(
          "web",
          "PoolSynced",
          ("vtm:east" + pool + "created +10.0.0.9:30080 +10.0.0.10:30080")::equals);
      events.awaitOne(
          "web",
          "PoolSynced",
          ("file" + pool + "updated +10.0.0.9:30080 +10.0.0.10:30080")::equals);

      h.cluster.scale("default", "web", 3);
      events.awaitOne(
          "web", "PoolSynced", ("vtm:east" + pool + "updated +10.0.0.11:30080")::equals);
      events.awaitOne("web", "PoolSynced", ("file" + pool + "updated +10.0.0.11:30080")::equals);
      KubeEvents.settle(h.app);
      List<Event> all = events.on("web");
      assertThat(all).as("one per change per target").hasSize(4);
      for (Event e : all) {
        assertThat(e.getType()).isEqualTo("Normal");
        assertThat(e.getCount()).isEqualTo(1);
        assertThat(e.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(e.getInvolvedObject().getKind()).isEqualTo("Service");
        assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("v1");
        assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("default");
        assertThat(e.getInvolvedObject().getUid())
            .isEqualTo(web.getMetadata().getUid())
            .isNotBlank();
        assertThat(e.getSource().getComponent()).isEqualTo("vtm-k8s-sync");
        assertThat(e.getReportingComponent()).isEqualTo("vtm-k8s-sync");
        assertThat(e.getReportingInstance()).isEqualTo("sync-0");
        assertThat(e.getFirstTimestamp()).isNotBlank().isEqualTo(e.getLastTimestamp());
      }
    }
  }

  @Test
  void each_problem_raises_a_warning_naming_it_and_a_repeat_bumps_the_count() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "east")) {
      pool(
          vtm,
          "default-foreign-http",
          "{\"note\":\"hand-made\",\"nodes_table\":[{\"node\":\"192.0.2.7:80\",\"state\":\"active\"}]}");
      // Ours, but vTM refuses a node table while Service Discovery feeds the pool (a 400).
      pool(
          vtm,
          "default-strict-http",
          "{\"note\":\"managed by vtm-k8s-sync from Kubernetes Service default/strict\"},"
              + "\"service_discovery\":{\"enabled\":true,\"plugin\":\"BuiltIn-DNS_Stateless\"}");
      for (String s : List.of("foreign", "strict", "empty")) {
        h.service(s, Map.of());
        h.cluster.scale("default", s, 1);
      }
      h.service("bad", Map.of("vtm-k8s-sync.io/mode", "nodeprot"));
      h.service("a", Map.of("vtm-k8s-sync.io/pool", "shared"));
      h.service("b", Map.of("vtm-k8s-sync.io/pool", "shared"));
      h.start(vtm.configure(h.options()));
      h.awaitMembers("default-empty-http", "10.0.0.9");
      h.cluster.scale("default", "empty", 0);
      h.cluster.finishTerminating("default", "empty");

      KubeEvents events = new KubeEvents(h.client);
      events.awaitOne(
          "bad", "InvalidAnnotation", m -> m.contains("vtm-k8s-sync.io/mode='nodeprot'"));
      events.awaitOne(
          "foreign", "PoolNotOwned", m -> m.startsWith("vtm:east pool=default-foreign-http LEFT"));
      events.awaitOne("b", "PoolConflict", m -> m.contains("'default/a' keeps it"));
      // a has no pods: its new pool is written without members.
      events.awaitOne("a", "PoolEmpty", m -> m.contains("has no ready endpoints"));
      events.awaitOne("empty", "PoolHeld", m -> m.contains("HELD last members: plan is empty"));
      Event failed =
          events.awaitOne(
              "strict", "PoolFailed", m -> m.startsWith("vtm:east pool=default-strict"));
      assertThat(failed.getMessage())
          .contains("HTTP 400 resource.validation_error", "pool.nodes_table_managed");
      assertThat(List.of(failed.getType(), events.on("b").get(0).getType()))
          .containsOnly("Warning");

      // The resync (2 s here) meets each lasting problem again: the same Event counts it.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  count(events, "bad", "InvalidAnnotation") >= 2
                      && count(events, "foreign", "PoolNotOwned") >= 2
                      && count(events, "b", "PoolConflict") >= 2
                      && count(events, "strict", "PoolFailed") >= 2);
      for (String[] sr :
          new String[][] {
            {"bad", "InvalidAnnotation"},
            {"foreign", "PoolNotOwned"},
            {"b", "PoolConflict"},
            {"strict", "PoolFailed"}
          }) {
        Event e = events.on(sr[0], sr[1]).get(0);
        assertThat(events.on(sr[0], sr[1])).as("one Event for %s %s", sr[0], sr[1]).hasSize(1);
        assertThat(e.getFirstTimestamp()).isLessThanOrEqualTo(e.getLastTimestamp());
      }
    }
  }

  private static int count(KubeEvents events, String service, String reason) {
    return events.on(service, reason).stream().mapToInt(Event::getCount).max().orElse(0);
  }

  private static void pool(SimClusters vtm, String name, String basicAndMore) throws Exception {
    String json = "{\"properties\":{\"basic\":" + basicAndMore + "}}";
    vtm.get("east").putPoolDirect(name, (ObjectNode) JSON.readTree(json));
  }
}
