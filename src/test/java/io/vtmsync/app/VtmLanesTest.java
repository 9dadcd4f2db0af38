package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.support.DefaultRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What VtmLanes says about the clusters it sets up lanes for. */
class VtmLanesTest {

  @Test
  void an_insecure_cluster_is_warned_about_once_at_start_naming_it(@TempDir Path dir)
      throws Exception {
    Path password = Files.writeString(dir.resolve("east.password"), "secret\n");
    Map<String, String> props =
        Map.of(
            "vtm.clusters", "east,west",
            "vtm.east.url", "https://127.0.0.1:9070",
            "vtm.east.username", "admin",
            "vtm.east.password-file", password.toString(),
            "vtm.east.insecure", "true",
            "vtm.west.url", "https://127.0.0.1:9071",
            "vtm.west.username", "admin",
            "vtm.west.password-file", password.toString());
    Settings settings = Settings.read(props::get, props.keySet());

    try (LogCapture logs = new LogCapture(VtmLanes.class.getName())) {
      new VtmLanes(
          new DefaultRegistry(),
          settings,
          new AppMetrics(new SimpleMeterRegistry()),
          io.vtmsync.events.ServiceEvents.of(false, null, null, "", () -> false));

      assertThat(logs.lines())
          .filteredOn(line -> line.startsWith("WARN"))
          .singleElement()
          .asString()
          .contains("vtm east", "vtm.east.insecure=true");
    }
  }
}
