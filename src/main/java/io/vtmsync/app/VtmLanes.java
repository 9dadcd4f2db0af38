package io.vtmsync.app;

import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.vtm.PoolWriter;
import io.vtmsync.vtm.VtmClient;
import io.vtmsync.vtm.VtmClusterConfig;
import io.vtmsync.vtm.VtmSdWriter;
import io.vtmsync.vtm.VtmWriter;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane per configured vTM cluster: a {@link VtmWriter} bean ({@code vtmWriter-<name>}) and a
 * route made from the {@code sink-vtm} template in {@code routes/sink-vtm.camel.yaml}. Each lane
 * has its own queue, threads, timeouts and backoff, so a slow or dead cluster delays no other.
 */
final class VtmLanes {

  private static final Logger LOG = LoggerFactory.getLogger(VtmLanes.class);

  private VtmLanes() {}

  /** Binds a writer per cluster (called while beans are registered). */
  static void bindWriters(CamelContext ctx, Settings s, AppMetrics metrics) {
    VtmSettings v = s.vtm();
    for (VtmClusterConfig c : v.clusters()) {
      VtmClient client = new VtmClient(c);
      client.observe(metrics);
      SafeWritePolicy policy = new SafeWritePolicy(s.emptyPool());
      PoolWriter writer =
          v.serviceDiscovery().contains(c.name())
              ? new VtmSdWriter(client, policy, v.removedPool(), v.adoptExisting(), 10)
              : new VtmWriter(
                  client,
                  policy,
                  v.removedPool(),
                  v.adoptExisting(),
                  Duration.ofMillis(v.verifyPeriodMs()));
      writer.dryRun(s.dryRun());
      ctx.getRegistry().bind("vtmWriter-" + c.name(), writer);
      metrics.clusterUp(c.name(), writer::healthy);
      checkPassword(c, writer);
      LOG.info(
          "vTM cluster {}: {} as {}, TLS {}, API {}, {} requests in flight, timeout {} ms, {}",
          c.name(),
          c.baseUrl(),
          c.username(),
          c.insecure()
              ? "NOT VERIFIED"
              : c.caFile().map(f -> "verified with " + f).orElse("verified"),
          c.apiVersion().orElse("newest"),
          c.concurrency(),
          c.timeout().toMillis(),
          writer instanceof VtmSdWriter ? "service discovery over REST" : "node tables");
    }
  }

  /**
   * A password that cannot be read yet does not stop the start: the Secret may be mounted after the
   * process starts, and the file is read again on every request. It is said once, here.
   */
  private static void checkPassword(VtmClusterConfig c, PoolWriter writer) {
    c.password()
        .problem(c.name())
        .ifPresent(
            problem -> {
              writer.markDown();
              LOG.warn(
                  "vTM cluster {}: {}. Starting anyway (a Secret may be mounted later); the"
                      + " cluster counts as down and its writes fail until the password can be"
                      + " read",
                  c.name(),
                  problem);
            });
  }

  /** Adds a lane route per cluster (called once the YAML route templates are loaded). */
  static void addRoutes(CamelContext ctx, Settings s) throws Exception {
    for (VtmClusterConfig c : s.vtm().clusters()) {
      TemplatedRouteBuilder.builder(ctx, "sink-vtm")
          .routeId("sink-vtm-" + c.name())
          .parameter("cluster", c.name())
          .parameter("concurrency", String.valueOf(c.concurrency()))
          .add();
      if (s.vtm().serviceDiscovery().contains(c.name())) {
        TemplatedRouteBuilder.builder(ctx, "sink-vtm-heartbeat")
            .routeId("sink-vtm-heartbeat-" + c.name())
            .parameter("cluster", c.name())
            .add();
      }
    }
  }
}
