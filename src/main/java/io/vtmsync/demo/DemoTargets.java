package io.vtmsync.demo;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the demo looks for a pool: the pool file, and the node table on each simulated vTM. {@code
 * priorities}: whether the target carries member priorities (vTM's nodes_table does; the plugin
 * JSON of the pool file has no field for them, so its members read back as priority 1).
 */
record DemoTargets(
    String name, boolean priorities, Supplier<List<Member>> members, Supplier<String> show) {

  static DemoTargets file(Path file) {
    return new DemoTargets(
        "file",
        false,
        () -> {
          try {
            return Files.exists(file)
                ? ServiceDiscoveryJson.parse(Files.readAllBytes(file)).members()
                : null;
          } catch (IOException | IllegalArgumentException e) {
            return null;
          }
        },
        () -> {
          try {
            return Files.readString(file);
          } catch (IOException e) {
            return "(no file)";
          }
        });
  }

  static DemoTargets vtm(VtmSimulator sim, String pool) {
    return new DemoTargets(
        "vtm:" + sim.name(),
        true,
        () -> sim.pool(pool).map(NodesTable::read).orElse(null),
        () ->
            sim.pool(pool)
                .map(p -> p.at("/properties/basic/nodes_table").toString())
                .orElse("(no pool)"));
  }
}
