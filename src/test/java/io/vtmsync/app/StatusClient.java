package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.vtm.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A running app's status for the tests: /status.json with its rows and cells by pool and target,
 * and the {@code status} command's output.
 */
final class StatusClient {

  private StatusClient() {}

  static JsonNode fetch(String base) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/status.json")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    return Json.MAPPER.readTree(r.body());
  }

  /** Runs {@code vtm-k8s-sync status} with these flags, its output into {@code out}. */
  static int command(ByteArrayOutputStream out, String... flags) throws Exception {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    String[] args = new String[flags.length + 1];
    args[0] = "status";
    System.arraycopy(flags, 0, args, 1, flags.length);
    return Launcher.run(args, print, print);
  }

  static JsonNode row(JsonNode t, String pool) {
    for (JsonNode r : t.get("pools")) {
      if (r.get("pool").asText().equals(pool)) {
        return r;
      }
    }
    return null;
  }

  static JsonNode cell(JsonNode t, String pool, String target) {
    JsonNode r = row(t, pool);
    return r == null ? null : r.get("cells").get(target);
  }

  /** The cell's state, or "" when the pool or its cell is not there (yet). */
  static String state(JsonNode t, String pool, String target) {
    JsonNode c = cell(t, pool, target);
    return c == null ? "" : c.get("state").asText();
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
