package io.vtmsync.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every request: delay, injected failures, auth, routing, recording, sending (or an
 * abusive body instead).
 */
final class SimHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SimHandler.class);
  // Section 4: HEAD/INFO are not implemented; POST only uploads backups, which we do not model.
  private static final Set<String> METHODS = Set.of("GET", "PUT", "DELETE");

  private final String name;
  private final BasicAuth auth;
  private final Faults faults;
  private final ApiRouter router;
  private final RequestLog log;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  SimHandler(String name, BasicAuth auth, Faults faults, ApiRouter router, RequestLog log) {
    this.name = name;
    this.auth = auth;
    this.faults = faults;
    this.router = router;
    this.log = log;
  }

  /** The most requests this simulator was handling at one time. */
  int mostInFlight() {
    return mostInFlight.get();
  }

  /**
   * Counts a request from its arrival until its answer starts to go out: counted until the handler
   * returns instead, a client that got the whole answer could send its next request on the same
   * connection before the count went down, and one pooled connection would count twice.
   */
  @Override
  public void handle(HttpExchange exchange) {
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean[] answering = {false};
    try {
      record(
          exchange,
          () -> {
            if (!answering[0]) {
              answering[0] = true;
              inFlight.decrementAndGet();
            }
          });
    } finally {
      if (!answering[0]) {
        inFlight.decrementAndGet();
      }
    }
  }

  private void record(HttpExchange exchange, Runnable answering) {
    Instant at = Instant.now();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      String path = exchange.getRequestURI().getRawPath();
      SimRequest request = new SimRequest(exchange.getRequestMethod(), path, contentType, body);
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      SimResponse response = answer(request, authorization);
      Optional<BodyFault> fault = faults.bodyFault(request.method(), path);
      int status = fault.isPresent() ? 200 : response.status();
      Map<String, List<String>> headers = exchange.getRequestHeaders();
      log.add(new RecordedRequest(at, request.method(), path, contentType, body, status, headers));
      answering.run();
      if (fault.isEmpty()) {
        send(exchange, response);
      } else if (!FaultyBody.send(exchange, fault.get())) {
        faults.bodyCutShort();
      }
    } catch (IOException e) {
      // The client went away or the listener was stopped (goDown) mid-request.
      LOG.debug("vtm-sim {}: exchange aborted: {}", name, e.toString());
    }
  }

  private SimResponse answer(SimRequest request, String authorization) {
    faults.pause();
    OptionalInt failure = faults.takeFailure();
    if (failure.isPresent()) {
      return ErrorBodies.injected(failure.getAsInt());
    }
    if (!auth.accepts(authorization)) {
      return ErrorBodies.authInvalid();
    }
    if (!METHODS.contains(request.method())) {
      return ErrorBodies.methodNotAllowed("GET, PUT, DELETE");
    }
    try {
      return faults.corruptIfEnabled(router.route(request));
    } catch (RuntimeException e) {
      LOG.warn("vtm-sim {}: internal error on {} {}", name, request.method(), request.rawPath(), e);
      return ErrorBodies.injected(500);
    }
  }

  private static void send(HttpExchange exchange, SimResponse response) throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    // A HEAD answer must not carry a body, even the 405 error.
    boolean head = exchange.getRequestMethod().equals("HEAD");
    byte[] body = head ? new byte[0] : response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
