package io.vtmsync.app;

import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.vtm.LaneRoutes;
import io.vtmsync.vtm.VtmClusterConfig;
import io.vtmsync.vtm.VtmLane;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane per configured vTM cluster, from configuration alone: the beans its routes call ({@code
 * vtmLane-<name>} decides, {@code vtmHttp-<name>} configures the camel-http client, {@code
 * vtmTls-<name>} and {@code vtmHostnames-<name>} its TLS) and, as Camel's own {@link
 * RouteTemplateParameterSource}, the parameters that make Camel instantiate the templates of
 * routes/sink-vtm.camel.yaml for it. Each lane has its own queue, threads, connection pool,
 * timeouts and backoff, so a slow or dead cluster delays no other.
 */
final class VtmLanes implements RouteTemplateParameterSource {

  private static final Logger LOG = LoggerFactory.getLogger(VtmLanes.class);

  private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
  private final Map<String, VtmLane> lanes = new LinkedHashMap<>();

  /** Binds every cluster's beans and gathers the template parameters of its routes. */
  VtmLanes(
      Registry registry, Settings s, AppMetrics metrics, io.vtmsync.events.ServiceEvents events) {
    VtmSettings v = s.vtm();
    for (VtmClusterConfig c : v.clusters()) {
      boolean sd = v.serviceDiscovery().contains(c.name());
      VtmLane lane =
          VtmLane.create(
              c,
              new SafeWritePolicy(s.emptyPool()),
              v.removedPool(),
              v.adoptExisting(),
              sd,
              Duration.ofMillis(v.verifyPeriodMs()));
      lane.dryRun(s.dryRun());
      lane.observe(metrics);
      metrics.clusterUp(c.name(), lane::healthy);
      metrics.memberHealth(c.name(), lane);
      lane.onMemberDown(
          Duration.ofMillis(v.memberDownAfterMs()),
          (service, pool, member, seconds) -> {
            String what =
                String.format(
                    "vtm:%s pool=%s member %s is ready in Kubernetes but dead on vTM for %d s:"
                        + " a firewall, a wrong port or a health monitor that does not match?",
                    c.name(), pool, member, seconds);
            LOG.warn("{} (Service '{}')", what, service);
            events.warning(service, io.vtmsync.events.Reasons.MEMBER_DOWN, what);
          });
      LaneRoutes.bind(registry, c, lane);
      lanes.put(c.name(), lane);
      routes.putAll(LaneRoutes.routes(c, sd, v.readRates().get(c.name())));
      checkPassword(c, lane);
      log(c, sd);
    }
  }

  /** vTM's alive/dead counts of a pool's members, as its lane last read them (status page). */
  io.vtmsync.status.MemberHealth memberHealth() {
    return (cluster, pool) -> {
      VtmLane lane = lanes.get(cluster);
      Map<String, String> states = lane == null ? Map.of() : lane.memberStates(pool);
      if (states.isEmpty()) {
        return null;
      }
      int alive = (int) states.values().stream().filter("alive"::equals).count();
      int dead = (int) states.values().stream().filter("dead"::equals).count();
      return new io.vtmsync.status.MemberHealth.Counts(alive, dead);
    };
  }

  @Override
  public Map<String, Object> parameters(String routeId) {
    return routes.get(routeId);
  }

  @Override
  public Set<String> routeIds() {
    return routes.keySet();
  }

  /**
   * A password that cannot be read yet does not stop the start: the Secret may be mounted after the
   * process starts, and the file is read again on every request. It is said once, here.
   */
  private static void checkPassword(VtmClusterConfig c, VtmLane lane) {
    c.password()
        .problem(c.name())
        .ifPresent(
            problem -> {
              lane.markDown(problem);
              LOG.warn(
                  "vTM cluster {}: {}. Starting anyway (a Secret may be mounted later); the"
                      + " cluster counts as down and its writes fail until the password can be"
                      + " read",
                  c.name(),
                  problem);
            });
  }

  private static void log(VtmClusterConfig c, boolean sd) {
    if (c.insecure()) {
      LOG.warn(
          "vtm {}: TLS certificate and host name checks are OFF (vtm.{}.insecure=true);"
              + " anyone on the path can read the admin password",
          c.name(),
          c.name());
    }
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
        sd ? "service discovery over REST" : "node tables");
  }
}
