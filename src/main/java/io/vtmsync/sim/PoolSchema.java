package io.vtmsync.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The pool schema of one API version: renders stored properties and merges PUT bodies. */
final class PoolSchema {
  private static final Map<ApiVersion, PoolSchema> CACHE = new ConcurrentHashMap<>();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ApiVersion version;
  private final Map<String, Map<String, KeySpec>> sections;

  private PoolSchema(ApiVersion version) {
    this.version = version;
    this.sections = PoolSchemas.sections(version);
  }

  static PoolSchema forVersion(ApiVersion version) {
    return CACHE.computeIfAbsent(version, PoolSchema::new);
  }

  ApiVersion version() {
    return version;
  }

  Map<String, KeySpec> section(String name) {
    return sections.get(name);
  }

  /**
   * The resource as GET returns it: every key of this version, stored value or default. Keys the
   * version does not know (e.g. service_discovery read through 3.9) are left out.
   */
  ObjectNode render(JsonNode storedProperties) {
    ObjectNode properties = F.objectNode();
    sections.forEach(
        (sectionName, keys) -> {
          ObjectNode section = properties.putObject(sectionName);
          JsonNode stored = storedProperties.path(sectionName);
          keys.forEach(
              (key, spec) -> {
                JsonNode value = stored.get(key);
                section.set(key, (value != null ? value : spec.defaultValue()).deepCopy());
              });
        });
    ObjectNode resource = F.objectNode();
    resource.set("properties", properties);
    return resource;
  }

  /**
   * Applies an already validated "properties" object on top of the stored one (null = new pool).
   * Section 4: merge per key; a list or table value replaces the old value as a whole.
   */
  ObjectNode merge(ObjectNode stored, JsonNode requestProperties) {
    ObjectNode result = stored == null ? F.objectNode() : stored.deepCopy();
    for (Map.Entry<String, JsonNode> sectionEntry : requestProperties.properties()) {
      Map<String, KeySpec> keys = sections.get(sectionEntry.getKey());
      ObjectNode target = sectionOf(result, sectionEntry.getKey());
      for (Map.Entry<String, JsonNode> e : sectionEntry.getValue().properties()) {
        target.set(e.getKey(), normalize(keys.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  private static ObjectNode sectionOf(ObjectNode properties, String name) {
    JsonNode existing = properties.get(name);
    return existing instanceof ObjectNode object ? object : properties.putObject(name);
  }

  /** Table rows get the column defaults vTM fills in (state); other values are kept as sent. */
  private static JsonNode normalize(KeySpec spec, JsonNode value) {
    if (spec.kind() != KeySpec.Kind.TABLE) {
      return value.deepCopy();
    }
    ArrayNode rows = F.arrayNode();
    for (JsonNode row : value) {
      ObjectNode copy = (ObjectNode) row.deepCopy();
      spec.columns()
          .forEach(
              (column, columnSpec) -> {
                if (!copy.has(column) && columnSpec.defaultValue() != null) {
                  copy.set(column, columnSpec.defaultValue().deepCopy());
                }
              });
      rows.add(copy);
    }
    return rows;
  }
}
