package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmClientPoolsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String NOTE = "managed by vtm-k8s-sync";

  private VtmSimulator modern;
  private VtmSimulator legacy;
  private VtmClient client;
  private VtmClient legacyClient;

  @BeforeAll
  void start(@TempDir Path dir) {
    modern = VtmSimulator.start(VtmSimulator.Options.defaults("pools"));
    legacy = VtmSimulator.start(VtmSimulator.Options.defaults("legacy").withVersions("2.0"));
    client = SimClusters.client(modern, dir);
    legacyClient = SimClusters.client(legacy, dir);
  }

  @AfterAll
  void stop() {
    modern.close();
    legacy.close();
  }

  @Test
  void missing_pool_reads_as_empty() {
    assertThat(client.getPool("no-such-pool")).isEmpty();
  }

  @Test
  void first_put_creates_the_pool_with_its_note() {
    PutResult result = client.putPool("created", List.of(Member.active("10.0.0.1", 80)), NOTE);

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
            MAPPER.readTree(
                "{\"basic\":{\"note\":\""
                    + NOTE
                    + "\",\"monitors\":[\"Ping\"],"
                    + "\"persistence_class\":\"sticky\",\"nodes_table\":"
                    + "[{\"node\":\"10.0.0.9:80\",\"state\":\"active\"}]},"
                    + "\"load_balancing\":{\"algorithm\":\"least_connections\"}}"));

    PutResult result = client.putPool("kept", List.of(Member.active("10.0.0.2", 8080)), null);

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

    client.putPool("states", members, NOTE);
    RemotePool pool = client.getPool("states").orElseThrow();

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

    PutResult created = legacyClient.putPool("old", members, NOTE);
    JsonNode basic = legacy.pool("old").orElseThrow().at("/properties/basic");

    assertThat(created.created()).isTrue();
    assertThat(basic.path("nodes").toString()).isEqualTo("[\"10.0.0.1:80\",\"10.0.0.2:80\"]");
    assertThat(basic.path("draining").toString()).isEqualTo("[\"10.0.0.2:80\"]");
    assertThat(basic.path("disabled").toString()).isEqualTo("[\"10.0.0.3:80\"]");
    assertThat(legacyClient.getPool("old").orElseThrow().members())
        .containsExactlyElementsOf(members);
    assertThat(legacy.count("PUT", "/api/tm/2.0/config/active/pools/old")).isEqualTo(1);
  }

  @Test
  void legacy_update_clears_a_state_the_node_left() {
    legacyClient.putPool("drained", List.of(Member.draining("10.0.0.5", 80)), NOTE);

    PutResult updated =
        legacyClient.putPool("drained", List.of(Member.active("10.0.0.5", 80)), null);

    assertThat(updated.created()).isFalse();
    assertThat(updated.pool().members()).containsExactly(Member.active("10.0.0.5", 80));
    assertThat(updated.pool().note()).isEqualTo(NOTE);
  }

  @Test
  void names_with_spaces_are_sent_as_percent_20() {
    client.putPool("my pool+1", List.of(Member.active("10.0.0.1", 80)), NOTE);

    assertThat(modern.count("PUT", "/api/tm/8.3/config/active/pools/my%20pool%2B1")).isEqualTo(1);
    assertThat(modern.pool("my pool+1")).isPresent();
    assertThat(client.getPool("my pool+1")).isPresent();
    assertThat(client.listPools()).contains("my pool+1");

    client.deletePool("my pool+1");
    assertThat(modern.pool("my pool+1")).isEmpty();
  }

  @Test
  void deleting_a_pool_that_is_already_gone_is_fine() {
    client.putPool("short-lived", List.of(), NOTE);

    client.deletePool("short-lived");
    client.deletePool("short-lived");

    assertThat(client.getPool("short-lived")).isEmpty();
    assertThat(client.listPools()).doesNotContain("short-lived");
  }

  @Test
  void files_are_written_and_read_as_raw_bytes_in_both_collections() {
    byte[] first = "{\"version\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] second = new byte[] {0, 1, 2, (byte) 0xff};

    client.putFile("extra_files", "pools file.json", first);
    client.putFile("extra_files", "pools file.json", second);
    client.putFile("servicediscovery", "k8s-sync", first);

    assertThat(client.getFile("extra_files", "pools file.json")).contains(second);
    assertThat(modern.serviceDiscoveryPlugin("k8s-sync")).contains(first);
    assertThat(client.getFile("extra_files", "absent")).isEmpty();
    RecordedRequest put =
        modern.requests().stream()
            .filter(r -> r.method().equals("PUT") && r.path().contains("pools%20file.json"))
            .findFirst()
            .orElseThrow();
    assertThat(put.contentType()).isEqualTo("application/octet-stream");
  }

  @Test
  void authenticates_preemptively_so_no_request_meets_a_401() {
    client.listPools();
    legacyClient.listPools();

    assertThat(modern.requests()).isNotEmpty().allMatch(r -> r.status() != 401);
    assertThat(legacy.requests()).isNotEmpty().allMatch(r -> r.status() != 401);
  }
}
