package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.vtm.VtmHttp.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON of an answer, and turns a non-2xx answer or a 2xx one we cannot read into a {@link
 * VtmException}.
 */
final class JsonAnswers {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String cluster;
  private final VtmHttp http;

  JsonAnswers(String cluster, VtmHttp http) {
    this.cluster = cluster;
    this.http = http;
  }

  /** A resource must be a JSON object with a "properties" object (section 6). */
  JsonNode resource(String method, String path, Answer answer) {
    JsonNode root = object(method, path, answer);
    if (!root.path("properties").isObject()) {
      throw malformed(method, path, answer, "no \"properties\" object");
    }
    return root;
  }

  /** The names of a list answer {"children":[{"name":..,"href":..}]} (section 3). */
  List<String> childNames(String method, String path, Answer answer) {
    JsonNode children = object(method, path, answer).path("children");
    if (!children.isArray()) {
      throw malformed(method, path, answer, "no \"children\" list");
    }
    List<String> names = new ArrayList<>();
    children.forEach(child -> names.add(child.path("name").asText("")));
    return List.copyOf(names);
  }

  private JsonNode object(String method, String path, Answer answer) {
    if (!answer.ok()) {
      throw http.rejected(method, path, answer);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(answer.body());
    } catch (IOException e) {
      throw malformed(method, path, answer, "invalid JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw malformed(method, path, answer, "not a JSON object");
    }
    return root;
  }

  /** A 2xx with a body we cannot read: probably cut off on the way, so worth another try. */
  private VtmException malformed(String method, String path, Answer answer, String why) {
    VtmError error = VtmError.of("client.malformed_json", "unreadable answer: " + why);
    return new VtmException(cluster, method, path, answer.status(), error, true, null);
  }
}
