package io.vtmsync.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and alerts in {@code k8s/monitoring/} are complete and well formed; MetricNamesIT
 * checks their metric names against a real scrape.
 */
class MonitoringTest {

  @Test
  void the_kustomization_applies_every_file_in_the_folder() throws Exception {
    JsonNode k = Monitoring.read("kustomization.yaml");
    List<String> used = new ArrayList<>(List.of("kustomization.yaml"));
    k.path("resources").forEach(r -> used.add(r.asText()));
    k.at("/configMapGenerator/0/files").forEach(f -> used.add(f.asText()));
    try (Stream<java.nio.file.Path> files = Files.list(Monitoring.DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(used);
    }
    assertThat(k.at("/configMapGenerator/0/options/labels/grafana_dashboard").asText())
        .isEqualTo("1");
    assertThat(k.path("namespace").asText()).isEqualTo("vtm-k8s-sync");
  }

  @Test
  void the_rules_alert_on_what_the_issue_asks_each_with_severity_and_text() {
    JsonNode rule = Monitoring.rule();
    assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
    List<String> alerts = new ArrayList<>();
    for (JsonNode r : rule.at("/spec/groups/0/rules")) {
      alerts.add(r.path("alert").asText());
      assertThat(r.path("expr").asText()).as(r.toString()).isNotBlank();
      assertThat(balanced(r.path("expr").asText())).as(r.toString()).isTrue();
      assertThat(r.path("for").asText()).as(r.toString()).matches("\\d+m");
      assertThat(r.at("/labels/severity").asText()).isIn("warning", "critical");
      assertThat(r.at("/annotations/summary").asText()).isNotBlank();
      assertThat(r.at("/annotations/description").asText()).isNotBlank();
    }
    assertThat(alerts)
        .contains(
            "VtmSyncClusterFailing",
            "VtmSyncPoolHeld",
            "VtmSyncWriteLagHigh",
            "VtmSyncNoLeader",
            "VtmSyncMembersDead")
        .doesNotHaveDuplicates();
  }

  @Test
  void the_dashboard_shows_what_the_issue_asks_from_one_prometheus_data_source() {
    JsonNode d = Monitoring.dashboard();
    Set<Integer> ids = new HashSet<>();
    List<String> titles = new ArrayList<>();
    for (JsonNode p : d.path("panels")) {
      assertThat(ids.add(p.path("id").asInt())).as("unique panel id " + p.path("id")).isTrue();
      if (p.path("type").asText().equals("row")) {
        continue;
      }
      titles.add(p.path("title").asText());
      assertThat(p.path("description").asText()).as(p.path("title").asText()).isNotBlank();
      assertThat(p.at("/datasource/uid").asText()).isEqualTo("${datasource}");
      assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
      p.path("targets").forEach(t -> assertThat(balanced(t.path("expr").asText())).isTrue());
    }
    assertThat(titles)
        .contains(
            "Kubernetes events",
            "Write lag p50 / p99 per target",
            "Pools by state",
            "vTM cluster up",
            "Leader",
            "Members dead on vTM");
    assertThat(d.at("/templating/list/0/query").asText()).isEqualTo("prometheus");
  }

  private static boolean balanced(String expr) {
    int depth = 0;
    for (char c : expr.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }
}
