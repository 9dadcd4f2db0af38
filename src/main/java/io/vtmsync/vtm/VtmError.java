package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a vTM error body says (facts file section 5): {@code error_id}, {@code error_text} and
 * {@code error_info} flattened to "basic.nodes_table.10.1.1.1:80.weight: num.out_of_range Value '0'
 * must be within 1-100". Any body is accepted: a gateway's plain-text 503 becomes the text.
 */
record VtmError(String errorId, String errorText, String errorInfo) {
  private static final ObjectMapper MAPPER = Json.MAPPER;
  private static final int MAX_TEXT = 300;
  private static final int MAX_INFO = 1000;

  VtmError {
    errorId = oneLine(errorId, MAX_TEXT);
    errorText = oneLine(errorText, MAX_TEXT);
    errorInfo = oneLine(errorInfo, MAX_INFO);
  }

  static VtmError of(String errorId, String errorText) {
    return new VtmError(errorId, errorText, "");
  }

  /** Never throws: JSON error objects are read, anything else is kept as (shortened) text. */
  static VtmError parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new VtmError("", "", "");
    }
    JsonNode root = null;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      // Not JSON (e.g. a load balancer's HTML or text page): fall through to the raw text.
    }
    String raw = new String(body, StandardCharsets.UTF_8);
    if (root == null
        || !root.isObject()
        || !(root.has("error_id") || root.has("error_text") || root.has("error_info"))) {
      return new VtmError("", raw, "");
    }
    return new VtmError(
        text(root.get("error_id")), text(root.get("error_text")), flatten(root.get("error_info")));
  }

  /** Replaces a secret wherever it occurs, in case a proxy echoes request data in its answer. */
  VtmError redact(String secret) {
    if (secret == null || secret.isEmpty()) {
      return this;
    }
    return new VtmError(
        errorId.replace(secret, "***"),
        errorText.replace(secret, "***"),
        errorInfo.replace(secret, "***"));
  }

  /** "path: id text; path: id text" for every leaf (an object carrying error_id/error_text). */
  static String flatten(JsonNode info) {
    List<String> out = new ArrayList<>();
    walk(info, "", out);
    return String.join("; ", out);
  }

  private static void walk(JsonNode node, String path, List<String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject() && (node.has("error_id") || node.has("error_text"))) {
      String leaf = (text(node.get("error_id")) + " " + text(node.get("error_text"))).trim();
      out.add(path.isEmpty() ? leaf : path + ": " + leaf);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path.isEmpty() ? "" + i : path + "." + i, out);
      }
    } else {
      out.add(path.isEmpty() ? node.asText() : path + ": " + node.asText());
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull()
        ? ""
        : node.isValueNode() ? node.asText() : node.toString();
  }

  /** Keeps log lines single and short: control characters become spaces, long text is cut. */
  static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }
}
