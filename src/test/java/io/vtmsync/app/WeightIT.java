package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.ManagedNote;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weight annotation end to end: on a 3.x node table and on the 2.0 side tables, and no rewrite
 * once a read-back shows the pool as planned.
 */
class WeightIT {

  private static final String POOL = "default-web-http";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void a_weighted_service_lands_with_its_weight_on_every_row_and_is_not_rewritten()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      vtm.add(VtmSimulator.Options.defaults("old").withVersions("2.0"));
      h.service("web", Map.of("vtm-k8s-sync.io/weight", "5"));
      h.cluster.scale("default", "web", 2);
      h.start(vtm.configure(h.options()).with("vtm.verify-period-ms", "1000"));
      vtm.awaitMembers("a", POOL, "10.0.0.9:30080=active", "10.0.0.10:30080=active");
      awaitWeights(vtm, "old", "5"); // SimClusters.members reads node tables only
      for (String c : List.of("a", "old")) {
        awaitReadBackAfterLastPut(vtm.get(c));
      }
      assertThat(vtm.get("old").pool(POOL).orElseThrow().at("/properties/basic/nodes").toString())
          .isEqualTo("[\"10.0.0.9:30080\",\"10.0.0.10:30080\"]");
      JsonNode rows = vtm.get("a").pool(POOL).orElseThrow().at("/properties/basic/nodes_table");
      assertThat(rows.findValuesAsText("weight")).containsExactly("5", "5");
      assertThat(rows.findValuesAsText("priority")).containsExactly("1", "1");
      JsonNode sides = vtm.get("old").pool(POOL).orElseThrow().at("/properties/load_balancing");
      assertThat(sides.path("node_weighting").findValuesAsText("weight")).containsExactly("5", "5");
      assertThat(sides.path("priority_values").toString())
          .isEqualTo("[\"10.0.0.9:30080:1\",\"10.0.0.10:30080:1\"]");
      assertThat(vtm.puts("a", POOL)).as("one PUT, none after the read-back").isEqualTo(1);
      assertThat(vtm.puts("old", POOL)).as("one PUT, none after the read-back").isEqualTo(1);
      assertThat(h.content(POOL)).contains("\"weight\":5").doesNotContain("priority");

      setWeight(h, "20");
      awaitWeights(vtm, "a", "20");
      awaitWeights(vtm, "old", "20");
      assertThat(vtm.puts("a", POOL)).as("the change costs one PUT").isEqualTo(2);
    }
  }

  @Test
  void a_pool_read_back_without_weight_and_priority_columns_counts_as_1_and_is_left_alone()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        SimClusters vtm = new SimClusters(tmp.resolve("vtm"), "a")) {
      // As a vTM that omits default columns would return the pool we wrote (facts file section 6).
      vtm.get("a")
          .putPoolDirect(
              POOL,
              (ObjectNode)
                  JSON.readTree(
                      "{\"properties\":{\"basic\":{\"note\":\""
                          + ManagedNote.text("default/web")
                          + "\",\"nodes_table\":[{\"node\":\"10.0.0.9:30080\",\"state\":\"active\"}]}}}"));
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(vtm.configure(h.options()).with("vtm.verify-period-ms", "1000"));
      awaitReadBackAfterLastPut(vtm.get("a"));
      awaitReadBackAfterLastPut(vtm.get("a")); // the start's read, then a verifier's
      assertThat(vtm.puts("a", POOL)).isZero();
    }
  }

  private static void awaitWeights(SimClusters vtm, String cluster, String weight) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> weights(vtm, cluster), List.of(weight, weight)::equals);
  }

  /** The weights a cluster holds for the pool: row by row, or the 2.0 node_weighting rows. */
  private static List<String> weights(SimClusters vtm, String cluster) {
    JsonNode p = vtm.get(cluster).pool(POOL).map(n -> n.path("properties")).orElse(null);
    if (p == null) {
      return List.of();
    }
    JsonNode rows =
        p.path("basic").has("nodes_table")
            ? p.path("basic").path("nodes_table")
            : p.path("load_balancing").path("node_weighting");
    return rows.findValuesAsText("weight");
  }

  private static void setWeight(AppHarness h, String weight) {
    h.client
        .services()
        .inNamespace("default")
        .withName("web")
        .edit(
            s -> {
              s.getMetadata().getAnnotations().put("vtm-k8s-sync.io/weight", weight);
              return s;
            });
  }

  /** Waits until the pool was read again after its last PUT (or after the last such wait). */
  private static void awaitReadBackAfterLastPut(VtmSimulator sim) {
    String path = "/config/active/pools/" + POOL; // not status/.../statistics/pools/
    int from = sim.requests().size();
    await("a read-back of " + POOL + " on " + sim.name() + " with no PUT after it")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              List<RecordedRequest> log = sim.requests();
              for (int i = log.size() - 1; i >= from; i--) {
                RecordedRequest r = log.get(i);
                if (r.path().endsWith(path)) {
                  return r.method().equals("GET");
                }
              }
              return false;
            });
  }
}
