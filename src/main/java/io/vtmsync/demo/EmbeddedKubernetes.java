package io.vtmsync.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A real Kubernetes API server for the demo, tests and benchmarks: fabric8's mock server in CRUD
 * mode on 127.0.0.1 (HTTP and websocket watches). Adds what those need: closing every open watch
 * with 410 Gone (as after an etcd compaction), a restart on the same port that keeps the stored
 * objects (an API-server restart), refusing chosen requests (503, 401, 403), a request counter, and
 * lists in pages ({@link ListPages}).
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  // The mock server logs every request through java.util.logging; keep a strong reference to
  // its logger so that the quieter level sticks.
  private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

  private final Dispatcher dispatcher = new Dispatcher();
  private final AtomicLong requests = new AtomicLong();
  private volatile int refusing;
  private KubernetesMockServer server;
  private int port;

  public EmbeddedKubernetes() {
    this(0);
  }

  public EmbeddedKubernetes(int port) {
    this.port = port;
    startServer();
  }

  private void startServer() {
    server =
        new KubernetesMockServer(
            new Context(io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false);
    try {
      server.init(InetAddress.getLoopbackAddress(), port);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
    }
    port = server.getPort();
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.WARNING);
    return log;
  }

  /** The API URL, e.g. {@code http://127.0.0.1:34567/}. */
  public String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  public int port() {
    return port;
  }

  /** A new client for this server (the caller closes it). */
  public KubernetesClient client() {
    return server.createClient();
  }

  /** Requests served so far (all verbs, watches included). */
  public long requestCount() {
    return requests.get();
  }

  /**
   * Drops the requests the mock server recorded for {@code takeRequest()}: it keeps every one, so a
   * long run (the soak benchmark) must drain them or the recording grows without bound.
   */
  public void forgetRequests() {
    takeRequests();
  }

  /** The requests served since the last call (or {@link #forgetRequests()}), oldest first. */
  public List<RecordedRequest> takeRequests() {
    List<RecordedRequest> taken = new ArrayList<>();
    try {
      RecordedRequest r;
      while ((r = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
        taken.add(r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return taken;
  }

  /**
   * Ends every open watch with an ERROR event carrying 410 Gone, the way an expired resourceVersion
   * does.
   */
  public void expireWatches() {
    dispatcher.expireAll();
  }

  /**
   * Answers every request that {@code refused} matches with 503 Service Unavailable, as an
   * overloaded API server does; {@code null} serves everything again. The predicate reads the body
   * with {@code getBody().getBytes()}: {@code getUtf8Body()} would consume it.
   */
  public void refuse(Predicate<RecordedRequest> refused) {
    refuse(refused, 503);
  }

  /** Answers every request that {@code refused} matches with this status (403: a missing grant). */
  public void refuse(Predicate<RecordedRequest> refused, int status) {
    refusing = status;
    dispatcher.refused = refused;
  }

  /**
   * Answers every request (lists, new watches) with this status, as for a revoked token (401) or a
   * removed RBAC grant (403); 0 serves again. Open watches stay open: see {@link #expireWatches()}.
   */
  public void refuseAll(int status) {
    refusing = status;
    dispatcher.refused = status == 0 ? null : r -> true;
  }

  /** Stops listening: clients see refused connections until {@link #restart()}. */
  public void stop() {
    dispatcher.closeAll();
    server.destroy();
  }

  /** Listens again on the same port with the same objects, as a restarted API server would. */
  public void restart() {
    startServer();
  }

  @Override
  public void close() {
    stop();
  }

  /** The CRUD store, plus a record of open watch sockets so they can be expired. */
  private final class Dispatcher extends KubernetesCrudDispatcher {
    private final Set<WebSocket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Predicate<RecordedRequest> refused;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.incrementAndGet();
      Predicate<RecordedRequest> r = refused;
      if (r != null && r.test(request)) {
        return refusal(refusing);
      }
      MockResponse page =
          "GET".equals(request.getMethod())
              ? ListPages.page(
                  request.getPath(), map, attributeExtractor, this::requestResourceVersion)
              : null;
      return page != null ? page : super.dispatch(request);
    }

    private MockResponse refusal(int status) {
      String body =
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
              + "\"reason\":\"%s\",\"code\":%d}";
      String reason =
          switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            default -> "ServiceUnavailable";
          };
      return new MockResponse()
          .setResponseCode(status)
          .setHeader("Content-Type", "application/json")
          .setBody(String.format(body, reason, status));
    }

    @Override
    public MockResponse handleWatch(String path) {
      MockResponse inner = super.handleWatch(path);
      WebSocketListener delegate = inner.getWebSocketListener();
      return new MockResponse().withWebSocketUpgrade(new Tracking(delegate));
    }

    void expireAll() {
      String gone =
          "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
              + "\"status\":\"Failure\",\"reason\":\"Expired\",\"code\":410,"
              + "\"message\":\"too old resource version\"}}";
      for (WebSocket ws : sockets) {
        ws.send(gone);
        ws.close(1000, "expired");
      }
      sockets.clear();
    }

    void closeAll() {
      sockets.forEach(ws -> ws.close(1001, "server stopping"));
      sockets.clear();
    }

    private final class Tracking extends WebSocketListener {
      private final WebSocketListener delegate;

      Tracking(WebSocketListener delegate) {
        this.delegate = delegate;
      }

      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        sockets.add(webSocket);
        delegate.onOpen(webSocket, response);
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        delegate.onMessage(webSocket, text);
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        sockets.remove(webSocket);
        delegate.onClosing(webSocket, code, reason);
      }

      @Override
      public void onClosed(WebSocket webSocket, int code, String reason) {
        sockets.remove(webSocket);
        delegate.onClosed(webSocket, code, reason);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        sockets.remove(webSocket);
        delegate.onFailure(webSocket, error, response);
      }
    }
  }
}
