package io.vtmsync.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;

/** Builds the read-only list and status answers: {"children":[{"name","href"}]} (section 3). */
final class Listings {
  private Listings() {}

  /** Children that are themselves lists; their hrefs end with "/" like "/api/tm/5.2/". */
  static SimResponse dirs(SimRequest request, String base, Stream<String> names) {
    return list(request, base, names, "/");
  }

  /** Children that are resources; hrefs carry the URL-encoded name and no trailing "/". */
  static SimResponse items(SimRequest request, String base, Stream<String> names) {
    return list(request, base, names, "");
  }

  static SimResponse information(SimRequest request, String release, String uuid) {
    if (!request.method().equals("GET")) {
      return ErrorBodies.methodNotAllowed("GET");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("information").put("tm_version", release).put("uuid", uuid);
    return SimResponse.json(200, body);
  }

  private static SimResponse list(
      SimRequest request, String base, Stream<String> names, String suffix) {
    if (!request.method().equals("GET")) {
      return ErrorBodies.methodNotAllowed("GET");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode children = body.putArray("children");
    names.forEach(
        name ->
            children
                .addObject()
                .put("name", name)
                .put("href", base + PathSegments.encode(name) + suffix));
    return SimResponse.json(200, body);
  }
}
