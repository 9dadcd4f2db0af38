package io.vtmsync.sim;

import static io.vtmsync.sim.SimClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileResourceTest {
  private static final String EXTRA = "/api/tm/8.3/config/active/extra_files/";
  private static final String PLUGINS = "/api/tm/8.3/config/active/servicediscovery/";

  private VtmSimulator sim;
  private SimClient client;

  @BeforeAll
  void start() {
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("files"));
    client = new SimClient(sim);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void octet_stream_put_round_trips_with_201_then_204() throws Exception {
    byte[] content = {0, 1, 2, (byte) 0xff, '\n'};

    assertThat(client.putBytes(EXTRA + "k8s.conf", content).statusCode()).isEqualTo(201);
    assertThat(client.putBytes(EXTRA + "k8s.conf", content).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> read = client.get(EXTRA + "k8s.conf");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(read.body()).isEqualTo(content);
    assertThat(sim.extraFile("k8s.conf")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
  }

  @Test
  void json_content_type_on_a_file_is_415() throws Exception {
    HttpResponse<byte[]> response = client.putJson(EXTRA + "as-json", "{}");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(sim.extraFile("as-json")).isEmpty();
  }

  @Test
  void names_with_slash_or_dot_dot_are_forbidden_paths() throws Exception {
    for (String name : new String[] {"dir%2Ffile", "%2E%2E", "a..b"}) {
      HttpResponse<byte[]> response = client.putBytes(EXTRA + name, new byte[] {1});

      assertThat(response.statusCode()).as(name).isEqualTo(400);
      assertThat(json(response).at("/error_info/name/error_id").asText())
          .isEqualTo("filename.forbiddenpath");
    }
  }

  @Test
  void plugin_upload_is_listed_next_to_read_only_built_ins() throws Exception {
    byte[] script = "#!/bin/sh\necho '{}'\n".getBytes(StandardCharsets.UTF_8);
    client.putBytes(PLUGINS + "k8s-nodes", script);

    assertThat(json(client.get(PLUGINS)).path("children").findValuesAsText("name"))
        .contains("k8s-nodes", "BuiltIn-DNS_Stateless");
    assertThat(sim.serviceDiscoveryPlugin("k8s-nodes")).isPresent();
    assertThat(client.delete(PLUGINS + "BuiltIn-DNS_Stateless").statusCode()).isEqualTo(403);
  }

  @Test
  void delete_answers_204_then_404() throws Exception {
    client.putBytes(EXTRA + "tmp", new byte[] {1});

    assertThat(client.delete(EXTRA + "tmp").statusCode()).isEqualTo(204);
    assertThat(client.delete(EXTRA + "tmp").statusCode()).isEqualTo(404);
    assertThat(client.get(EXTRA + "tmp").statusCode()).isEqualTo(404);
  }
}
