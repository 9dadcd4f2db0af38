package io.vtmsync.vtm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Builds the REST paths of the resources the client uses (facts file section 3). */
final class VtmPaths {
  static final String VERSIONS = "/api/tm/";
  private static final Set<String> FILE_COLLECTIONS = Set.of("extra_files", "servicediscovery");

  private VtmPaths() {}

  static String collection(ApiVersion v, String collection) {
    return "/api/tm/" + v + "/config/active/" + collection + "/";
  }

  static String item(ApiVersion v, String collection, String name) {
    return collection(v, collection) + segment(name);
  }

  /** A file resource; "extra_files" is spelled "extra" in API 1.x. */
  static String file(ApiVersion v, String collection, String name) {
    if (!FILE_COLLECTIONS.contains(collection)) {
      throw new IllegalArgumentException(
          "file collection must be one of " + FILE_COLLECTIONS + ": " + collection);
    }
    return item(v, v.collection(collection), name);
  }

  /**
   * URL-encodes a name as one path segment (section 3: names are quoted, and may hold spaces): a
   * space becomes %20, not +, and "/" becomes %2F.
   */
  static String segment(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("a vTM object name must not be empty, '.' or '..'");
    }
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
