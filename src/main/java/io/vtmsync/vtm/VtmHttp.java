package io.vtmsync.vtm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends one request to a cluster with preemptive Basic auth, the configured timeout and at most
 * {@code concurrency} requests in flight, and turns every failure without an answer into a {@link
 * VtmException}.
 */
final class VtmHttp {
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";

  /** An HTTP answer; {@code error} is set (parsed and redacted) when the status is not 2xx. */
  record Answer(int status, byte[] body, VtmError error) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final VtmClusterConfig config;
  private final HttpClient http;
  private final Semaphore permits;
  private volatile RequestObserver observer = RequestObserver.NONE;
  private volatile boolean dryRun;

  VtmHttp(VtmClusterConfig config) {
    this.config = config;
    this.permits = new Semaphore(config.concurrency(), true);
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
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        observer.observed(config.name(), method, r.statusCode(), System.nanoTime() - start);
        return r;
      } finally {
        permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(method, path, "client.interrupted", "interrupted while waiting", false);
    } catch (IOException e) {
      observer.observed(config.name(), method, VtmException.NO_STATUS, System.nanoTime() - start);
      VtmError error = describe(e).redact(password);
      boolean retryable = !error.errorId().equals("client.tls");
      throw new VtmException(
          config.name(), method, path, VtmException.NO_STATUS, error, retryable, e);
    }
  }

  /** Names the kind of transport failure; TLS trust problems are not worth retrying. */
  private VtmError describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException) {
        return VtmError.of(
            "client.tls",
            "TLS handshake failed: the server certificate is not trusted or does not match the"
                + " host (set vtm."
                + config.name()
                + ".ca-file to its CA PEM, or insecure=true): "
                + t.getMessage());
      }
    }
    if (e instanceof HttpTimeoutException) {
      return VtmError.of(
          "client.timeout", "no answer within " + config.timeout().toMillis() + " ms");
    }
    if (e instanceof ConnectException) {
      String where = config.baseUrl().getRawAuthority();
      return VtmError.of("client.connection", "cannot connect to " + where + ": " + chain(e));
    }
    return VtmError.of("client.io", "connection failed: " + chain(e));
  }

  /** "ConnectException <- ClosedChannelException": the JDK often leaves messages empty. */
  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    String previous = "";
    for (Throwable t = e; t != null && b.length() < 300; t = t.getCause()) {
      String part =
          t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      if (!part.equals(previous)) {
        b.append(b.length() == 0 ? "" : " <- ").append(part);
      }
      previous = part;
    }
    return b.toString();
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
