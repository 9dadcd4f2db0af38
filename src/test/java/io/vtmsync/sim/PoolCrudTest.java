package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static io.vtmsync.sim.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolCrudTest {
  private static final String POOLS = "/api/tm/8.3/config/active/pools/";
  private static final String TABLE =
      q(
          "{'properties':{'basic':{'nodes_table':[{'node':'10.0.0.11:8080','state':'active',"
              + "'weight':1,'priority':1},{'node':'10.0.0.12:8080','state':'draining'}]}}}");

  private VtmSimulator sim;
  private SimClient client;

  @BeforeAll
  void start() {
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("crud"));
    client = new SimClient(sim);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void put_creates_pool_with_201_then_updates_with_200() throws Exception {
    HttpResponse<byte[]> created = client.putJson(POOLS + "web", TABLE);
    HttpResponse<byte[]> updated = client.putJson(POOLS + "web", TABLE);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(updated.statusCode()).isEqualTo(200);
    JsonNode table = json(updated).at("/properties/basic/nodes_table");
    assertThat(table.findValuesAsText("node")).containsExactly("10.0.0.11:8080", "10.0.0.12:8080");
  }

  @Test
  void new_pool_reads_back_with_section_6_defaults() throws Exception {
    JsonNode basic =
        json(client.putJson(POOLS + "defaults", "{\"properties\":{}}")).at("/properties/basic");

    assertThat(basic.path("nodes_table").isEmpty()).isTrue();
    assertThat(basic.path("note").asText()).isEmpty();
    assertThat(basic.path("passive_monitoring").asBoolean()).isTrue();
    assertThat(basic.path("node_delete_behavior").asText()).isEqualTo("immediate");
    assertThat(basic.path("node_connection_attempts").asInt()).isEqualTo(3);
    assertThat(basic.path("max_connection_attempts").asInt()).isZero();
    assertThat(basic.path("transparent").asBoolean()).isFalse();
    assertThat(basic.path("node_close_with_rst").asBoolean()).isFalse();
  }

  @Test
  void table_put_keeps_monitors_and_note_set_earlier() throws Exception {
    client.putJson(
        POOLS + "merge",
        q(
            "{'properties':{'basic':{'monitors':['Ping'],'note':'n1'},"
                + "'load_balancing':{'algorithm':'least_connections'}}}"));

    JsonNode after = json(client.putJson(POOLS + "merge", TABLE)).path("properties");

    assertThat(after.at("/basic/monitors/0").asText()).isEqualTo("Ping");
    assertThat(after.at("/basic/note").asText()).isEqualTo("n1");
    assertThat(after.at("/load_balancing/algorithm").asText()).isEqualTo("least_connections");
    assertThat(after.at("/basic/nodes_table").size()).isEqualTo(2);
  }

  @Test
  void table_is_replaced_as_a_whole_and_rows_keep_omitted_weight_absent() throws Exception {
    client.putJson(POOLS + "replace", TABLE);
    String one = q("{'properties':{'basic':{'nodes_table':[{'node':'10.0.0.13:8080'}]}}}");

    JsonNode table =
        json(client.putJson(POOLS + "replace", one)).at("/properties/basic/nodes_table");

    assertThat(table.size()).isEqualTo(1);
    assertThat(table.get(0).path("state").asText()).isEqualTo("active");
    assertThat(table.get(0).has("weight")).isFalse();
  }

  @Test
  void unchanged_put_still_answers_200() throws Exception {
    client.putJson(POOLS + "same", TABLE);

    assertThat(client.putJson(POOLS + "same", TABLE).statusCode()).isEqualTo(200);
    assertThat(client.putJson(POOLS + "same", "{\"properties\":{}}").statusCode()).isEqualTo(200);
  }

  @Test
  void delete_answers_204_without_body_then_404() throws Exception {
    client.putJson(POOLS + "gone", TABLE);

    HttpResponse<byte[]> deleted = client.delete(POOLS + "gone");

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(client.delete(POOLS + "gone").statusCode()).isEqualTo(404);
    assertThat(client.get(POOLS + "gone").statusCode()).isEqualTo(404);
  }

  @Test
  void collection_lists_names_with_url_encoded_hrefs() throws Exception {
    assertThat(client.putJson(POOLS + "my%20pool", TABLE).statusCode()).isEqualTo(201);

    for (String path : new String[] {"/api/tm/8.3/config/active/pools", POOLS}) {
      JsonNode children = json(client.get(path)).path("children");
      JsonNode mine =
          children.findParents("name").stream()
              .filter(c -> c.path("name").asText().equals("my pool"))
              .findFirst()
              .orElseThrow();
      assertThat(mine.path("href").asText()).isEqualTo(POOLS + "my%20pool");
    }
    assertThat(sim.pool("my pool")).isPresent();
  }

  @Test
  void octet_stream_pool_put_is_415() throws Exception {
    HttpResponse<byte[]> response = client.putBytes(POOLS + "bytes", TABLE.getBytes());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(sim.pool("bytes")).isEmpty();
  }

  @Test
  void direct_seed_is_visible_over_http_with_defaults_filled_in() throws Exception {
    ObjectNode seed =
        (ObjectNode)
            SimClient.MAPPER.readTree(
                q(
                    "{'properties':{'basic':{'note':'foreign','nodes_table':[{'node':'1.2.3.4:80',"
                        + "'weight':0}]}}}"));
    sim.putPoolDirect("foreign", seed);

    JsonNode basic = json(client.get(POOLS + "foreign")).at("/properties/basic");

    assertThat(basic.path("note").asText()).isEqualTo("foreign");
    assertThat(basic.at("/nodes_table/0/weight").asInt()).isZero();
    assertThat(basic.path("monitors").isArray()).isTrue();
    assertThat(sim.pools()).containsKey("foreign");
  }

  @Test
  void request_log_counts_by_method_and_path_prefix() throws Exception {
    client.putJson(POOLS + "counted", TABLE);
    client.get(POOLS + "counted");

    assertThat(sim.count("PUT", POOLS + "counted")).isEqualTo(1);
    RecordedRequest put =
        sim.requests().stream()
            .filter(r -> r.path().equals(POOLS + "counted"))
            .findFirst()
            .orElseThrow();
    assertThat(put.contentType()).isEqualTo("application/json");
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.bodyText()).contains("10.0.0.11:8080");
  }
}
