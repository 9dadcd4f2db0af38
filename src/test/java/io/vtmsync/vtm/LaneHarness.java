package io.vtmsync.vtm;

import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * One cluster's lane on the real routes/sink-vtm.camel.yaml, against a simulator: every request a
 * test's chain asks for goes through the real vtm-request route and its camel-http endpoint (TLS,
 * auth, caps). The loop that the sink-vtm template runs is here in Java, so that tests can drive
 * any chain on a {@link VtmApi}, not only whole jobs.
 */
final class LaneHarness implements AutoCloseable {

  final VtmClusterConfig config;
  final VtmLane lane;
  private final CamelContext ctx;
  private final ProducerTemplate producer;

  private LaneHarness(VtmClusterConfig config, VtmLane lane) throws Exception {
    this.config = config;
    this.lane = lane;
    this.ctx = new DefaultCamelContext();
    ctx.getRegistry().bind("json", Json.MAPPER);
    LaneRoutes.bind(ctx.getRegistry(), config, lane);
    PluginHelper.getRoutesLoader(ctx)
        .loadRoutes(ResourceHelper.resolveResource(ctx, "file:routes/sink-vtm.camel.yaml"));
    ctx.start();
    Map<String, Object> p = new HashMap<>(LaneRoutes.request(config));
    p.remove(RouteTemplateParameterSource.TEMPLATE_ID);
    TemplatedRouteBuilder.builder(ctx, "vtm-request")
        .routeId("vtm-request-" + config.name())
        .parameters(p)
        .add();
    this.producer = ctx.createProducerTemplate();
  }

  /** A lane for the simulator: verified TLS with its CA file, password from a file. */
  static LaneHarness start(VtmSimulator sim, Path dir) throws Exception {
    return start(sim, dir, c -> c);
  }

  static LaneHarness start(VtmSimulator sim, Path dir, UnaryOperator<VtmClusterConfig> tweak)
      throws Exception {
    return start(tweak.apply(config(sim, dir)), false);
  }

  static LaneHarness start(VtmClusterConfig config, boolean serviceDiscovery) throws Exception {
    return start(config, serviceDiscovery, Duration.ofMinutes(1));
  }

  /** As above, trusting an acknowledged node table this long ({@code vtm.verify-period-ms}). */
  static LaneHarness start(VtmClusterConfig config, boolean serviceDiscovery, Duration verifyPeriod)
      throws Exception {
    VtmLane lane =
        VtmLane.create(
            config,
            new SafeWritePolicy(SafeWritePolicy.EmptyPool.HOLD),
            RemovedPoolPolicy.KEEP,
            false,
            serviceDiscovery,
            verifyPeriod);
    return new LaneHarness(config, lane);
  }

  /** The simulator's config: CA file and password file written into {@code dir}. */
  static VtmClusterConfig config(VtmSimulator sim, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path password = dir.resolve(sim.name() + ".password");
    Files.writeString(password, sim.password() + "\n");
    return VtmClusterConfig.of(
            sim.name(), sim.baseUrl(), sim.username(), new PasswordSource.File(password))
        .withCaFile(sim.writeCaPem(dir));
  }

  /** Runs a chain of requests to its end; its failure is thrown as the lane would see it. */
  <T> T call(Function<VtmApi, CompletableFuture<T>> chain) {
    return callWith(Map.of(), chain);
  }

  /** As {@link #call}, on an exchange that arrives with these headers from upstream routes. */
  @SuppressWarnings("unchecked")
  <T> T callWith(Map<String, Object> headers, Function<VtmApi, CompletableFuture<T>> chain) {
    return (T) drive(lane.talk(api -> chain.apply(api)), headers);
  }

  /** Runs one lane job (a plan, a sweep, the heartbeat) to its result. */
  Object job(Object job) {
    return drive(lane.begin(job), Map.of());
  }

  /** Makes the one request the conversation waits for (one turn of the sink-vtm loop). */
  void step(Conversation talk) {
    Exchange exchange = new DefaultExchange(ctx);
    exchange.setVariable("conversation", talk);
    Exchange done = producer.send("direct:vtm-request-" + config.name(), exchange);
    if (done.getException() != null) {
      throw new IllegalStateException("the request route failed", done.getException());
    }
  }

  /** Runs a conversation begun earlier to its end. */
  Object finish(Conversation talk) {
    return drive(talk, Map.of());
  }

  /** One exchange for the whole conversation, as the sink-vtm loop sends it turn after turn. */
  private Object drive(Conversation talk, Map<String, Object> headers) {
    Exchange exchange = new DefaultExchange(ctx);
    exchange.getIn().setHeaders(new HashMap<>(headers));
    exchange.setVariable("conversation", talk);
    while (talk.isWaiting()) {
      Exchange done = producer.send("direct:vtm-request-" + config.name(), exchange);
      if (done.getException() != null) {
        throw new IllegalStateException("the request route failed", done.getException());
      }
    }
    return lane.result(talk);
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    producer.close();
    ctx.stop();
  }
}
