package io.vtmsync.demo;

import io.vtmsync.app.App;
import io.vtmsync.sim.VtmSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's vTM clusters: simulators on loopback, reached with verified TLS (their CA files) and
 * passwords from files, exactly as a production config would name them.
 */
final class DemoClusters implements AutoCloseable {

  private final List<VtmSimulator> sims = new ArrayList<>();
  private final Path dir;

  private DemoClusters(Path dir) {
    this.dir = dir;
  }

  static DemoClusters start(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    DemoClusters c = new DemoClusters(dir);
    for (String n : names) {
      VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults(n));
      Files.writeString(dir.resolve(n + ".password"), sim.password() + "\n");
      sim.writeCaPem(dir);
      c.sims.add(sim);
    }
    return c;
  }

  List<VtmSimulator> sims() {
    return List.copyOf(sims);
  }

  String describe() {
    return sims.stream().map(s -> s.name() + " " + s.baseUrl()).collect(Collectors.joining(", "));
  }

  App.Options configure(App.Options o) {
    App.Options out =
        o.with(
            "vtm.clusters", sims.stream().map(VtmSimulator::name).collect(Collectors.joining(",")));
    for (VtmSimulator s : sims) {
      String p = "vtm." + s.name() + ".";
      out =
          out.with(p + "url", s.baseUrl().toString())
              .with(p + "username", s.username())
              .with(p + "password-file", dir.resolve(s.name() + ".password").toString())
              .with(p + "ca-file", dir.resolve(s.name() + "-ca.pem").toString());
    }
    return out;
  }

  @Override
  public void close() {
    sims.forEach(VtmSimulator::close);
  }
}
