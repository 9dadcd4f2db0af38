package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Pools and files read and written through a lane's route, on a modern and a 2.0 cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmApiPoolsTest {
  private static final String NOTE = "managed by vtm-k8s-sync";

  private VtmSimulator modern;
  private VtmSimulator legacy;
  private LaneHarness lane;
  private LaneHarness legacyLane;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    modern = VtmSimulator.start(VtmSimulator.Options.defaults("pools"));
    legacy = VtmSimulator.start(VtmSimulator.Options.defaults("legacy").withVersions("2.0"));
    lane = LaneHarness.start(modern, dir);
    legacyLane = LaneHarness.start(legacy, dir);
  }

  @AfterAll
  void stop() throws Exception {
    lane.close();
    legacyLane.close();
    modern.close();
    legacy.close();
  }

  private static Optional<RemotePool> get(LaneHarness on, String name) {
    return on.call(api -> api.getPool(name));
  }

  private static PutResult put(LaneHarness on, String name, List<Member> members, String note) {
    return on.call(api -> api.putPool(name, members, note));
  }

  private List<String> list() {
    return lane.call(VtmApi::listPools);
  }

  @Test
  void missing_pool_reads_as_empty() {
    assertThat(get(lane, "no-such-pool")).isEmpty();
  }

  @Test
  void first_put_creates_the_pool_with_its_note() {
    PutResult result = put(lane, "created", List.of(Member.active("10.0.0.1", 80)), NOTE);

    assertThat(result.created()).isTrue();
    assertThat(result.pool().note()).isEqualTo(NOTE);
    assertThat(modern.pool("created").orElseThrow().at("/properties/basic/note").asText())
        .isEqualTo(NOTE);
    assertThat(modern.count("PUT", "/api/tm/8.3/config/active/pools/created")).isEqualTo(1);
  }

  @Test
  void update_answers_200_and_keeps_the_note_and_foreign_settings() throws Exception {
    modern.putPoolDirect(
        "kept",
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"basic\":{\"note\":\""
                    + NOTE
                    + "\",\"monitors\":[\"Ping\"],"
                    + "\"persistence_class\":\"sticky\",\"nodes_table\":"
                    + "[{\"node\":\"10.0.0.9:80\",\"state\":\"active\"}]},"
                    + "\"load_balancing\":{\"algorithm\":\"least_connections\"}}"));

    PutResult result = put(lane, "kept", List.of(Member.active("10.0.0.2", 8080)), null);

    assertThat(result.created()).isFalse();
    assertThat(result.pool().members()).containsExactly(Member.active("10.0.0.2", 8080));
    JsonNode stored = modern.pool("kept").orElseThrow().path("properties");
    assertThat(stored.at("/basic/note").asText()).isEqualTo(NOTE);
    assertThat(stored.at("/basic/monitors/0").asText()).isEqualTo("Ping");
    assertThat(stored.at("/basic/persistence_class").asText()).isEqualTo("sticky");
    assertThat(stored.at("/load_balancing/algorithm").asText()).isEqualTo("least_connections");
    assertThat(stored.at("/basic/nodes_table").size()).isEqualTo(1);
  }

  @Test
  void members_round_trip_with_every_state_and_ipv6() {
    List<Member> members =
        List.of(
            Member.active("10.0.0.1", 80),
            Member.draining("10.0.0.2", 80),
            new Member("10.0.0.3", 80, MemberState.DISABLED),
            Member.active("fd00::1", 80));

    put(lane, "states", members, NOTE);
    RemotePool pool = get(lane, "states").orElseThrow();

    assertThat(pool.members()).containsExactlyElementsOf(members);
    assertThat(pool.note()).isEqualTo(NOTE);
    assertThat(pool.raw().at("/properties/basic/nodes_table/3/node").asText())
        .isEqualTo("[fd00::1]:80");
    assertThat(pool.raw().at("/properties/basic/nodes_table/1/state").asText())
        .isEqualTo("draining");
  }

  @Test
  void legacy_2_0_cluster_gets_node_lists_and_reads_them_back() {
    List<Member> members =
        List.of(
            Member.active("10.0.0.1", 80),
            Member.draining("10.0.0.2", 80),
            new Member("10.0.0.3", 80, MemberState.DISABLED));

    PutResult created = put(legacyLane, "old", members, NOTE);
    JsonNode basic = legacy.pool("old").orElseThrow().at("/properties/basic");

    assertThat(created.created()).isTrue();
    assertThat(basic.path("nodes").toString()).isEqualTo("[\"10.0.0.1:80\",\"10.0.0.2:80\"]");
    assertThat(basic.path("draining").toString()).isEqualTo("[\"10.0.0.2:80\"]");
    assertThat(basic.path("disabled").toString()).isEqualTo("[\"10.0.0.3:80\"]");
    assertThat(get(legacyLane, "old").orElseThrow().members()).containsExactlyElementsOf(members);
    assertThat(legacy.count("PUT", "/api/tm/2.0/config/active/pools/old")).isEqualTo(1);
  }

  @Test
  void weights_and_priorities_round_trip_on_3_x_and_on_the_legacy_side_tables() {
    List<Member> members =
        List.of(
            Member.active("10.0.0.1", 80).withWeight(5).withPriority(0),
            Member.draining("10.0.0.2", 80).withWeight(100),
            new Member("10.0.0.3", 80, MemberState.DISABLED).withPriority(3),
            Member.active("fd00::1", 80).withWeight(2).withPriority(2));

    put(lane, "weighted", members, NOTE);
    put(legacyLane, "weighted", members, NOTE);

    assertThat(get(lane, "weighted").orElseThrow().members()).containsExactlyElementsOf(members);
    assertThat(get(legacyLane, "weighted").orElseThrow().members())
        .containsExactlyInAnyOrderElementsOf(members);
    JsonNode balancing = legacy.pool("weighted").orElseThrow().at("/properties/load_balancing");
    assertThat(balancing.path("node_weighting").size()).isEqualTo(4);
    assertThat(balancing.path("priority_values").toString()).contains("\"[fd00::1]:80:2\"");
  }

  @Test
  void legacy_update_clears_a_state_the_node_left() {
    put(legacyLane, "drained", List.of(Member.draining("10.0.0.5", 80)), NOTE);

    PutResult updated = put(legacyLane, "drained", List.of(Member.active("10.0.0.5", 80)), null);

    assertThat(updated.created()).isFalse();
    assertThat(updated.pool().members()).containsExactly(Member.active("10.0.0.5", 80));
    assertThat(updated.pool().note()).isEqualTo(NOTE);
  }

  @Test
  void names_with_spaces_are_sent_as_percent_20() {
    put(lane, "my pool+1", List.of(Member.active("10.0.0.1", 80)), NOTE);

    assertThat(modern.count("PUT", "/api/tm/8.3/config/active/pools/my%20pool%2B1")).isEqualTo(1);
    assertThat(modern.pool("my pool+1")).isPresent();
    assertThat(get(lane, "my pool+1")).isPresent();
    assertThat(list()).contains("my pool+1");

    lane.call(api -> api.deletePool("my pool+1"));
    assertThat(modern.pool("my pool+1")).isEmpty();
  }

  @Test
  void deleting_a_pool_that_is_already_gone_is_fine() {
    put(lane, "short-lived", List.of(), NOTE);

    lane.call(api -> api.deletePool("short-lived"));
    lane.call(api -> api.deletePool("short-lived"));

    assertThat(get(lane, "short-lived")).isEmpty();
    assertThat(list()).doesNotContain("short-lived");
  }

  @Test
  void files_are_written_and_read_as_raw_bytes_in_both_collections() {
    byte[] first = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] second = new byte[] {0, 1, 2, (byte) 0xff};

    lane.call(api -> api.putFile("extra_files", "pools file.json", first));
    lane.call(api -> api.putFile("extra_files", "pools file.json", second));
    lane.call(api -> api.putFile("servicediscovery", "k8s-sync", first));

    Optional<byte[]> back = lane.call(api -> api.getFile("extra_files", "pools file.json"));
    Optional<byte[]> absent = lane.call(api -> api.getFile("extra_files", "absent"));
    assertThat(back).contains(second);
    assertThat(modern.serviceDiscoveryPlugin("k8s-sync")).contains(first);
    assertThat(absent).isEmpty();
    RecordedRequest put =
        modern.requests().stream()
            .filter(r -> r.method().equals("PUT") && r.path().contains("pools%20file.json"))
            .findFirst()
            .orElseThrow();
    assertThat(put.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void authenticates_preemptively_so_no_request_meets_a_401() {
    list();
    legacyLane.call(VtmApi::listPools);

    assertThat(modern.requests()).isNotEmpty().allMatch(r -> r.status() != 401);
    assertThat(legacy.requests()).isNotEmpty().allMatch(r -> r.status() != 401);
  }
}
