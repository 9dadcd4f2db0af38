package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static io.vtmsync.sim.SimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolValidationTest {
  private static final String POOL = "/api/tm/8.3/config/active/pools/checked";

  private VtmSimulator sim;
  private SimClient client;

  @BeforeAll
  void start() {
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("valid"));
    client = new SimClient(sim);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  /** PUTs the body, expects 400 resource.validation_error and returns error_info. */
  private JsonNode rejected(String singleQuotedJson) throws Exception {
    HttpResponse<byte[]> response = client.putJson(POOL, q(singleQuotedJson));
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.path("error_id").asText()).isEqualTo("resource.validation_error");
    assertThat(body.path("error_text").asText()).isEqualTo("The resource provided is invalid");
    assertThat(sim.pool("checked")).as("a rejected PUT stores nothing").isEmpty();
    return body.path("error_info");
  }

  private static String table(String rows) {
    return "{'properties':{'basic':{'nodes_table':[" + rows + "]}}}";
  }

  @Test
  void unknown_section_key_and_top_level_member_are_json_unknown_property() throws Exception {
    assertThat(rejected("{'properties':{'bogus':{}}}").at("/bogus/error_id").asText())
        .isEqualTo("json.unknown_property");
    assertThat(
            rejected("{'properties':{'basic':{'nodes':[]}}}").at("/basic/nodes/error_id").asText())
        .isEqualTo("json.unknown_property");
    assertThat(rejected("{'basic':{}}").at("/basic/error_id").asText())
        .isEqualTo("json.unknown_property");
  }

  @Test
  void wrong_json_type_is_json_wrong_type() throws Exception {
    JsonNode info = rejected("{'properties':{'basic':{'note':5,'passive_monitoring':'yes'}}}");

    assertThat(info.at("/basic/note/error_id").asText()).isEqualTo("json.wrong_type");
    assertThat(info.at("/basic/passive_monitoring/error_id").asText()).isEqualTo("json.wrong_type");
  }

  @Test
  void weight_zero_is_out_of_range_under_the_node_row() throws Exception {
    JsonNode info = rejected(table("{'node':'10.1.1.1:80','weight':0}"));

    JsonNode leaf = info.at("/basic/nodes_table/10.1.1.1:80/weight");
    assertThat(leaf.path("error_id").asText()).isEqualTo("num.out_of_range");
    assertThat(leaf.path("error_text").asText()).isEqualTo("Value '0' must be within 1-100");
  }

  @Test
  void negative_priority_is_out_of_range() throws Exception {
    JsonNode info = rejected(table("{'node':'10.1.1.1:80','priority':-1}"));

    assertThat(info.at("/basic/nodes_table/10.1.1.1:80/priority/error_id").asText())
        .isEqualTo("num.out_of_range");
    assertThat(info.at("/basic/nodes_table/10.1.1.1:80/priority/error_text").asText())
        .isEqualTo("Value '-1' must be within 0-4294967295");
  }

  @Test
  void weight_above_100_and_priority_above_an_unsigned_int_are_out_of_range() throws Exception {
    JsonNode info =
        rejected(
            table(
                "{'node':'10.1.1.1:80','weight':101},{'node':'10.1.1.2:80','weight':100,"
                    + "'priority':4294967296}"));

    assertThat(info.at("/basic/nodes_table/10.1.1.1:80/weight/error_text").asText())
        .isEqualTo("Value '101' must be within 1-100");
    assertThat(info.at("/basic/nodes_table/10.1.1.2:80/priority/error_id").asText())
        .isEqualTo("num.out_of_range");
    assertThat(info.at("/basic/nodes_table/10.1.1.2:80").has("weight")).isFalse();
  }

  @Test
  void weight_or_priority_that_is_not_an_integer_is_json_wrong_type() throws Exception {
    JsonNode info =
        rejected(
            table("{'node':'10.1.1.1:80','weight':'5'},{'node':'10.1.1.2:80','priority':1.5}"));

    assertThat(info.at("/basic/nodes_table/10.1.1.1:80/weight/error_id").asText())
        .isEqualTo("json.wrong_type");
    assertThat(info.at("/basic/nodes_table/10.1.1.2:80/priority/error_id").asText())
        .isEqualTo("json.wrong_type");
  }

  @Test
  void weights_and_priorities_in_range_are_stored_and_omitted_ones_stay_omitted() throws Exception {
    String body =
        q(
            table(
                "{'node':'10.1.1.1:80','weight':100,'priority':0},"
                    + "{'node':'10.1.1.2:80','weight':1,'priority':4294967295},"
                    + "{'node':'10.1.1.3:80'}"));

    HttpResponse<byte[]> response = client.putJson(POOL + "-weights", body);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode rows = json(response).at("/properties/basic/nodes_table");
    assertThat(rows.at("/0/weight").asInt()).isEqualTo(100);
    assertThat(rows.at("/0/priority").asInt()).isZero();
    assertThat(rows.at("/1/priority").asLong()).isEqualTo(4294967295L);
    // Section 6: rows read back may omit weight and priority; the simulator models that.
    assertThat(rows.get(2).has("weight")).isFalse();
    assertThat(rows.get(2).has("priority")).isFalse();
    assertThat(rows.at("/2/state").asText()).isEqualTo("active");
  }

  @Test
  void state_outside_the_enum_is_rejected_under_the_node_row() throws Exception {
    JsonNode info = rejected(table("{'node':'10.1.1.1:80','state':'drain'}"));

    assertThat(info.at("/basic/nodes_table/10.1.1.1:80/state/error_id").asText())
        .isEqualTo(ErrorBodies.BAD_ENUM);
  }

  @Test
  void unparsable_node_string_is_keyed_by_that_string() throws Exception {
    for (String node :
        new String[] {
          "10.1.1.1", "10.1.1.1:0", "10.1.1.1:70000", "300.1.1.1:80", "bad_host:80", "[zz::1]:80"
        }) {
      JsonNode info = rejected(table("{'node':'" + node + "'}"));

      assertThat(info.path("basic").path("nodes_table").path(node).at("/node/error_id").asText())
          .as(node)
          .isEqualTo(ErrorBodies.BAD_NODE);
    }
  }

  @Test
  void unbracketed_ipv6_node_is_rejected_and_bracketed_is_accepted() throws Exception {
    JsonNode info = rejected(table("{'node':'2001:db8::1:80'}"));

    assertThat(
            info.path("basic")
                .path("nodes_table")
                .path("2001:db8::1:80")
                .at("/node/error_id")
                .asText())
        .isEqualTo(ErrorBodies.BAD_NODE);
    String ok = q(table("{'node':'[2001:db8::1]:80'},{'node':'svc.ns.example.com:31199'}"));
    assertThat(client.putJson(POOL + "-v6", ok).statusCode()).isEqualTo(201);
  }

  @Test
  void row_without_node_is_keyed_by_index_with_property_no_default() throws Exception {
    JsonNode info = rejected(table("{'state':'active'}"));

    assertThat(info.at("/basic/nodes_table/[0]/node/error_id").asText())
        .isEqualTo("property.no_default");
  }

  @Test
  void duplicate_node_is_json_invalid_table() throws Exception {
    JsonNode info = rejected(table("{'node':'10.1.1.1:80'},{'node':'10.1.1.1:80'}"));

    assertThat(info.at("/basic/nodes_table/error_id").asText()).isEqualTo("json.invalid_table");
  }

  @Test
  void unknown_row_column_and_non_array_table_are_rejected() throws Exception {
    assertThat(
            rejected(table("{'node':'10.1.1.1:80','colour':'red'}"))
                .at("/basic/nodes_table/10.1.1.1:80/colour/error_id")
                .asText())
        .isEqualTo("json.unknown_property");
    assertThat(
            rejected("{'properties':{'basic':{'nodes_table':{}}}}")
                .at("/basic/nodes_table/error_id")
                .asText())
        .isEqualTo("json.invalid_table");
  }

  @Test
  void body_that_is_not_json_is_400_json_parse_error() throws Exception {
    HttpResponse<byte[]> response = client.putJson(POOL, "{\"properties\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error_id").asText()).isEqualTo("json.parse_error");
  }

  @Test
  void non_empty_table_on_a_service_discovery_pool_is_rejected() throws Exception {
    JsonNode info =
        rejected(
            "{'properties':{'service_discovery':{'enabled':true,"
                + "'plugin':'BuiltIn-DNS_Stateless'},"
                + "'basic':{'nodes_table':[{'node':'10.1.1.1:80'}]}}}");

    assertThat(info.at("/basic/nodes_table/error_id").asText()).isEqualTo(ErrorBodies.TABLE_OWNED);
    String sdOnly =
        q(
            "{'properties':{'service_discovery':{'enabled':true,"
                + "'plugin':'BuiltIn-DNS_Stateless'},'basic':{'nodes_table':[]}}}");
    assertThat(client.putJson(POOL + "-sd", sdOnly).statusCode()).isEqualTo(201);
  }
}
