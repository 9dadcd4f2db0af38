package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden files: the exact bytes vTM reads (facts file section 12) and the REST PUT body. */
class RenderersTest {

  private static final List<Member> MEMBERS =
      List.of(
          Member.active("10.0.0.10", 30080),
          Member.draining("10.0.0.9", 30080),
          Member.active("fd00::9", 30080));

  /** In plan order; weights 5, 100, 1 and priorities 1, 0, 2. */
  private static final List<Member> WEIGHTED =
      List.of(
          Member.draining("10.0.0.9", 30080).withWeight(5),
          Member.active("10.0.0.10", 30080).withWeight(100).withPriority(0),
          Member.active("fd00::9", 30080).withPriority(2));

  private static String golden(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/golden", name)).trim();
  }

  @Test
  void sd_json_lists_members_in_numeric_order_and_marks_draining() throws Exception {
    PoolPlan plan = PoolPlan.of("p", "ns/s", Set.of(), MEMBERS);
    assertThat(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8))
        .isEqualTo(golden("sd-200.json"));
  }

  @Test
  void sd_json_error_form_has_code_and_error_and_no_nodes() throws Exception {
    PoolPlan plan = PoolPlan.failed("p", "ns/s", Set.of(), 404, "Service \"x\" was deleted");
    assertThat(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8))
        .isEqualTo(golden("sd-404.json"));
  }

  @Test
  void sd_json_for_an_empty_200_plan_has_an_empty_node_list() {
    PoolPlan plan = PoolPlan.of("p", "ns/s", Set.of(), List.of());
    assertThat(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8))
        .isEqualTo("{\"version\":1,\"code\":200,\"nodes\":[]}");
  }

  @Test
  void sd_json_parses_back_to_the_same_members() {
    PoolPlan plan = PoolPlan.of("p", "ns/s", Set.of(), MEMBERS);
    assertThat(ServiceDiscoveryJson.parse(ServiceDiscoveryJson.render(plan)).members())
        .containsExactlyElementsOf(plan.members());
  }

  @Test
  void nodes_table_body_sends_only_the_node_table_with_bracketed_ipv6() throws Exception {
    String body =
        new String(
            NodesTable.render(new java.util.TreeSet<>(MEMBERS).stream().toList()),
            StandardCharsets.UTF_8);
    assertThat(body).isEqualTo(golden("nodes-table.json"));
  }

  @Test
  void nodes_table_reads_back_members_including_ipv6_and_missing_state() throws Exception {
    var pool =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"properties\":{\"basic\":{\"nodes_table\":[{\"node\":\"[fd00::9]:80\",\"state\":\"draining\",\"weight\":1},{\"node\":\"10.0.0.1:80\"}]}}}");
    assertThat(NodesTable.read(pool))
        .containsExactly(Member.draining("fd00::9", 80), Member.active("10.0.0.1", 80));
  }

  @Test
  void nodes_table_rows_carry_weight_and_priority_always_also_when_1() throws Exception {
    assertThat(new String(NodesTable.render(WEIGHTED), StandardCharsets.UTF_8))
        .isEqualTo(golden("nodes-table-weighted.json"));
  }

  @Test
  void sd_json_carries_weight_only_when_not_1_and_never_priority() throws Exception {
    PoolPlan plan = PoolPlan.of("p", "ns/s", Set.of(), WEIGHTED);

    assertThat(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8))
        .isEqualTo(golden("sd-200-weighted.json"));
  }

  @Test
  void sd_json_parses_back_weights_and_the_default_priority() {
    PoolPlan plan = PoolPlan.of("p", "ns/s", Set.of(), WEIGHTED);

    List<Member> parsed = ServiceDiscoveryJson.parse(ServiceDiscoveryJson.render(plan)).members();

    assertThat(parsed).containsExactlyElementsOf(ServiceDiscoveryJson.carried(plan.members()));
    assertThat(parsed).extracting(Member::weight).containsExactly(5, 100, 1);
    assertThat(parsed).extracting(Member::priority).containsExactly(1, 1, 1);
  }
}
