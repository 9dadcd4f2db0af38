package io.vtmsync.vtm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Sends one request to a cluster with preemptive Basic auth, at most {@code concurrency} requests
 * in flight, and a bounded answer (at most {@link #MAX_ANSWER_BYTES}, headers and body within the
 * configured timeout), and turns every failure without a usable answer into a {@link VtmException}.
 */
final class VtmHttp {
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";

  /**
   * The longest vTM answer read, 16 MiB: a pool list of thousands of pools or the biggest plugin
   * file is far below it, and a body this size is far from exhausting a small heap. A longer answer
   * is abandoned as malformed (and retried), so a broken proxy cannot stop every lane.
   */
  static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  /** An HTTP answer; {@code error} is set (parsed and redacted) when the status is not 2xx. */
  record Answer(int status, byte[] body, VtmError error) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final VtmClusterConfig config;
  private final HttpClient http;
  private final Semaphore permits;
  private final TransportErrors errors;
  private volatile RequestObserver observer = RequestObserver.NONE;
  private volatile boolean dryRun;

  VtmHttp(VtmClusterConfig config) {
    this.config = config;
    this.permits = new Semaphore(config.concurrency(), true);
    this.errors = new TransportErrors(config);
    this.http =
        HttpClient.newBuilder()
            .sslContext(TlsContexts.forConfig(config))
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void observe(RequestObserver observer) {
    this.observer = observer;
  }

  /** In dry-run, PUT and DELETE are not sent: they answer as an unchanged vTM would. */
  void dryRun(boolean on) {
    this.dryRun = on;
  }

  /**
   * @param accept the Accept header, or null for none
   * @param contentType of the body, or null when there is no body
   */
  Answer send(String method, String path, String accept, String contentType, byte[] body) {
    if (dryRun && !method.equals("GET")) {
      return new Answer(
          method.equals("PUT") && JSON.equals(contentType) ? 200 : 204,
          "{\"properties\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          null);
    }
    String password = password(method, path);
    String authorization = basic(config.username(), password);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
            .timeout(config.timeout())
            .header("Authorization", authorization)
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response = exchange(method, path, request.build(), password);
    int status = response.statusCode();
    boolean ok = status >= 200 && status < 300;
    VtmError error =
        ok ? null : VtmError.parse(response.body()).redact(password).redact(authorization);
    return new Answer(status, response.body(), error);
  }

  VtmException rejected(String method, String path, Answer answer) {
    boolean retryable = VtmException.retryableStatus(answer.status());
    return new VtmException(
        config.name(), method, path, answer.status(), answer.error(), retryable, null);
  }

  VtmException failure(String method, String path, String id, String text, boolean retryable) {
    return new VtmException(
        config.name(),
        method,
        path,
        VtmException.NO_STATUS,
        VtmError.of(id, text),
        retryable,
        null);
  }

  private HttpResponse<byte[]> exchange(
      String method, String path, HttpRequest request, String password) {
    long start = System.nanoTime();
    try {
      permits.acquire();
      try {
        HttpResponse<byte[]> r =
            BoundedBody.send(http, request, MAX_ANSWER_BYTES, config.timeout());
        observer.observed(config.name(), method, r.statusCode(), System.nanoTime() - start);
        return r;
      } finally {
        permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(method, path, "client.interrupted", "interrupted while waiting", false);
    } catch (IOException e) {
      int status = TransportErrors.status(e);
      observer.observed(config.name(), method, status, System.nanoTime() - start);
      VtmError error = errors.describe(method, path, e).redact(password);
      boolean retryable = !error.errorId().equals("client.tls");
      throw new VtmException(config.name(), method, path, status, error, retryable, e);
    }
  }

  private String password(String method, String path) {
    try {
      return config.password().read(config.name());
    } catch (IllegalStateException e) {
      throw failure(method, path, "client.password", e.getMessage(), false);
    }
  }

  private static String basic(String username, String password) {
    byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }
}
