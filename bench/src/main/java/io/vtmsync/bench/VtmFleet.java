package io.vtmsync.bench;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Simulated vTM clusters for a benchmark that runs the app as a process: each with its password and
 * CA files, named to the app by {@code --vtm.*} settings as a production config would.
 */
final class VtmFleet implements AutoCloseable {

  final List<VtmSimulator> sims = new ArrayList<>();
  private final Path dir;

  VtmFleet(Path dir, List<String> names) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir);
    for (String name : names) {
      VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults(name));
      sims.add(sim);
      Files.writeString(dir.resolve(name + ".password"), sim.password());
      sim.writeCaPem(dir);
    }
  }

  /** {@code vtm.clusters} and every cluster's url, username, password-file and ca-file. */
  Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("vtm.clusters", String.join(",", sims.stream().map(VtmSimulator::name).toList()));
    for (VtmSimulator sim : sims) {
      String p = "vtm." + sim.name() + ".";
      s.put(p + "url", sim.baseUrl().toString());
      s.put(p + "username", sim.username());
      s.put(p + "password-file", dir.resolve(sim.name() + ".password").toString());
      s.put(p + "ca-file", dir.resolve(sim.name() + "-ca.pem").toString());
    }
    return s;
  }

  /** The pool a request addresses ({@code .../pools/<name>}), or null for any other path. */
  static String pool(RecordedRequest r) {
    int i = r.path().lastIndexOf("/pools/");
    return i < 0 ? null : r.path().substring(i + "/pools/".length());
  }

  /** Requests of one method (any path), over every simulator. */
  long count(String method) {
    return sims.stream().mapToLong(s -> s.count(method, "/")).sum();
  }

  /**
   * Requests to {@code sim} with this method and status (-1: any), for pools matching {@code
   * pools}, that arrived after {@code after}.
   */
  static List<RecordedRequest> poolRequests(
      VtmSimulator sim, String method, int status, Predicate<String> pools, Instant after) {
    return sim.requests().stream()
        .filter(r -> r.method().equals(method) && r.at().isAfter(after))
        .filter(r -> status < 0 || r.status() == status)
        .filter(r -> pool(r) != null && pools.test(pool(r)))
        .toList();
  }

  /**
   * When every simulator has accepted a PUT with {@code status} for at least {@code n} distinct
   * pools matching {@code pools} since {@code after}: the arrival of the last of those; else null.
   */
  Instant allAccepted(int status, Predicate<String> pools, Instant after, int n) {
    Instant last = Instant.MIN;
    for (VtmSimulator sim : sims) {
      List<RecordedRequest> got = poolRequests(sim, "PUT", status, pools, after);
      if (got.stream().map(VtmFleet::pool).distinct().count() < n) {
        return null;
      }
      for (RecordedRequest r : got) {
        last = r.at().isAfter(last) ? r.at() : last;
      }
    }
    return last;
  }

  /** True when every simulator holds each pool with {@code n} members, none at {@code not}. */
  boolean members(List<String> pools, int n, String not) {
    for (VtmSimulator sim : sims) {
      for (String pool : pools) {
        List<Member> table = sim.pool(pool).map(NodesTable::read).orElse(List.of());
        if (table.size() != n || table.stream().anyMatch(m -> m.address().startsWith(not))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    sims.forEach(VtmSimulator::close);
  }
}
