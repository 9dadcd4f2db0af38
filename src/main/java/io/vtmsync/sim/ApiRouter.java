package io.vtmsync.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** Maps a request path onto the listing, pool and file endpoints of the vTM resource tree. */
final class ApiRouter {
  private final SimStore store;
  private final VersionSet versions;
  private final PoolEndpoint pools;
  private final Statistics statistics;
  private final String uuid = java.util.UUID.randomUUID().toString();

  ApiRouter(SimStore store, VersionSet versions) {
    this.store = store;
    this.versions = versions;
    this.pools = new PoolEndpoint(store);
    this.statistics = new Statistics(store);
  }

  Statistics statistics() {
    return statistics;
  }

  SimResponse route(SimRequest request) {
    Optional<List<String>> parsed = PathSegments.parse(request.rawPath());
    if (parsed.isEmpty()) {
      return ErrorBodies.notFound(request.rawPath());
    }
    List<String> seg = parsed.get();
    if (seg.size() < 3) {
      return top(request, seg);
    }
    if (!seg.get(0).equals("api") || !seg.get(1).equals("tm")) {
      return ErrorBodies.notFound(request.rawPath());
    }
    return versions
        .find(seg.get(2))
        .map(v -> inVersion(request, v, seg.subList(3, seg.size())))
        .orElseGet(() -> ErrorBodies.notFound(request.rawPath()));
  }

  /** "/", "/api" and the version list "/api/tm" (section 1). */
  private SimResponse top(SimRequest request, List<String> seg) {
    if (seg.isEmpty()) {
      return Listings.dirs(request, "/", Stream.of("api"));
    }
    if (seg.equals(List.of("api"))) {
      return Listings.dirs(request, "/api/", Stream.of("tm"));
    }
    return seg.equals(List.of("api", "tm"))
        ? Listings.dirs(request, "/api/tm/", versions.all().stream().map(ApiVersion::text))
        : ErrorBodies.notFound(request.rawPath());
  }

  private SimResponse inVersion(SimRequest request, ApiVersion version, List<String> rest) {
    String base = "/api/tm/" + version.text() + "/";
    if (rest.isEmpty()) {
      return Listings.dirs(request, base, Stream.of("config", "status"));
    }
    List<String> tail = rest.subList(1, rest.size());
    if (rest.get(0).equals("config")) {
      return tail.isEmpty()
          ? Listings.dirs(request, base + "config/", Stream.of("active"))
          : below(request, "active", tail, t -> inActive(request, version, t));
    }
    if (rest.get(0).equals("status")) {
      return tail.isEmpty()
          ? Listings.dirs(request, base + "status/", Stream.of("local_tm"))
          : below(request, "local_tm", tail, t -> status(request, version, t));
    }
    return ErrorBodies.notFound(request.rawPath());
  }

  /** Continues with the segments after the expected one, or answers 404. */
  private static SimResponse below(
      SimRequest request,
      String expected,
      List<String> seg,
      Function<List<String>, SimResponse> next) {
    return seg.get(0).equals(expected)
        ? next.apply(seg.subList(1, seg.size()))
        : ErrorBodies.notFound(request.rawPath());
  }

  private SimResponse inActive(SimRequest request, ApiVersion version, List<String> rest) {
    String base = "/api/tm/" + version.text() + "/config/active/";
    List<String> collections = collections(version);
    if (rest.isEmpty()) {
      return Listings.dirs(request, base, collections.stream());
    }
    String type = rest.get(0);
    if (!collections.contains(type) || rest.size() > 2) {
      return ErrorBodies.notFound(request.rawPath());
    }
    if (rest.size() == 1) {
      return Listings.items(request, base + type + "/", names(type).stream());
    }
    return item(request, version, type, rest.get(1));
  }

  private SimResponse item(SimRequest request, ApiVersion version, String type, String name) {
    if (forbiddenName(name)) {
      return ErrorBodies.forbiddenPath(name);
    }
    if (type.equals("pools")) {
      return pools.handle(request, version, name);
    }
    boolean plugins = type.equals("servicediscovery");
    Map<String, byte[]> files = plugins ? store.plugins() : store.extraFiles();
    Set<String> readOnly = plugins ? SimStore.BUILT_IN_PLUGINS : Set.of();
    return FileEndpoint.handle(request, files, readOnly, name);
  }

  /**
   * Open question 6 (section 14): whether names may contain sub-directories is unknown. vTM keeps
   * each object as a file named after it, so the safer reading rejects "/", "\" and "..".
   */
  private static boolean forbiddenName(String name) {
    return name.contains("/") || name.contains("\\") || name.contains("..");
  }

  private SimResponse status(SimRequest request, ApiVersion version, List<String> rest) {
    String base = "/api/tm/" + version.text() + "/status/local_tm/";
    if (rest.isEmpty()) {
      return Listings.items(request, base, Stream.of("information", "statistics"));
    }
    if (rest.get(0).equals("statistics") && version.major() >= 3) {
      return statistics.route(request, base + "statistics/", rest.subList(1, rest.size()));
    }
    // Section 1: the information resource does not exist in API 1.0.
    if (rest.size() > 1 || !rest.get(0).equals("information") || version.major() == 1) {
      return ErrorBodies.notFound(request.rawPath());
    }
    return Listings.information(request, version.release(), uuid);
  }

  private List<String> names(String type) {
    return switch (type) {
      case "pools" -> store.poolNames();
      case "servicediscovery" -> store.plugins().keySet().stream().sorted().toList();
      default -> store.extraFiles().keySet().stream().sorted().toList();
    };
  }

  /** Section 8: servicediscovery only exists from API 5.2 on. */
  private static List<String> collections(ApiVersion version) {
    return version.hasServiceDiscovery()
        ? List.of(version.extraFilesCollection(), "pools", "servicediscovery")
        : List.of(version.extraFilesCollection(), "pools");
  }
}
