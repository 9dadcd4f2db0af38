package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiNavigationTest {
  private VtmSimulator sim;
  private SimClient client;

  @BeforeAll
  void start() {
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("nav"));
    client = new SimClient(sim);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void wrong_password_gets_401_with_auth_invalid_body_and_basic_challenge() throws Exception {
    HttpResponse<byte[]> response =
        new SimClient(sim).withCredentials("admin", "wrong").get("/api/tm/");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"vTM\"");
    assertThat(json(response).path("error_id").asText()).isEqualTo("auth.invalid");
    assertThat(json(response).has("error_text")).isTrue();
    assertThat(json(response).has("error_info")).isFalse();
  }

  @Test
  void missing_credentials_get_401_and_are_recorded() throws Exception {
    sim.clearRequests();
    HttpResponse<byte[]> response = new SimClient(sim).withCredentials(null, null).get("/api/tm");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(sim.requests()).singleElement().extracting(RecordedRequest::status).isEqualTo(401);
  }

  @Test
  void version_list_keeps_configured_order_with_and_without_trailing_slash() throws Exception {
    for (String path : new String[] {"/api/tm", "/api/tm/"}) {
      JsonNode children = json(client.get(path)).path("children");

      assertThat(children.findValuesAsText("name")).containsExactly("3.9", "3.10", "5.2", "8.3");
      assertThat(children.get(1).path("href").asText()).isEqualTo("/api/tm/3.10/");
    }
  }

  @Test
  void version_root_lists_config_and_status() throws Exception {
    JsonNode children = json(client.get("/api/tm/8.3/")).path("children");

    assertThat(children.findValuesAsText("name")).containsExactly("config", "status");
  }

  @Test
  void unknown_version_is_404_resource_not_found() throws Exception {
    HttpResponse<byte[]> response = client.get("/api/tm/4.0/config/active/pools");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error_id").asText()).isEqualTo("resource.not_found");
    assertThat(json(response).path("error_text").asText())
        .isEqualTo("Resource '/api/tm/4.0/config/active/pools' does not exist");
  }

  @Test
  void unknown_resource_type_is_404() throws Exception {
    assertThat(client.get("/api/tm/8.3/config/active/monitors").statusCode()).isEqualTo(404);
    assertThat(client.get("/api/tm/8.3/nonsense").statusCode()).isEqualTo(404);
  }

  @Test
  void servicediscovery_collection_exists_only_from_5_2() throws Exception {
    assertThat(client.get("/api/tm/3.10/config/active/servicediscovery").statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/tm/5.2/config/active/servicediscovery").statusCode())
        .isEqualTo(200);
  }

  @Test
  void methods_other_than_get_put_delete_get_405() throws Exception {
    HttpResponse<byte[]> response =
        client.send("POST", "/api/tm/8.3/config/active/pools/x", "application/json", new byte[0]);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(client.send("HEAD", "/api/tm/", null, null).statusCode()).isEqualTo(405);
  }

  @Test
  void information_reports_the_release_of_the_api_version() throws Exception {
    JsonNode info = json(client.get("/api/tm/8.3/status/local_tm/information"));

    assertThat(info.path("information").path("tm_version").asText()).isEqualTo("22.3");
  }

  @Test
  void pool_resource_of_5_2_has_service_discovery_but_3_9_does_not() throws Exception {
    client.putJson("/api/tm/8.3/config/active/pools/sections", "{\"properties\":{}}");

    JsonNode modern = json(client.get("/api/tm/5.2/config/active/pools/sections"));
    JsonNode old = json(client.get("/api/tm/3.9/config/active/pools/sections"));

    assertThat(modern.path("properties").fieldNames())
        .toIterable()
        .contains("basic", "load_balancing", "connection", "http", "node", "tcp", "udp")
        .contains("service_discovery");
    assertThat(old.path("properties").has("service_discovery")).isFalse();
  }
}
