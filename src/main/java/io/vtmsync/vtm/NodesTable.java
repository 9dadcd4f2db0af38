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
 * {@code {"properties":{"basic":{"nodes_table":[{"node":"ip:port","state":"active","weight":1,
 * "priority":1}]}}}}. Only {@code nodes_table} is sent, because PUT merges per key and everything
 * else in the pool belongs to the vTM admin. IPv6 nodes are written bracketed, {@code
 * [2001:db8::1]:80}: section 14 (7) leaves the form open, and the bracketed one is the unambiguous,
 * safer reading.
 *
 * <p>Every row carries {@code weight} and {@code priority}, also when they are 1. The PUT replaces
 * the whole table, but no source says what vTM puts in a column a row leaves out: its default, or
 * the old row's value (a weight set by hand, or one we wrote before). Only an explicit value makes
 * the row vTM stores the row we read back, whatever the release does; otherwise a pool could keep
 * an old weight we never see as ours to fix, or be rewritten on every check. The facts file's own
 * example sends both, and the cost is some 25 bytes a row.
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
      rows.addObject()
          .put("node", m.address())
          .put("state", m.state().vtmName())
          .put("weight", m.weight())
          .put("priority", m.priority());
    }
    return rows;
  }

  /**
   * Reads {@code properties.basic.nodes_table} of a pool resource back into members; a missing
   * state means active, a missing weight or priority 1 (their defaults; section 6: rows read back
   * may omit them). Rows that are not "host:port" with a known state, or whose weight or priority a
   * {@link Member} cannot hold (weight 0, say), are left out rather than failing the whole read:
   * the writer then sees that member as missing and writes it as planned. Callers still see such
   * rows in the raw resource.
   */
  public static List<Member> read(JsonNode pool) {
    List<Member> out = new ArrayList<>();
    for (JsonNode row : pool.path("properties").path("basic").path("nodes_table")) {
      String state = row.path("state").asText("active").toUpperCase(Locale.ROOT);
      if (Arrays.stream(MemberState.values()).anyMatch(s -> s.name().equals(state))) {
        member(row.path("node").asText(""), MemberState.valueOf(state))
            .flatMap(m -> weighted(m, number(row, "weight"), number(row, "priority")))
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** A column's value; absent or null means vTM's default 1, anything not an int -1 (refused). */
  static int number(JsonNode row, String column) {
    JsonNode value = row.get(column);
    if (value == null || value.isNull()) {
      return Member.DEFAULT;
    }
    return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : -1;
  }

  /** The member with that weight and priority, or empty when it cannot hold them. */
  static Optional<Member> weighted(Member m, int weight, int priority) {
    try {
      return Optional.of(m.withWeight(weight).withPriority(priority));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
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
