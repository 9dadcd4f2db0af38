package io.vtmsync.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The runtime view under {@code status/local_tm/statistics/} (facts file section 6): per pool the
 * counts of its nodes by configured state, and per pool node ({@code per_pool_node/<pool>-<node>},
 * the naming an inference: section 6 names the resource, not its ids) the node's health state,
 * alive unless a test marks it dead. Read-only, like the real status tree.
 */
final class Statistics {

  private final SimStore store;
  private final Map<String, String> nodeStates = new ConcurrentHashMap<>();

  Statistics(SimStore store) {
    this.store = store;
  }

  /** Marks a node ("ip:port" as in nodes_table) dead or alive in every pool; null resets it. */
  void setNodeState(String node, String state) {
    if (state == null) {
      nodeStates.remove(node);
    } else {
      nodeStates.put(node, state);
    }
  }

  SimResponse route(SimRequest request, String base, List<String> rest) {
    if (rest.isEmpty()) {
      return Listings.dirs(request, base, Stream.of("nodes", "pools"));
    }
    String kind = rest.get(0);
    if (kind.equals("pools") && rest.size() <= 2) {
      return rest.size() == 1
          ? Listings.items(request, base + "pools/", store.poolNames().stream())
          : pool(request, rest.get(1));
    }
    if (kind.equals("nodes") && rest.size() == 1) {
      return Listings.dirs(request, base + "nodes/", Stream.of("per_pool_node"));
    }
    if (kind.equals("nodes") && rest.get(1).equals("per_pool_node") && rest.size() <= 3) {
      return rest.size() == 2
          ? Listings.items(request, base + "nodes/per_pool_node/", perPoolNodes().stream())
          : node(request, rest.get(2));
    }
    return ErrorBodies.notFound(request.rawPath());
  }

  private SimResponse pool(SimRequest request, String name) {
    Optional<ObjectNode> pool = store.pool(name);
    if (pool.isEmpty()) {
      return ErrorBodies.notFound(request.rawPath());
    }
    ObjectNode stats = JsonNodeFactory.instance.objectNode();
    ObjectNode s = stats.putObject("statistics");
    for (String state : new String[] {"active", "draining", "disabled"}) {
      s.put(state.equals("active") ? "nodes" : state, count(pool.get(), state));
    }
    s.put("state", "active");
    return SimResponse.json(200, stats);
  }

  private SimResponse node(SimRequest request, String id) {
    for (String name : store.poolNames()) {
      for (String node : nodes(store.pool(name).orElse(null))) {
        if (id.equals(name + "-" + node)) {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.putObject("statistics")
              .put("state", nodeStates.getOrDefault(node, "alive"))
              .put("current_conn", 0);
          return SimResponse.json(200, body);
        }
      }
    }
    return ErrorBodies.notFound(request.rawPath());
  }

  private List<String> perPoolNodes() {
    List<String> out = new ArrayList<>();
    for (String name : store.poolNames()) {
      nodes(store.pool(name).orElse(null)).forEach(node -> out.add(name + "-" + node));
    }
    return out;
  }

  private static List<String> nodes(ObjectNode pool) {
    List<String> out = new ArrayList<>();
    if (pool != null) {
      for (JsonNode row : pool.path("basic").path("nodes_table")) {
        out.add(row.path("node").asText());
      }
    }
    return out;
  }

  private static int count(ObjectNode pool, String state) {
    int n = 0;
    for (JsonNode row : pool.path("basic").path("nodes_table")) {
      n += row.path("state").asText("active").equals(state) ? 1 : 0;
    }
    return n;
  }
}
