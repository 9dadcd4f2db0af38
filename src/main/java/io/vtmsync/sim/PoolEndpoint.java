package io.vtmsync.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** GET, PUT and DELETE of one pool resource (sections 4 to 7). */
final class PoolEndpoint {
  // Duplicate keys and trailing garbage are rejected: a lenient parser would hide client bugs.
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final SimStore store;

  PoolEndpoint(SimStore store) {
    this.store = store;
  }

  SimResponse handle(SimRequest request, ApiVersion version, String name) {
    PoolSchema schema = PoolSchema.forVersion(version);
    return switch (request.method()) {
      case "GET" ->
          store
              .pool(name)
              .map(p -> SimResponse.json(200, schema.render(p)))
              .orElseGet(() -> ErrorBodies.notFound(request.rawPath()));
      case "DELETE" ->
          store.deletePool(name) ? SimResponse.empty(204) : ErrorBodies.notFound(request.rawPath());
      default -> put(request, schema, name);
    };
  }

  private SimResponse put(SimRequest request, PoolSchema schema, String name) {
    if (!request.hasMediaType(SimResponse.JSON)) {
      return ErrorBodies.unsupportedMediaType(SimResponse.JSON);
    }
    JsonNode root;
    try {
      root = STRICT.readTree(request.body());
    } catch (JsonProcessingException e) {
      return ErrorBodies.parseError(e.getOriginalMessage());
    } catch (IOException e) {
      return ErrorBodies.parseError(e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return ErrorBodies.parseError("empty body");
    }
    ObjectNode errors = PoolValidator.validate(root, schema);
    if (!errors.isEmpty()) {
      return ErrorBodies.validation(errors);
    }
    return apply(schema, name, root.get("properties"));
  }

  private SimResponse apply(PoolSchema schema, String name, JsonNode properties) {
    try {
      SimStore.PutResult result =
          store.updatePool(
              name,
              old -> {
                ObjectNode merged = schema.merge(old, properties);
                ObjectNode errors = PoolRules.check(schema, properties, merged);
                if (!errors.isEmpty()) {
                  throw new Rejected(errors);
                }
                return merged;
              });
      return SimResponse.json(result.created() ? 201 : 200, schema.render(result.properties()));
    } catch (Rejected e) {
      return ErrorBodies.validation(e.errors);
    }
  }

  /** Aborts an atomic update without storing anything. */
  private static final class Rejected extends RuntimeException {
    private final transient ObjectNode errors;

    Rejected(ObjectNode errors) {
      super(null, null, false, false);
      this.errors = errors;
    }
  }
}
