package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders and reads pool members for REST API 1.0 and 2.0, which keep node states in the lists
 * {@code basic.nodes}, {@code basic.draining} and {@code basic.disabled} (facts file section 7).
 *
 * <p>Open question 9 (section 14): must a draining node also be in {@code nodes}? We write it in
 * both, following the vendor's 1.0 schema text (and the simulator, which rejects a draining node
 * missing from {@code nodes}); a disabled node is only in {@code disabled}. When reading we accept
 * either form, since the python-stingray 2.0 mock leaves draining nodes out of {@code nodes}.
 */
final class LegacyNodeLists {
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private LegacyNodeLists() {}

  /** All three lists are sent, so a node that left a state is also removed from its list. */
  static ObjectNode body(List<Member> members, String note) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode basic = root.putObject("properties").putObject("basic");
    ArrayNode nodes = basic.putArray("nodes");
    ArrayNode draining = basic.putArray("draining");
    ArrayNode disabled = basic.putArray("disabled");
    for (Member m : members) {
      switch (m.state()) {
        case ACTIVE -> nodes.add(m.address());
        case DRAINING -> {
          nodes.add(m.address());
          draining.add(m.address());
        }
        case DISABLED -> disabled.add(m.address());
      }
    }
    if (note != null) {
      basic.put("note", note);
    }
    return root;
  }

  /** Members in list order: nodes first, then draining-only ones, then disabled ones. */
  static List<Member> read(JsonNode pool) {
    JsonNode basic = pool.path("properties").path("basic");
    Set<String> draining = strings(basic.path("draining"));
    Set<String> disabled = strings(basic.path("disabled"));
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
          NodesTable.member(node, state).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(item -> values.add(item.asText("")));
    return values;
  }
}
