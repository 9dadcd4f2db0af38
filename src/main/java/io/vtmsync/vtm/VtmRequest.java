package io.vtmsync.vtm;

/**
 * One REST request a lane asks its camel-http endpoint to make (routes/sink-vtm.camel.yaml reads
 * these fields into the HTTP method, path, headers and body).
 *
 * @param path the raw path below the cluster's URL, names already URL-encoded
 * @param contentType of the body, or null when there is none
 * @param body a JSON value (a Jackson tree, marshalled by camel-jackson), raw bytes for a file, or
 *     null
 */
public record VtmRequest(String method, String path, String contentType, Object body) {

  static final String JSON = "application/json";
  static final String OCTET_STREAM = "application/octet-stream";

  static VtmRequest get(String path) {
    return new VtmRequest("GET", path, null, null);
  }

  static VtmRequest delete(String path) {
    return new VtmRequest("DELETE", path, null, null);
  }

  static VtmRequest putJson(String path, Object body) {
    return new VtmRequest("PUT", path, JSON, body);
  }

  static VtmRequest putBytes(String path, byte[] bytes) {
    return new VtmRequest("PUT", path, OCTET_STREAM, bytes.clone());
  }

  /** True when the body is a JSON value for camel-jackson to marshal. */
  public boolean json() {
    return JSON.equals(contentType);
  }

  public boolean writes() {
    return !method.equals("GET");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
