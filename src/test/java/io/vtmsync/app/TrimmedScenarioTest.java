package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vtmsync.k8s.AddressType;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.LabelSelector;
import io.vtmsync.k8s.LeanJson;
import io.vtmsync.k8s.ObjectTrimmer;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.PoolPlanner;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The informers read objects lean ({@link LeanJson}) and cache them trimmed ({@link
 * ObjectTrimmer}): every scenario must plan exactly the same from its objects read and trimmed so
 * as from them whole, in every mode and address type, and render the same plugin JSON.
 */
class TrimmedScenarioTest {

  private static final KubernetesSerialization LEAN = LeanJson.serialization();

  static Stream<Scenarios> scenarios() throws Exception {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void render_prints_the_same_json_from_trimmed_objects(Scenarios s) {
    SnapshotView whole = new SnapshotView(s.objects());
    SnapshotView trimmed = new SnapshotView(trimmedCopies(s.objects()));
    assertThat(json(trimmed, s.flags())).isEqualTo(json(whole, s.flags())).isEqualTo(s.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void every_service_plans_the_same_from_trimmed_objects_in_every_mode(Scenarios s) {
    SnapshotView whole = new SnapshotView(s.objects());
    SnapshotView trimmed = new SnapshotView(trimmedCopies(s.objects()));
    List<String> services =
        s.objects().stream().filter(o -> o instanceof Service).map(KubeNames::key).toList();
    for (BackendMode mode : BackendMode.values()) {
      for (AddressType type : AddressType.values()) {
        ExposureReader reader = reader(mode, type, services);
        for (String key : services) {
          assertThat(new PoolPlanner(trimmed, reader, 50).planService(key))
              .as("%s in %s mode, %s", key, mode, type)
              .isEqualTo(new PoolPlanner(whole, reader, 50).planService(key));
        }
      }
    }
  }

  /** Every Service exposed by config (annotations still apply), as the app would plan it. */
  private static ExposureReader reader(BackendMode mode, AddressType type, List<String> services) {
    Map<String, String> listed = new java.util.HashMap<>();
    services.forEach(k -> listed.put(k, ""));
    return new ExposureReader(
        new ExposureDefaults(mode, type, LabelSelector.ALL, listed, Set.of()));
  }

  private static String json(SnapshotView view, Map<String, String> flags) {
    return new String(
        ServiceDiscoveryJson.render(RenderCommand.renderFrom(view, flags)), StandardCharsets.UTF_8);
  }

  static List<HasMetadata> trimmedCopies(List<HasMetadata> objects) {
    return objects.stream().map(TrimmedScenarioTest::trimmedCopy).toList();
  }

  private static HasMetadata trimmedCopy(HasMetadata o) {
    // Read as the informers read it (LeanJson), then trimmed as they store it.
    HasMetadata copy = LEAN.unmarshal(Serialization.asJson(o), o.getClass());
    if (copy instanceof Service svc) {
      return ObjectTrimmer.service(svc);
    } else if (copy instanceof EndpointSlice slice) {
      return ObjectTrimmer.endpointSlice(slice);
    } else if (copy instanceof Node node) {
      return ObjectTrimmer.node(node);
    } else if (copy instanceof Pod pod) {
      return ObjectTrimmer.pod(pod);
    }
    return copy;
  }
}
