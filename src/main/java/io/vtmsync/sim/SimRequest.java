package io.vtmsync.sim;

import java.util.Locale;

/** The parts of an HTTP request the routing needs. */
record SimRequest(String method, String rawPath, String contentType, byte[] body) {

  /** True when the Content-Type's media type (parameters ignored) equals the given one. */
  boolean hasMediaType(String mediaType) {
    if (contentType == null) {
      return false;
    }
    String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return base.equals(mediaType);
  }
}
