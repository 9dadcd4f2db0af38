package io.vtmsync.vtm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.RouteTemplateParameterSource;

/**
 * What Camel needs to run one cluster's lane from the templates of routes/sink-vtm.camel.yaml: the
 * beans the routes call, bound by name, and each route's template parameters, taken from the
 * cluster's checked config.
 */
public final class LaneRoutes {

  private LaneRoutes() {}

  /**
   * Binds {@code vtmLane-<name>} (the lane's decisions), {@code vtmHttp-<name>} (its camel-http
   * client: auth, caps) and, for https, {@code vtmTls-<name>} and {@code vtmHostnames-<name>}.
   */
  public static void bind(Registry registry, VtmClusterConfig c, VtmLane lane) {
    registry.bind("vtmLane-" + c.name(), lane);
    registry.bind("vtmHttp-" + c.name(), new ClusterHttp(c));
    if (https(c)) {
      registry.bind("vtmTls-" + c.name(), TlsContexts.parameters(c));
      registry.bind("vtmHostnames-" + c.name(), TlsContexts.hostnames(c));
    }
  }

  /**
   * Route id to template parameters, for a {@link RouteTemplateParameterSource}.
   *
   * @param readRate the cluster's read-back budget per second; 0: never verified
   */
  public static Map<String, Map<String, Object>> routes(
      VtmClusterConfig c, boolean sd, double readRate) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    out.put("sink-vtm-" + c.name(), template("sink-vtm", c, "concurrency", c.concurrency()));
    out.put("vtm-request-" + c.name(), request(c));
    if (readRate > 0) {
      // The verifier ticks at the budget: each tick reads back at most one pool.
      long periodMs = Math.max(1, Math.round(1000 / readRate));
      out.put("sink-vtm-verify-" + c.name(), template("sink-vtm-verify", c, "periodMs", periodMs));
    }
    if (sd) {
      out.put("sink-vtm-heartbeat-" + c.name(), template("sink-vtm-heartbeat", c));
    }
    return out;
  }

  /** The parameters of the route that makes one cluster's REST requests. */
  public static Map<String, Object> request(VtmClusterConfig c) {
    // camel-http treats an endpoint with TLS options as https whatever its URL says: so only
    // https clusters get them (plain http is allowed to loopback only).
    String tls =
        https(c)
            ? "?sslContextParameters=#vtmTls-"
                + c.name()
                + "&x509HostnameVerifier=#vtmHostnames-"
                + c.name()
            : "";
    return template(
        "vtm-request",
        c,
        "url",
        c.baseUrl(),
        "tls",
        tls,
        "concurrency",
        c.concurrency(),
        "timeoutMs",
        c.timeout().toMillis());
  }

  private static Map<String, Object> template(String id, VtmClusterConfig c, Object... more) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(RouteTemplateParameterSource.TEMPLATE_ID, id);
    p.put("cluster", c.name());
    for (int i = 0; i < more.length; i += 2) {
      p.put((String) more[i], String.valueOf(more[i + 1]));
    }
    return p;
  }

  private static boolean https(VtmClusterConfig c) {
    return c.baseUrl().getScheme().equals("https");
  }
}
