package io.vtmsync.vtm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * How the camel-http endpoint of one cluster's lane talks to it (the endpoint's {@code
 * httpClientConfigurer}): preemptive Basic auth with the password read from its source on every
 * request, so a rotated Secret is picked up and the password never sits in an exchange header a
 * route could log; every answer capped at {@link #MAX_ANSWER_BYTES} and due whole within the
 * cluster's timeout; no redirects, no cookies.
 */
public final class ClusterHttp implements HttpClientConfigurer {

  /**
   * The longest vTM answer read, 16 MiB: a list of thousands of pools or the biggest plugin file is
   * far below it, and a body this size is far from exhausting a small heap. A longer one is
   * abandoned as malformed and retried, so a broken proxy cannot stop every lane.
   */
  public static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  private final VtmClusterConfig config;
  private final long limit;

  public ClusterHttp(VtmClusterConfig config) {
    this(config, MAX_ANSWER_BYTES);
  }

  ClusterHttp(VtmClusterConfig config, long limit) {
    this.config = config;
    this.limit = limit;
  }

  @Override
  public void configureHttpClient(HttpClientBuilder builder) {
    builder
        .disableRedirectHandling()
        .disableCookieManagement()
        .setRetryStrategy(new StaleConnectionRetry())
        .setUserAgent("vtm-k8s-sync")
        .addRequestInterceptorLast(this::authorize)
        // Outermost, so that the capped body wraps the connection's own stream and can abort it.
        .addExecInterceptorFirst("vtm-k8s-sync-bounds", this::bounded);
  }

  private void authorize(HttpRequest request, EntityDetails entity, HttpContext context)
      throws IOException {
    request.setHeader(HttpHeaders.AUTHORIZATION, basic(password()));
  }

  private ClassicHttpResponse bounded(
      ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
      throws IOException, HttpException {
    long due = System.nanoTime() + config.timeout().toNanos();
    ClassicHttpResponse response = chain.proceed(request, scope);
    if (response.getEntity() != null) {
      response.setEntity(
          new BoundedEntity(
              response.getEntity(), response.getCode(), limit, due, config.timeout().toMillis()));
    }
    return response;
  }

  private String password() throws IOException {
    try {
      return config.password().read(config.name());
    } catch (IllegalStateException e) {
      throw new PasswordUnreadable(e.getMessage());
    }
  }

  private String basic(String password) {
    byte[] pair = (config.username() + ":" + password).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(pair);
  }

  /**
   * Retries a request once, at once, only when a pooled connection turned out to be closed by the
   * server before it answered (a vTM restarted, an idle connection timed out on its side): that is
   * no fault of the cluster. Every other failure, and every 5xx or 429, goes to the lane, which
   * backs off and says so: a hidden retry would hide a fault.
   */
  private static final class StaleConnectionRetry
      implements org.apache.hc.client5.http.HttpRequestRetryStrategy {
    @Override
    public boolean retryRequest(
        HttpRequest request, IOException exception, int execCount, HttpContext context) {
      return execCount <= 1
          && exception instanceof org.apache.hc.core5.http.NoHttpResponseException;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public org.apache.hc.core5.util.TimeValue getRetryInterval(
        HttpResponse response, int execCount, HttpContext context) {
      return org.apache.hc.core5.util.TimeValue.ZERO_MILLISECONDS;
    }
  }

  /** The password could not be read: nothing was sent. */
  static final class PasswordUnreadable extends IOException {
    PasswordUnreadable(String message) {
      super(message);
    }
  }
}
