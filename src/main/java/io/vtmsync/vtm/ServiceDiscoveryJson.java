package io.vtmsync.vtm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a pool as the Service Discovery plugin document vTM reads (facts file section 12): {@code
 * {"version":1,"code":200,"nodes":[{"ip":..,"port":..,"draining":true,"weight":5}]}}, or {@code
 * {"version":1,"code":N,"error":".."}} on failure. One line, no trailing newline.
 *
 * <p>{@code weight} is written only when it is not 1: the field is optional, vTM's default is 1,
 * and which releases honour it is open (section 14, question 3; a 2018 built-in plugin says version
 * 1 does not support it), so a pool at default weights gets the very document it got before weights
 * existed. The format has no priority at all: priority is REST-only ({@link #carried}).
 */
public final class ServiceDiscoveryJson {

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private ServiceDiscoveryJson() {}

  public static byte[] render(PoolPlan plan) {
    return render(plan, null);
  }

  /**
   * As {@link #render(PoolPlan)}, plus an {@code info} text when not null: the file sink's
   * ownership mark. {@code info} is an optional field of the plugin format that vTM's own
   * BuiltIn-PCS_PPS plugin sends (facts file section 12), so vTM accepts it.
   */
  public static byte[] render(PoolPlan plan, String info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * plan.members().size());
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("version", 1);
      g.writeNumberField("code", plan.code());
      if (plan.ok()) {
        writeNodes(g, plan.members());
      } else {
        g.writeStringField("error", plan.error());
      }
      if (info != null) {
        g.writeStringField("info", info);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeNodes(JsonGenerator g, List<Member> members) throws IOException {
    g.writeArrayFieldStart("nodes");
    for (Member m : members) {
      if (m.state() == MemberState.DISABLED) {
        continue; // the plugin format has no "disabled"; vTM keeps such nodes out
      }
      g.writeStartObject();
      g.writeStringField("ip", m.ip());
      g.writeNumberField("port", m.port());
      if (m.state() == MemberState.DRAINING) {
        g.writeBooleanField("draining", true);
      }
      if (m.weight() != Member.DEFAULT) {
        g.writeNumberField("weight", m.weight());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The members as a document holds them: priority is not part of the format, so it reads back as
   * 1. Diffs against a parsed document compare with this, not with the plan.
   */
  public static List<Member> carried(List<Member> members) {
    return members.stream().map(m -> m.withPriority(Member.DEFAULT)).toList();
  }

  /** What a document says: its code and, for 200, its members (weight 1 when absent). */
  public record Parsed(int code, String error, List<Member> members, String info) {

    /** A document that says something about backends (200 or 204), not an error. */
    public boolean backends() {
      return code == 200 || code == 204;
    }
  }

  /** Reads a document back; throws {@link IllegalArgumentException} when it is not one. */
  public static Parsed parse(byte[] json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.path("version").isInt() || !root.path("code").isInt()) {
        throw new IllegalArgumentException("not a Service Discovery document");
      }
      List<Member> members = new ArrayList<>();
      for (JsonNode n : root.path("nodes")) {
        MemberState state =
            n.path("draining").asBoolean(false) ? MemberState.DRAINING : MemberState.ACTIVE;
        int weight = NodesTable.number(n, "weight");
        members.add(
            new Member(
                n.path("ip").asText(), n.path("port").asInt(), state, weight, Member.DEFAULT));
      }
      String error = root.hasNonNull("error") ? root.get("error").asText() : null;
      String info = root.hasNonNull("info") ? root.get("info").asText() : null;
      return new Parsed(root.get("code").asInt(), error, List.copyOf(members), info);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }
}
