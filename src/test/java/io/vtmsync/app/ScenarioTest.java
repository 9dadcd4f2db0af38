package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PoolPlanner;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Without flags that change the plan, render prints what the running app plans for it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void render_prints_what_the_app_plans_for_the_service(Scenarios s) {
    SnapshotView view = new SnapshotView(s.objects());
    String key = s.flags().get("service");
    assumeTrue(key != null && key.contains("/"), "render is given a Service");
    // Listed in sync.services, as a Service without annotations must be for the app to sync it.
    ExposureReader reader =
        new ExposureReader(ExposureDefaults.standard().withServices(Map.of(key, "")));
    List<PoolPlan> app = new PoolPlanner(view, reader, 50).plan(key);
    assumeTrue(app.size() == 1, "the app plans one pool for it");
    boolean invalid =
        view.service(KubeNames.split(key)[0], KubeNames.split(key)[1])
            .map(svc -> reader.read(svc) instanceof Exposure.Invalid)
            .orElse(false);
    assumeTrue(invalid || s.flags().keySet().equals(Set.of("service")), "no flag overrides it");
    assertThat(json(app.get(0))).isEqualTo(json(RenderCommand.renderFrom(view, s.flags())));
  }

  private static String json(PoolPlan plan) {
    return new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8);
  }
}
