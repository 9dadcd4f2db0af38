package io.vtmsync.sim;

import static io.vtmsync.sim.ErrorBodies.NO_DEFAULT;
import static io.vtmsync.sim.ErrorBodies.UNKNOWN_PROPERTY;
import static io.vtmsync.sim.ErrorBodies.WRONG_TYPE;
import static io.vtmsync.sim.ErrorBodies.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Checks a pool PUT body against a version's schema and collects errors in an error_info tree that
 * mirrors the resource layout (section 5).
 */
final class PoolValidator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PoolValidator() {}

  /** Returns the error_info tree; empty when the body is acceptable. */
  static ObjectNode validate(JsonNode root, PoolSchema schema) {
    ObjectNode info = F.objectNode();
    if (!root.isObject()) {
      info.set("properties", leaf(WRONG_TYPE, "The body must be an object {\"properties\":{...}}"));
      return info;
    }
    for (Map.Entry<String, JsonNode> top : root.properties()) {
      if (!top.getKey().equals("properties")) {
        info.set(top.getKey(), unknown(top.getKey()));
      }
    }
    JsonNode properties = root.get("properties");
    if (properties == null) {
      info.set("properties", leaf(NO_DEFAULT, "The property 'properties' is required"));
    } else if (!properties.isObject()) {
      info.set("properties", leaf(WRONG_TYPE, "Value must be an object"));
    } else {
      checkSections(properties, schema, info);
    }
    return info;
  }

  private static void checkSections(JsonNode properties, PoolSchema schema, ObjectNode info) {
    for (Map.Entry<String, JsonNode> entry : properties.properties()) {
      Map<String, KeySpec> keys = schema.section(entry.getKey());
      JsonNode error;
      if (keys == null) {
        error = unknown(entry.getKey());
      } else if (!entry.getValue().isObject()) {
        error = leaf(WRONG_TYPE, "Value must be an object");
      } else {
        error = checkKeys(entry.getValue(), keys);
      }
      if (error != null) {
        info.set(entry.getKey(), error);
      }
    }
  }

  /** Checks the members of a section or of a table row; returns null when all are fine. */
  static ObjectNode checkKeys(JsonNode object, Map<String, KeySpec> keys) {
    ObjectNode errors = F.objectNode();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      KeySpec spec = keys.get(entry.getKey());
      JsonNode error =
          spec == null ? unknown(entry.getKey()) : ValueChecker.check(spec, entry.getValue());
      if (error != null) {
        errors.set(entry.getKey(), error);
      }
    }
    return errors.isEmpty() ? null : errors;
  }

  static ObjectNode unknown(String name) {
    return leaf(UNKNOWN_PROPERTY, "Unknown property '" + name + "'");
  }
}
