package io.vtmsync.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer the simulator is about to send: status, optional content type, body and extra headers.
 */
record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";
  static final ObjectMapper MAPPER = new ObjectMapper();

  static SimResponse json(int status, JsonNode node) {
    try {
      return new SimResponse(status, JSON, MAPPER.writeValueAsBytes(node), Map.of());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SimResponse bytes(int status, byte[] body) {
    return new SimResponse(status, OCTET_STREAM, body, Map.of());
  }

  static SimResponse text(int status, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    return new SimResponse(status, "text/plain; charset=utf-8", body, Map.of());
  }

  static SimResponse empty(int status) {
    return new SimResponse(status, null, new byte[0], Map.of());
  }

  SimResponse withHeader(String name, String value) {
    var copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, contentType, body, Map.copyOf(copy));
  }

  boolean isSuccessfulJson() {
    return status >= 200 && status < 300 && JSON.equals(contentType);
  }
}
