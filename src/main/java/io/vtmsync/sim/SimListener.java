package io.vtmsync.sim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Owns the loopback HTTPS listener; can stop it and bind again on the same port. */
final class SimListener {
  private static final int BACKLOG = 256;
  private static final int BIND_ATTEMPTS = 100;

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the client's
    // delayed ACK adds ~40 ms to many answers (measured: 5x slower). The JDK reads this property
    // once, when its server classes load, so set it before the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpsConfigurator tls;
  private final HttpHandler handler;
  private final ExecutorService executor;
  private HttpsServer server;
  private int port;
  private boolean closed;

  SimListener(String name, javax.net.ssl.SSLContext sslContext, HttpHandler handler) {
    this.tls = new HttpsConfigurator(sslContext);
    this.handler = handler;
    // Cached pool: requests slowed by setDelay must not queue behind each other in benchmarks.
    this.executor = Executors.newCachedThreadPool(threads(name));
  }

  synchronized void start(int requestedPort) {
    server = bind(requestedPort, 1);
    port = server.getAddress().getPort();
  }

  synchronized int port() {
    return port;
  }

  synchronized boolean isUp() {
    return server != null;
  }

  /** Closes the listening socket and open connections, so new connections are refused. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Binds the same port again; retries while the old socket is still being released. */
  synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("the simulator is closed");
    }
    if (server == null) {
      server = bind(port, BIND_ATTEMPTS);
    }
  }

  synchronized void close() {
    closed = true;
    stop();
    executor.shutdownNow();
  }

  private HttpsServer bind(int wantedPort, int attempts) {
    for (int attempt = 1; ; attempt++) {
      try {
        InetSocketAddress address = new InetSocketAddress(loopback(), wantedPort);
        HttpsServer created = HttpsServer.create(address, BACKLOG);
        created.setHttpsConfigurator(tls);
        created.createContext("/", handler);
        created.setExecutor(executor);
        created.start();
        return created;
      } catch (BindException e) {
        if (attempt >= attempts) {
          throw new UncheckedIOException("cannot bind 127.0.0.1:" + wantedPort, e);
        }
        sleepBriefly();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static InetAddress loopback() throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rebinding", e);
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "vtm-sim-" + name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
