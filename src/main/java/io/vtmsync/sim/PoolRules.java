package io.vtmsync.sim;

import static io.vtmsync.sim.ErrorBodies.NODE_STATE_CONFLICT;
import static io.vtmsync.sim.ErrorBodies.TABLE_OWNED;
import static io.vtmsync.sim.ErrorBodies.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/** Cross-key rules checked on the merged pool, since a PUT may send only some of the keys. */
final class PoolRules {
  private PoolRules() {}

  /** Returns the error_info tree; empty when the merged pool is acceptable. */
  static ObjectNode check(PoolSchema schema, JsonNode requestProperties, ObjectNode merged) {
    ObjectNode basicErrors = JsonNodeFactory.instance.objectNode();
    if (schema.version().isLegacy()) {
      checkLegacyLists(merged.path("basic"), basicErrors);
    } else {
      checkTableOwner(requestProperties, merged, basicErrors);
    }
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    if (!basicErrors.isEmpty()) {
      info.set("basic", basicErrors);
    }
    return info;
  }

  /**
   * Open question 9 (section 14): the 1.0 schema text says basic.nodes holds the active AND
   * draining nodes, while a third-party 2.0 mock drops draining ones from it. We follow the
   * vendor's schema text, the stricter reading: every draining node must also be in nodes, and a
   * disabled node must not be (nor be draining at the same time).
   */
  private static void checkLegacyLists(JsonNode basic, ObjectNode errors) {
    Set<String> nodes = strings(basic.path("nodes"));
    Set<String> draining = strings(basic.path("draining"));
    for (String node : draining) {
      if (!nodes.contains(node)) {
        String text = "Node '" + node + "' is draining but not listed in 'nodes'";
        errors.set("draining", leaf(NODE_STATE_CONFLICT, text));
        break;
      }
    }
    for (String node : strings(basic.path("disabled"))) {
      if (nodes.contains(node) || draining.contains(node)) {
        String text = "Node '" + node + "' is disabled but also listed as active or draining";
        errors.set("disabled", leaf(NODE_STATE_CONFLICT, text));
        break;
      }
    }
  }

  /**
   * Open question 4 (section 14) and section 6: vTM owns the node table of autoscaled pools and
   * likely of service-discovery pools. The safer reading rejects a PUT that writes a non-empty
   * nodes_table into such a pool, so a client that fights vTM over the table fails loudly.
   */
  private static void checkTableOwner(JsonNode request, ObjectNode merged, ObjectNode errors) {
    JsonNode table = request.path("basic").path("nodes_table");
    String owner = owner(merged);
    if (table.isArray() && !table.isEmpty() && owner != null) {
      String text = "The node table of this pool is managed by " + owner + " and cannot be set";
      errors.set("nodes_table", leaf(TABLE_OWNED, text));
    }
  }

  private static String owner(JsonNode merged) {
    if (merged.path("service_discovery").path("enabled").asBoolean(false)) {
      return "service discovery";
    }
    if (merged.path("auto_scaling").path("enabled").asBoolean(false)) {
      return "autoscaling";
    }
    return merged.path("dns_autoscale").path("enabled").asBoolean(false) ? "DNS autoscaling" : null;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }
}
