package io.vtmsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Adds {@code metadata.managedFields} entries to an object as the API server records them
 * (server-side field ownership, {@code FieldsV1}): one {@code f:} key per field set, list items
 * keyed by their name, type or address. Real objects carry these; they are often a third of a Pod.
 */
final class ManagedFields {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String[] ITEM_KEYS = {"name", "type", "ip", "key", "mountPath"};

  private ManagedFields() {}

  /**
   * Records that {@code manager} set the listed fields of {@code object}: top-level names ("spec",
   * "status") or metadata ones ("metadata.labels").
   *
   * @param subresource "status" for a kubelet's status update, or null
   */
  static void add(ObjectNode object, String manager, String subresource, String... fields) {
    ObjectNode owned = JSON.objectNode();
    for (String field : fields) {
      String[] path = field.split("\\.", 2);
      JsonNode value = path.length == 1 ? object.get(field) : object.path(path[0]).get(path[1]);
      if (value == null) {
        continue;
      }
      ObjectNode parent = path.length == 1 ? owned : owned.with("f:" + path[0]);
      parent.set("f:" + path[path.length - 1], fields(value));
    }
    ObjectNode entry = JSON.objectNode();
    entry.put("manager", manager);
    entry.put("operation", "Update");
    entry.put("apiVersion", object.path("apiVersion").asText());
    entry.put("time", "2025-11-02T09:14:28Z");
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", owned);
    if (subresource != null) {
      entry.put("subresource", subresource);
    }
    ((ObjectNode) object.get("metadata")).withArray("managedFields").add(entry);
  }

  /** The FieldsV1 shape of a value: objects field by field, keyed lists item by item. */
  private static JsonNode fields(JsonNode value) {
    ObjectNode out = JSON.objectNode();
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set("f:" + e.getKey(), fields(e.getValue()));
      }
    } else if (value.isArray() && value.size() > 0 && itemKey(value.get(0)) != null) {
      for (JsonNode item : (ArrayNode) value) {
        String key = itemKey(item);
        ObjectNode sub = (ObjectNode) fields(item);
        sub.set(".", JSON.objectNode());
        out.set("k:{\"" + key + "\":\"" + item.path(key).asText() + "\"}", sub);
      }
    }
    return out; // scalars and atomic lists are owned whole: {}
  }

  private static String itemKey(JsonNode item) {
    if (!item.isObject()) {
      return null;
    }
    for (String k : ITEM_KEYS) {
      if (item.has(k)) {
        return k;
      }
    }
    return null;
  }
}
