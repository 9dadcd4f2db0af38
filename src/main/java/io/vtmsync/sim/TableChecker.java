package io.vtmsync.sim;

import static io.vtmsync.sim.ErrorBodies.INVALID_TABLE;
import static io.vtmsync.sim.ErrorBodies.NO_DEFAULT;
import static io.vtmsync.sim.ErrorBodies.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a table property (nodes_table, node_weighting) whose primary key is the column "node"; row
 * errors are keyed by the row's node string (section 5).
 */
final class TableChecker {
  private static final String PRIMARY_KEY = "node";

  private TableChecker() {}

  static JsonNode check(KeySpec spec, JsonNode value) {
    if (!value.isArray()) {
      return leaf(INVALID_TABLE, "The table is malformed: expected an array of rows");
    }
    ObjectNode rowErrors = JsonNodeFactory.instance.objectNode();
    Set<String> seen = new HashSet<>();
    String duplicate = null;
    for (int i = 0; i < value.size(); i++) {
      JsonNode row = value.get(i);
      String key = rowKey(row, i);
      JsonNode error = checkRow(spec, row);
      if (error != null) {
        rowErrors.set(key, error);
      } else if (!seen.add(key) && duplicate == null) {
        duplicate = key;
      }
    }
    if (!rowErrors.isEmpty()) {
      return rowErrors;
    }
    if (duplicate != null) {
      return leaf(INVALID_TABLE, "Duplicate primary key '" + duplicate + "' in the table");
    }
    return null;
  }

  /**
   * The row's primary key; rows without a usable one get "[index]" since vTM's key for them is
   * unknown (inferred).
   */
  private static String rowKey(JsonNode row, int index) {
    JsonNode node = row.get(PRIMARY_KEY);
    return node != null && node.isTextual() ? node.asText() : "[" + index + "]";
  }

  private static JsonNode checkRow(KeySpec spec, JsonNode row) {
    if (!row.isObject()) {
      return ValueChecker.wrongType("an object (a table row)");
    }
    ObjectNode errors = PoolValidator.checkKeys(row, spec.columns());
    if (!row.has(PRIMARY_KEY)) {
      errors = errors == null ? JsonNodeFactory.instance.objectNode() : errors;
      errors.set(PRIMARY_KEY, leaf(NO_DEFAULT, "The primary key 'node' is required"));
    }
    return errors;
  }
}
