package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a lane knows about its cluster between requests: its name and config, the REST API version
 * chosen for it (negotiated again after the cluster was unreachable: it may come back upgraded),
 * and how its answers are read. Every non-2xx or unreadable answer becomes a {@link VtmException}.
 */
final class VtmCluster {

  private static final Logger LOG = LoggerFactory.getLogger(VtmCluster.class);

  private final VtmClusterConfig config;
  private volatile ApiVersion version;
  private volatile boolean dryRun;

  VtmCluster(VtmClusterConfig config) {
    this.config = config;
  }

  String name() {
    return config.name();
  }

  VtmClusterConfig config() {
    return config;
  }

  boolean dryRun() {
    return dryRun;
  }

  void dryRun(boolean on) {
    dryRun = on;
  }

  /** The version chosen, or null until negotiated. */
  ApiVersion version() {
    return version;
  }

  /** Forgets the version, so the next job negotiates again. */
  void invalidate() {
    version = null;
  }

  /** Chooses from what {@code GET /api/tm/} offered (section 1), or the pinned version. */
  ApiVersion negotiated(VtmRequest request, VtmAnswer answer) {
    List<String> offered = childNames(request, answer);
    ApiVersion chosen;
    try {
      chosen = VersionChoice.choose(offered, config.apiVersion());
    } catch (IllegalArgumentException e) {
      VtmError error = VtmError.of("client.no_usable_version", e.getMessage());
      throw exception(request, answer.status(), error, false);
    }
    if (!chosen.equals(version)) {
      LOG.info("vtm {}: using REST API {} (offered {})", name(), chosen, offered);
    }
    version = chosen;
    return chosen;
  }

  /** A resource must be a JSON object with a "properties" object (section 6). */
  JsonNode resource(VtmRequest request, VtmAnswer answer) {
    JsonNode root = object(request, answer);
    if (!root.path("properties").isObject()) {
      throw malformed(request, answer, "no \"properties\" object");
    }
    return root;
  }

  /** A status resource: a JSON object (its statistics are read leniently). */
  JsonNode statistics(VtmRequest request, VtmAnswer answer) {
    return object(request, answer);
  }

  /** The names of a list answer {"children":[{"name":..,"href":..}]} (section 3). */
  List<String> childNames(VtmRequest request, VtmAnswer answer) {
    JsonNode children = object(request, answer).path("children");
    if (!children.isArray()) {
      throw malformed(request, answer, "no \"children\" list");
    }
    List<String> names = new ArrayList<>();
    children.forEach(child -> names.add(child.path("name").asText("")));
    return List.copyOf(names);
  }

  /** A non-2xx answer as an exception: 5xx, 429 and 408 may pass, other refusals will not. */
  VtmException rejected(VtmRequest request, VtmAnswer answer) {
    VtmError error = VtmError.parse(answer.body());
    try {
      error = error.redact(config.password().read(name())); // in case a proxy echoes it
    } catch (IllegalStateException unreadable) {
      // nothing to hide then
    }
    return exception(
        request, answer.status(), error, VtmException.retryableStatus(answer.status()));
  }

  VtmException exception(VtmRequest request, int status, VtmError error, boolean retryable) {
    return new VtmException(
        name(), request.method(), request.path(), status, error, retryable, null);
  }

  private JsonNode object(VtmRequest request, VtmAnswer answer) {
    if (!answer.ok()) {
      throw rejected(request, answer);
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(answer.body());
    } catch (java.io.IOException e) {
      throw malformed(request, answer, "invalid JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw malformed(request, answer, "not a JSON object");
    }
    return root;
  }

  /** A 2xx with a body we cannot read: probably cut off on the way, so worth another try. */
  private VtmException malformed(VtmRequest request, VtmAnswer answer, String why) {
    VtmError error = VtmError.of("client.malformed_json", "unreadable answer: " + why);
    return exception(request, answer.status(), error, true);
  }
}
