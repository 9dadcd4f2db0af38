package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders members as the body of a pool PUT for REST API 3.0 and later (facts file sections 4, 6):
 * {@code {"properties":{"basic":{"nodes_table":[{"node":"ip:port","state":"active"}]}}}}. Only
 * {@code nodes_table} is sent, because PUT merges per key and everything else in the pool belongs
 * to the vTM admin. IPv6 nodes are written bracketed, {@code [2001:db8::1]:80}: section 14 (7)
 * leaves the form open, and the bracketed one is the unambiguous, safer reading.
 */
public final class NodesTable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NodesTable() {}

  public static ObjectNode body(List<Member> members) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("properties").putObject("basic").set("nodes_table", rows(members));
    return root;
  }

  public static ArrayNode rows(List<Member> members) {
    ArrayNode rows = MAPPER.createArrayNode();
    for (Member m : members) {
      rows.addObject().put("node", m.address()).put("state", m.state().vtmName());
    }
    return rows;
  }

  /** Reads {@code properties.basic.nodes_table} of a pool resource back into members. */
  public static List<Member> read(JsonNode pool) {
    List<Member> out = new ArrayList<>();
    for (JsonNode row : pool.path("properties").path("basic").path("nodes_table")) {
      String node = row.path("node").asText("");
      int colon = node.lastIndexOf(':');
      if (colon <= 0) {
        continue;
      }
      String host = node.substring(0, colon).replace("[", "").replace("]", "");
      MemberState state =
          MemberState.valueOf(
              row.path("state").asText("active").toUpperCase(java.util.Locale.ROOT));
      out.add(new Member(host, Integer.parseInt(node.substring(colon + 1)), state));
    }
    return out;
  }

  public static byte[] render(List<Member> members) {
    try {
      return MAPPER.writeValueAsBytes(body(members));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
