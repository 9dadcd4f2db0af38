package io.vtmsync.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vtmsync.demo.ProductionObjects;
import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.PoolPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Production-shaped objects, trimmed as the informers store them: small, and planned the same. */
class ObjectTrimmerTest {

  private final ProductionObjects world = new ProductionObjects(20, 8, 4, 2, 2);

  @Test
  void a_pod_keeps_labels_node_host_ip_and_container_ports_only() {
    Pod whole = pod(0, 1);
    Pod trimmed = ObjectTrimmer.pod(pod(0, 1));
    assertThat(trimmed.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(trimmed.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(trimmed.getMetadata().getLabels()).isEqualTo(whole.getMetadata().getLabels());
    assertThat(trimmed.getMetadata().getResourceVersion())
        .isEqualTo(whole.getMetadata().getResourceVersion());
    assertThat(trimmed.getSpec().getNodeName()).isEqualTo(whole.getSpec().getNodeName());
    assertThat(trimmed.getStatus().getHostIP()).isEqualTo(whole.getStatus().getHostIP());
    assertThat(trimmed.getSpec().getVolumes()).isNullOrEmpty();
    assertThat(trimmed.getSpec().getContainers().get(0).getEnv()).isNullOrEmpty();
    assertThat(trimmed.getSpec().getContainers().get(0).getImage()).isNull();
    assertThat(trimmed.getSpec().getContainers().get(0).getPorts().get(0).getHostPort())
        .isEqualTo(20000);
    assertThat(Serialization.asJson(trimmed).length())
        .isLessThan(Serialization.asJson(whole).length() / 10);
  }

  @Test
  void a_node_keeps_what_eligibility_and_addresses_read_but_no_images() {
    Node whole = node(3);
    Node trimmed = ObjectTrimmer.node(node(3));
    assertThat(whole.getStatus().getImages()).hasSize(ProductionObjects.IMAGES_PER_NODE);
    assertThat(trimmed.getStatus().getImages()).isNullOrEmpty();
    assertThat(trimmed.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(Nodes.ready(trimmed)).isEqualTo(Nodes.ready(whole)).isTrue();
    assertThat(Nodes.schedulable(trimmed)).isEqualTo(Nodes.schedulable(whole));
    assertThat(Nodes.labels(trimmed)).isEqualTo(Nodes.labels(whole));
    assertThat(trimmed.getStatus().getAddresses())
        .extracting(a -> a.getType() + " " + a.getAddress())
        .containsExactlyElementsOf(
            whole.getStatus().getAddresses().stream()
                .map(a -> a.getType() + " " + a.getAddress())
                .toList());
  }

  @Test
  void a_service_keeps_only_our_annotations_and_the_planned_spec() {
    Service whole = service(1);
    Service trimmed = ObjectTrimmer.service(service(1));
    assertThat(whole.getMetadata().getAnnotations()).containsKey("meta.helm.sh/release-name");
    assertThat(trimmed.getMetadata().getAnnotations())
        .containsOnlyKeys(Annotations.EXPOSE, Annotations.PORT);
    assertThat(trimmed.getSpec().getSelector()).isEqualTo(whole.getSpec().getSelector());
    assertThat(trimmed.getSpec().getClusterIPs()).isNullOrEmpty();
    assertThat(trimmed.getStatus()).isNull();
  }

  @Test
  void an_endpoint_slice_keeps_its_service_label_and_endpoints() {
    EndpointSlice trimmed = ObjectTrimmer.endpointSlice(slice(2));
    assertThat(trimmed.getMetadata().getLabels())
        .isEqualTo(Map.of(KubeNames.SERVICE_NAME_LABEL, ProductionObjects.app(2)));
    assertThat(trimmed.getEndpoints()).hasSize(world.podsPerService);
    assertThat(trimmed.getEndpoints().get(0).getZone()).isNull();
  }

  @Test
  void production_services_plan_the_same_trimmed_in_every_mode() {
    List<HasMetadata> whole = objects();
    List<HasMetadata> trimmed = new ArrayList<>();
    objects().forEach(o -> trimmed.add(trim(o)));
    for (BackendMode mode : BackendMode.values()) {
      ExposureReader reader =
          new ExposureReader(
              new ExposureDefaults(
                  mode, AddressType.INTERNAL_IP, LabelSelector.ALL, Map.of(), Set.of()));
      for (int i = 0; i < world.services; i++) {
        String key = world.namespace(i) + "/" + ProductionObjects.app(i);
        var expected = new PoolPlanner(new SnapshotView(whole), reader, 50).planService(key);
        assertThat(expected.pools()).isNotEmpty();
        assertThat(new PoolPlanner(new SnapshotView(trimmed), reader, 50).planService(key))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void read_lean_then_trimmed_is_what_trimming_a_whole_object_gives() {
    KubernetesSerialization lean = LeanJson.serialization();
    for (int i = 0; i < world.services; i++) {
      String pod = world.podJson(i, 1);
      assertThat(json(ObjectTrimmer.pod(lean.unmarshal(pod, Pod.class))))
          .isEqualTo(json(ObjectTrimmer.pod(Serialization.unmarshal(pod, Pod.class))));
      String node = world.nodeJson(i);
      assertThat(json(ObjectTrimmer.node(lean.unmarshal(node, Node.class))))
          .isEqualTo(json(ObjectTrimmer.node(Serialization.unmarshal(node, Node.class))));
      String slice = world.sliceJson(i);
      assertThat(json(ObjectTrimmer.endpointSlice(lean.unmarshal(slice, EndpointSlice.class))))
          .isEqualTo(
              json(
                  ObjectTrimmer.endpointSlice(
                      Serialization.unmarshal(slice, EndpointSlice.class))));
    }
    assertThat(lean.unmarshal(world.podJson(0, 0), Pod.class).getMetadata().getManagedFields())
        .as("never built")
        .isEmpty();
  }

  private static String json(Object o) {
    return Serialization.asJson(o);
  }

  private List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>();
    for (int n = 0; n < world.nodes; n++) {
      out.add(node(n));
    }
    for (int i = 0; i < world.services; i++) {
      out.add(service(i));
      out.add(slice(i));
      for (int j = 0; j < world.podsPerService; j++) {
        out.add(pod(i, j));
      }
    }
    return out;
  }

  private static HasMetadata trim(HasMetadata o) {
    if (o instanceof Service s) {
      return ObjectTrimmer.service(s);
    } else if (o instanceof EndpointSlice s) {
      return ObjectTrimmer.endpointSlice(s);
    } else if (o instanceof Node n) {
      return ObjectTrimmer.node(n);
    }
    return ObjectTrimmer.pod((Pod) o);
  }

  private Pod pod(int service, int pod) {
    return Serialization.unmarshal(world.podJson(service, pod), Pod.class);
  }

  private Node node(int n) {
    return Serialization.unmarshal(world.nodeJson(n), Node.class);
  }

  private Service service(int i) {
    return Serialization.unmarshal(world.serviceJson(i, Map.of()), Service.class);
  }

  private EndpointSlice slice(int i) {
    return Serialization.unmarshal(world.sliceJson(i), EndpointSlice.class);
  }
}
