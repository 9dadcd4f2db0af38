package io.vtmsync.sim;

import static io.vtmsync.sim.ErrorBodies.BAD_ENUM;
import static io.vtmsync.sim.ErrorBodies.BAD_NODE;
import static io.vtmsync.sim.ErrorBodies.DUPLICATE_VALUE;
import static io.vtmsync.sim.ErrorBodies.OUT_OF_RANGE;
import static io.vtmsync.sim.ErrorBodies.WRONG_TYPE;
import static io.vtmsync.sim.ErrorBodies.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one property value against its KeySpec; null means valid, else an error node. */
final class ValueChecker {
  private static final Pattern PRIORITY = Pattern.compile("\\d{1,10}");

  private ValueChecker() {}

  static JsonNode check(KeySpec spec, JsonNode value) {
    return switch (spec.kind()) {
      case STRING -> value.isTextual() ? null : wrongType("a string");
      case BOOL -> value.isBoolean() ? null : wrongType("a boolean");
      case INT -> checkInt(spec, value);
      case ENUM -> checkEnum(spec, value);
      case NODE -> value.isTextual() ? checkNode(value.asText()) : wrongType("a string");
      case STRING_LIST, NODE_LIST, PRIORITY_LIST -> checkList(spec.kind(), value);
      case TABLE -> TableChecker.check(spec, value);
    };
  }

  private static JsonNode checkInt(KeySpec spec, JsonNode value) {
    if (!value.isIntegralNumber()) {
      return wrongType("an integer");
    }
    BigInteger number = value.bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(spec.min())) < 0
        || number.compareTo(BigInteger.valueOf(spec.max())) > 0) {
      String text = "Value '" + number + "' must be within " + spec.min() + "-" + spec.max();
      return leaf(OUT_OF_RANGE, text);
    }
    return null;
  }

  private static JsonNode checkEnum(KeySpec spec, JsonNode value) {
    if (!value.isTextual()) {
      return wrongType("a string");
    }
    if (spec.values().contains(value.asText())) {
      return null;
    }
    String allowed = String.join(", ", spec.values());
    return leaf(BAD_ENUM, "Value '" + value.asText() + "' is not one of: " + allowed);
  }

  static JsonNode checkNode(String node) {
    Optional<String> problem = NodeAddress.problem(node);
    return problem.map(p -> leaf(BAD_NODE, "Invalid node '" + node + "': " + p)).orElse(null);
  }

  private static JsonNode checkList(KeySpec.Kind kind, JsonNode value) {
    if (!value.isArray()) {
      return wrongType("an array of strings");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        return wrongType("an array of strings");
      }
      JsonNode error = checkListItem(kind, item.asText());
      if (error != null) {
        return error;
      }
      if (kind != KeySpec.Kind.STRING_LIST && !seen.add(item.asText())) {
        return leaf(DUPLICATE_VALUE, "Value '" + item.asText() + "' is listed twice");
      }
    }
    return null;
  }

  private static JsonNode checkListItem(KeySpec.Kind kind, String item) {
    if (kind == KeySpec.Kind.NODE_LIST) {
      return checkNode(item);
    }
    if (kind == KeySpec.Kind.PRIORITY_LIST) {
      // Section 7: entries are "ip:port:priority".
      int colon = item.lastIndexOf(':');
      if (colon <= 0 || !PRIORITY.matcher(item.substring(colon + 1)).matches()) {
        return leaf(BAD_NODE, "Invalid priority value '" + item + "': expected ip:port:priority");
      }
      JsonNode node = checkNode(item.substring(0, colon));
      return node != null ? node : checkPriority(item.substring(colon + 1));
    }
    return null;
  }

  /**
   * The priority of a legacy "ip:port:priority" string gets the range nodes_table rows have (0 to
   * an unsigned int, section 6), with the same error; ten digits alone allow more (inferred).
   */
  private static JsonNode checkPriority(String digits) {
    long value = Long.parseLong(digits);
    return value <= KeySpec.UINT_MAX
        ? null
        : leaf(OUT_OF_RANGE, "Value '" + digits + "' must be within 0-" + KeySpec.UINT_MAX);
  }

  static ObjectNode wrongType(String expected) {
    return leaf(WRONG_TYPE, "Value must be " + expected);
  }
}
