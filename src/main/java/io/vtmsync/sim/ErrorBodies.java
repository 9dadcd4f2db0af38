package io.vtmsync.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the vTM-style error answers (facts file section 5) the simulator sends. */
final class ErrorBodies {
  static final String VALIDATION_ERROR = "resource.validation_error";
  static final String UNKNOWN_PROPERTY = "json.unknown_property";
  static final String WRONG_TYPE = "json.wrong_type";
  static final String INVALID_TABLE = "json.invalid_table";
  static final String OUT_OF_RANGE = "num.out_of_range";
  static final String NO_DEFAULT = "property.no_default";
  static final String FORBIDDEN_PATH = "filename.forbiddenpath";
  // Ids below are not in the facts file (section 5 lists no id for them): inferred, dotted like
  // the documented ones so a client that parses error_info recursively handles them the same way.
  static final String PARSE_ERROR = "json.parse_error";
  static final String BAD_ENUM = "enum.invalid_value";
  static final String BAD_NODE = "node.invalid_address";
  static final String DUPLICATE_VALUE = "json.duplicate_value";
  static final String NODE_STATE_CONFLICT = "node.state_conflict";
  static final String TABLE_OWNED = "pool.nodes_table_managed";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ErrorBodies() {}

  static ObjectNode leaf(String errorId, String errorText) {
    return NODES.objectNode().put("error_id", errorId).put("error_text", errorText);
  }

  static SimResponse validation(ObjectNode errorInfo) {
    ObjectNode body = leaf(VALIDATION_ERROR, "The resource provided is invalid");
    body.set("error_info", errorInfo);
    return SimResponse.json(400, body);
  }

  static SimResponse parseError(String detail) {
    return SimResponse.json(400, leaf(PARSE_ERROR, "Invalid JSON data: " + detail));
  }

  static SimResponse notFound(String path) {
    return SimResponse.json(
        404, leaf("resource.not_found", "Resource '" + path + "' does not exist"));
  }

  static SimResponse authInvalid() {
    return SimResponse.json(401, leaf("auth.invalid", "User name or password was invalid"))
        .withHeader("WWW-Authenticate", "Basic realm=\"vTM\"");
  }

  static SimResponse unsupportedMediaType(String expected) {
    String text = "Unsupported Content-Type for this resource; expected " + expected;
    return SimResponse.json(415, leaf("http.unsupported_media_type", text));
  }

  static SimResponse methodNotAllowed(String allowed) {
    return SimResponse.json(405, leaf("http.method_not_allowed", "Allowed methods: " + allowed))
        .withHeader("Allow", allowed);
  }

  /** Section 5 / question 12: the only 403 body seen carries just error_text; mirror that. */
  static SimResponse forbidden(String text) {
    return SimResponse.json(403, NODES.objectNode().put("error_text", text));
  }

  static SimResponse forbiddenPath(String name) {
    ObjectNode info = NODES.objectNode();
    info.set("name", leaf(FORBIDDEN_PATH, "File name '" + name + "' is not allowed"));
    return validation(info);
  }

  /** Gateways in front of vTM answer 502/503/504 with non-JSON text (section 5). */
  static SimResponse injected(int status) {
    if (status == 502 || status == 503 || status == 504) {
      return SimResponse.text(status, status + " " + gatewayReason(status) + "\n");
    }
    return switch (status) {
      case 401 -> authInvalid();
      case 404 -> SimResponse.json(404, leaf("resource.not_found", "Resource does not exist"));
      case 500 -> SimResponse.json(500, leaf("server.internal_error", "Internal server error"));
      default -> SimResponse.json(status, leaf("sim.injected_fault", "Injected fault " + status));
    };
  }

  private static String gatewayReason(int status) {
    return switch (status) {
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "Gateway Timeout";
    };
  }
}
