package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders members as the body of a pool PUT for REST API 3.0 and later (facts file sections 4, 6):
 * {@code {"properties":{"basic":{"nodes_table":[{"node":"ip:port","state":"active"}]}}}}. Only
 * {@code nodes_table} is sent, because PUT merges per key and everything else in the pool belongs
 * to the vTM admin. IPv6 nodes are written bracketed, {@code [2001:db8::1]:80}: section 14 (7)
 * leaves the form open, and the bracketed one is the unambiguous, safer reading.
 */
public final class NodesTable {

  private static final ObjectMapper MAPPER = Json.MAPPER;

  private NodesTable() {}

  public static ObjectNode body(List<Member> members) {
    return body(members, null);
  }

  /**
   * As {@link #body(List)}, plus {@code basic.note} when note is not null: the caller sets it when
   * it creates a pool, and leaves it out on updates so an admin's edit of the note stays.
   */
  public static ObjectNode body(List<Member> members, String note) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode basic = root.putObject("properties").putObject("basic");
    basic.set("nodes_table", rows(members));
    if (note != null) {
      basic.put("note", note);
    }
    return root;
  }

  public static ArrayNode rows(List<Member> members) {
    ArrayNode rows = MAPPER.createArrayNode();
    for (Member m : members) {
      rows.addObject().put("node", m.address()).put("state", m.state().vtmName());
    }
    return rows;
  }

  /**
   * Reads {@code properties.basic.nodes_table} of a pool resource back into members; a missing
   * state means active (its default, section 6). Rows that are not "host:port" with a known state
   * are left out rather than failing the whole read; callers still see them in the raw resource.
   */
  public static List<Member> read(JsonNode pool) {
    List<Member> out = new ArrayList<>();
    for (JsonNode row : pool.path("properties").path("basic").path("nodes_table")) {
      String state = row.path("state").asText("active").toUpperCase(Locale.ROOT);
      if (Arrays.stream(MemberState.values()).anyMatch(s -> s.name().equals(state))) {
        member(row.path("node").asText(""), MemberState.valueOf(state)).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Parses "10.0.0.1:80" or "[fd00::1]:80"; {@link Member} holds the IP without brackets. */
  static Optional<Member> member(String node, MemberState state) {
    int colon = node.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String host = node.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return Optional.of(new Member(host, Integer.parseInt(node.substring(colon + 1)), state));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a number, or a port out of range
    }
  }

  public static byte[] render(List<Member> members) {
    try {
      return MAPPER.writeValueAsBytes(body(members));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
