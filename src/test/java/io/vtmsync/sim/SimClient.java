package io.vtmsync.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/** Test-side HTTPS client for a simulator, with preemptive Basic auth. */
final class SimClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private String authorization;

  SimClient(VtmSimulator sim) {
    this(sim, sim.clientSslContext());
  }

  SimClient(VtmSimulator sim, SSLContext tls) {
    this.base = sim.baseUrl();
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    this.authorization = basic(sim.username(), sim.password());
  }

  SimClient withCredentials(String user, String password) {
    authorization = user == null ? null : basic(user, password);
    return this;
  }

  HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(5))
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** A GET whose body the caller reads (and may abandon by closing the stream). */
  HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", authorization)
            .build();
    return http.send(request, BodyHandlers.ofInputStream());
  }

  HttpResponse<byte[]> get(String path) throws IOException {
    return send("GET", path, null, null);
  }

  HttpResponse<byte[]> delete(String path) throws IOException {
    return send("DELETE", path, null, null);
  }

  HttpResponse<byte[]> putJson(String path, String json) throws IOException {
    return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> putBytes(String path, byte[] body) throws IOException {
    return send("PUT", path, "application/octet-stream", body);
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** Turns single quotes into double quotes so JSON literals in tests stay readable. */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String basic(String user, String password) {
    String pair = user + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
