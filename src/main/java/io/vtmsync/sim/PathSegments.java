package io.vtmsync.sim;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a raw request path into URL-decoded segments and encodes names for hrefs. */
final class PathSegments {
  private PathSegments() {}

  /**
   * Splits before decoding, so an encoded "%2F" stays inside its segment. One trailing "/" is
   * allowed; empty segments ("a//b") or bad escapes make the path unknown (empty result).
   */
  static Optional<List<String>> parse(String rawPath) {
    String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    if (path.isEmpty()) {
      return Optional.of(segments);
    }
    for (String raw : path.split("/", -1)) {
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      try {
        // A path keeps "+" literal; URLDecoder would turn it into a space.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(segments);
  }

  static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
