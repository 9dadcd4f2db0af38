package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static io.vtmsync.sim.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyPoolTest {
  private static final String POOLS = "/api/tm/2.0/config/active/pools/";

  private VtmSimulator sim;
  private SimClient client;

  @BeforeAll
  void start() {
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("legacy").withVersions("2.0"));
    client = new SimClient(sim);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void node_lists_and_weighting_are_accepted_and_read_back() throws Exception {
    String body =
        q(
            "{'properties':{'basic':{'nodes':['10.0.0.1:80','10.0.0.2:80'],"
                + "'draining':['10.0.0.2:80'],'disabled':['10.0.0.3:80']},'load_balancing':{"
                + "'node_weighting':[{'node':'10.0.0.1:80','weight':5}],"
                + "'priority_values':['10.0.0.1:80:2']}}}");

    HttpResponse<byte[]> response = client.putJson(POOLS + "old", body);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode properties = json(response).path("properties");
    assertThat(properties.at("/basic/nodes").size()).isEqualTo(2);
    assertThat(properties.at("/basic/disabled/0").asText()).isEqualTo("10.0.0.3:80");
    assertThat(properties.at("/load_balancing/node_weighting/0/weight").asInt()).isEqualTo(5);
    assertThat(properties.path("basic").has("nodes_table")).isFalse();
  }

  @Test
  void side_tables_replace_as_a_whole_and_other_balancing_settings_stay() throws Exception {
    String first =
        q(
            "{'properties':{'basic':{'nodes':['10.0.0.1:80','[fd00::1]:80']},'load_balancing':{"
                + "'algorithm':'weighted_round_robin',"
                + "'node_weighting':[{'node':'10.0.0.1:80','weight':5},"
                + "{'node':'[fd00::1]:80','weight':100}],"
                + "'priority_values':['10.0.0.1:80:0','[fd00::1]:80:2']}}}");
    String second =
        q(
            "{'properties':{'basic':{'nodes':['10.0.0.1:80']},'load_balancing':{"
                + "'node_weighting':[{'node':'10.0.0.1:80','weight':7}],"
                + "'priority_values':['10.0.0.1:80:1']}}}");

    assertThat(client.putJson(POOLS + "sides", first).statusCode()).isEqualTo(201);
    JsonNode balancing =
        json(client.putJson(POOLS + "sides", second)).at("/properties/load_balancing");

    assertThat(balancing.path("node_weighting").toString())
        .isEqualTo("[{\"node\":\"10.0.0.1:80\",\"weight\":7}]");
    assertThat(balancing.path("priority_values").toString()).isEqualTo("[\"10.0.0.1:80:1\"]");
    assertThat(balancing.path("algorithm").asText()).isEqualTo("weighted_round_robin");
    assertThat(json(client.get(POOLS + "sides")).at("/properties/load_balancing"))
        .isEqualTo(balancing);
  }

  @Test
  void side_table_values_out_of_range_are_rejected() throws Exception {
    String body =
        q(
            "{'properties':{'load_balancing':{"
                + "'node_weighting':[{'node':'10.0.0.1:80','weight':0}],"
                + "'priority_values':['10.0.0.1:80:4294967296']}}}");

    JsonNode info = json(client.putJson(POOLS + "ranges", body)).path("error_info");

    assertThat(info.at("/load_balancing/node_weighting/10.0.0.1:80/weight/error_id").asText())
        .isEqualTo("num.out_of_range");
    assertThat(info.at("/load_balancing/priority_values/error_id").asText())
        .isEqualTo("num.out_of_range");
    assertThat(sim.pool("ranges")).isEmpty();
  }

  @Test
  void a_priority_value_without_a_numeric_priority_is_rejected() throws Exception {
    for (String value : new String[] {"10.0.0.1:80", "10.0.0.1:80:high", "10.0.0.1:80:-1"}) {
      String body = q("{'properties':{'load_balancing':{'priority_values':['" + value + "']}}}");

      JsonNode info = json(client.putJson(POOLS + "prio", body)).path("error_info");

      assertThat(info.at("/load_balancing/priority_values/error_id").asText())
          .as(value)
          .isEqualTo(ErrorBodies.BAD_NODE);
    }
  }

  @Test
  void nodes_table_is_an_unknown_property_before_3_0() throws Exception {
    String body = q("{'properties':{'basic':{'nodes_table':[{'node':'10.0.0.1:80'}]}}}");

    HttpResponse<byte[]> response = client.putJson(POOLS + "modern", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error_info/basic/nodes_table/error_id").asText())
        .isEqualTo("json.unknown_property");
  }

  @Test
  void draining_node_missing_from_nodes_is_rejected() throws Exception {
    String body =
        q("{'properties':{'basic':{'nodes':['10.0.0.1:80'],'draining':['10.0.0.2:80']}}}");

    HttpResponse<byte[]> response = client.putJson(POOLS + "strict", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error_info/basic/draining/error_id").asText())
        .isEqualTo(ErrorBodies.NODE_STATE_CONFLICT);
    assertThat(sim.pool("strict")).isEmpty();
  }

  @Test
  void bad_node_in_a_list_is_rejected_at_the_list_key() throws Exception {
    String body = q("{'properties':{'basic':{'nodes':['10.0.0.1']}}}");

    JsonNode body400 = json(client.putJson(POOLS + "badlist", body));

    assertThat(body400.at("/error_info/basic/nodes/error_id").asText())
        .isEqualTo(ErrorBodies.BAD_NODE);
  }

  @Test
  void options_reject_mixed_legacy_and_modern_versions() {
    VtmSimulator.Options options = VtmSimulator.Options.defaults("mixed");

    assertThatThrownBy(() -> options.withVersions("2.0", "3.9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.setApiVersions("8.3"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
