package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders and reads pool members for REST API 1.0 and 2.0, which keep node states in the lists
 * {@code basic.nodes}, {@code basic.draining} and {@code basic.disabled}, weights in the table
 * {@code load_balancing.node_weighting} and priorities in the list {@code
 * load_balancing.priority_values} of "ip:port:priority" strings (facts file section 7).
 *
 * <p>Open question 9 (section 14): must a draining node also be in {@code nodes}? We write it in
 * both, following the vendor's 1.0 schema text (and the simulator, which rejects a draining node
 * missing from {@code nodes}); a disabled node is only in {@code disabled}. When reading we accept
 * either form, since the python-stingray 2.0 mock leaves draining nodes out of {@code nodes}.
 *
 * <p>Every member gets a weight row and a priority string, also for the default 1, for the reason
 * {@link NodesTable} gives: what vTM stores is then what we read back, whatever it fills in.
 */
final class LegacyNodeLists {
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private LegacyNodeLists() {}

  /** All five keys are sent, so a node that left a state or a weight is also removed from it. */
  static ObjectNode body(List<Member> members, String note) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode properties = root.putObject("properties");
    ObjectNode basic = properties.putObject("basic");
    ArrayNode nodes = basic.putArray("nodes");
    ArrayNode draining = basic.putArray("draining");
    ArrayNode disabled = basic.putArray("disabled");
    ObjectNode balancing = properties.putObject("load_balancing");
    ArrayNode weights = balancing.putArray("node_weighting");
    ArrayNode priorities = balancing.putArray("priority_values");
    for (Member m : members) {
      switch (m.state()) {
        case ACTIVE -> nodes.add(m.address());
        case DRAINING -> {
          nodes.add(m.address());
          draining.add(m.address());
        }
        case DISABLED -> disabled.add(m.address());
      }
      weights.addObject().put("node", m.address()).put("weight", m.weight());
      priorities.add(m.address() + ":" + m.priority());
    }
    if (note != null) {
      basic.put("note", note);
    }
    return root;
  }

  /**
   * Members in list order: nodes first, then draining-only ones, then disabled ones; a node without
   * a weight row or a priority string has 1 (their defaults). As in {@link NodesTable#read}, a node
   * whose weight or priority a member cannot hold is left out.
   */
  static List<Member> read(JsonNode pool) {
    JsonNode basic = pool.path("properties").path("basic");
    JsonNode balancing = pool.path("properties").path("load_balancing");
    Set<String> draining = strings(basic.path("draining"));
    Set<String> disabled = strings(basic.path("disabled"));
    Map<String, Integer> weights = weights(balancing.path("node_weighting"));
    Map<String, Integer> priorities = priorities(balancing.path("priority_values"));
    Set<String> seen = new HashSet<>();
    List<Member> out = new ArrayList<>();
    for (JsonNode list :
        List.of(basic.path("nodes"), basic.path("draining"), basic.path("disabled"))) {
      for (JsonNode item : list) {
        String node = item.asText("");
        MemberState state =
            disabled.contains(node)
                ? MemberState.DISABLED
                : draining.contains(node) ? MemberState.DRAINING : MemberState.ACTIVE;
        if (seen.add(node)) {
          int weight = weights.getOrDefault(node, Member.DEFAULT);
          int priority = priorities.getOrDefault(node, Member.DEFAULT);
          NodesTable.member(node, state)
              .flatMap(m -> NodesTable.weighted(m, weight, priority))
              .ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Map<String, Integer> weights(JsonNode rows) {
    Map<String, Integer> out = new HashMap<>();
    rows.forEach(row -> out.put(row.path("node").asText(""), NodesTable.number(row, "weight")));
    return out;
  }

  /** "ip:port:priority" by "ip:port"; a string whose priority is not a number counts as -1. */
  private static Map<String, Integer> priorities(JsonNode values) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode item : values) {
      String text = item.asText("");
      int colon = text.lastIndexOf(':');
      if (colon > 0) {
        out.put(text.substring(0, colon), priority(text.substring(colon + 1)));
      }
    }
    return out;
  }

  private static int priority(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(item -> values.add(item.asText("")));
    return values;
  }
}
