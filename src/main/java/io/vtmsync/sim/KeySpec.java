package io.vtmsync.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type, default and limits of one pool property or table column.
 *
 * @param defaultValue for table columns, null means "not filled in when the client omits it"
 */
record KeySpec(
    Kind kind,
    JsonNode defaultValue,
    long min,
    long max,
    List<String> values,
    Map<String, KeySpec> columns) {

  /** JSON shapes the pool schema uses. */
  enum Kind {
    STRING,
    BOOL,
    INT,
    ENUM,
    STRING_LIST,
    NODE,
    NODE_LIST,
    PRIORITY_LIST,
    TABLE
  }

  static final long UINT_MAX = 4294967295L;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static KeySpec of(Kind kind, JsonNode defaultValue) {
    return new KeySpec(kind, defaultValue, 0, 0, List.of(), Map.of());
  }

  static KeySpec integer(Long defaultValue, long min, long max) {
    JsonNode def = defaultValue == null ? null : F.numberNode(defaultValue);
    return new KeySpec(Kind.INT, def, min, max, List.of(), Map.of());
  }

  static KeySpec choice(String defaultValue, String... values) {
    JsonNode def = defaultValue == null ? null : F.textNode(defaultValue);
    return new KeySpec(Kind.ENUM, def, 0, 0, List.of(values), Map.of());
  }

  /** A table whose primary key is the column "node" (the only kind of table pools have). */
  static KeySpec table(Map<String, KeySpec> columns) {
    return new KeySpec(Kind.TABLE, F.arrayNode(), 0, 0, List.of(), columns);
  }

  /** Fluent collector for the keys of one section (or the columns of one table), in order. */
  static final class Keys {
    private final Map<String, KeySpec> keys = new LinkedHashMap<>();

    Keys str(String name, String def) {
      return put(name, of(Kind.STRING, def == null ? null : F.textNode(def)));
    }

    Keys bool(String name, boolean def) {
      return put(name, of(Kind.BOOL, F.booleanNode(def)));
    }

    Keys num(String name, long def, long min, long max) {
      return put(name, integer(def, min, max));
    }

    Keys list(String name, Kind kind) {
      return put(name, of(kind, F.arrayNode()));
    }

    Keys putAll(Keys other) {
      keys.putAll(other.keys);
      return this;
    }

    Keys put(String name, KeySpec spec) {
      keys.put(name, spec);
      return this;
    }

    Map<String, KeySpec> build() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }
  }
}
