package io.vtmsync.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Several vTM simulators on loopback, with password and CA files, as app settings. */
final class SimClusters implements AutoCloseable {

  final Map<String, VtmSimulator> sims = new LinkedHashMap<>();
  private final Path dir;

  SimClusters(Path dir, String... names) throws Exception {
    this.dir = dir;
    Files.createDirectories(dir);
    for (String n : names) {
      add(VtmSimulator.Options.defaults(n));
    }
  }

  VtmSimulator add(VtmSimulator.Options options) throws Exception {
    VtmSimulator sim = VtmSimulator.start(options);
    sims.put(options.name(), sim);
    Files.writeString(dir.resolve(options.name() + ".password"), sim.password() + "\n");
    sim.writeCaPem(dir);
    return sim;
  }

  VtmSimulator get(String name) {
    return sims.get(name);
  }

  /** Settings for every simulator (verified TLS with its CA file, password from a file). */
  App.Options configure(App.Options o) {
    o =
        o.with("vtm.clusters", String.join(",", sims.keySet()))
            .with("vtm.retry-base-ms", "50")
            .with("vtm.retry-max-ms", "400");
    for (VtmSimulator s : sims.values()) {
      String p = "vtm." + s.name() + ".";
      o =
          o.with(p + "url", s.baseUrl().toString())
              .with(p + "username", s.username())
              .with(p + "password-file", dir.resolve(s.name() + ".password").toString())
              .with(p + "ca-file", dir.resolve(s.name() + "-ca.pem").toString())
              .with(p + "timeout-ms", "2000");
    }
    return o;
  }

  /** Members of a pool on a simulator as "ip:port=state" strings, or null when it is missing. */
  List<String> members(String sim, String pool) {
    Optional<ObjectNode> p = sims.get(sim).pool(pool);
    return p.map(
            n ->
                NodesTable.read(n).stream()
                    .map(m -> m.address() + "=" + m.state().vtmName())
                    .sorted()
                    .toList())
        .orElse(null);
  }

  void awaitMembers(String sim, String pool, String... expected) {
    List<String> want = java.util.Arrays.stream(expected).sorted().toList();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> members(sim, pool), want::equals);
  }

  long puts(String sim, String pool) {
    return sims.get(sim).requests().stream()
        .filter(r -> r.method().equals("PUT") && r.path().endsWith("/pools/" + pool))
        .count();
  }

  @Override
  public void close() {
    sims.values().forEach(VtmSimulator::close);
  }
}
