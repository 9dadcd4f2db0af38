package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario folder, planned from an in-memory view of its objects. */
class ScenarioTest {

  static Stream<Scenarios> scenarios() throws Exception {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void render_prints_the_expected_plugin_json(Scenarios s) {
    String json =
        new String(
            ServiceDiscoveryJson.render(
                RenderCommand.renderFrom(new SnapshotView(s.objects()), s.flags())),
            StandardCharsets.UTF_8);
    assertThat(json).isEqualTo(s.expected());
  }
}
