package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vtmsync.k8s.ClusterView;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.k8s.SourceNotSyncedException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A hostport plan reads pods only from a whole cache of them. */
class HostPortPodsTest {

  private final List<HasMetadata> objects = FuzzFixtures.huge("ns", "web", BackendMode.HOSTPORT, 2);

  @Test
  void pods_still_being_listed_make_the_plan_wait_instead_of_dropping_members() {
    assertThatThrownBy(() -> planner(ClusterView.Pods.SYNCING).plan("ns/web"))
        .isInstanceOf(SourceNotSyncedException.class)
        .hasMessageContaining("pods of namespace 'ns'");
  }

  @Test
  void pods_never_watched_fail_the_plan_with_a_400_naming_the_setting() {
    List<PoolPlan> plans = planner(ClusterView.Pods.NOT_WATCHED).plan("ns/web");
    assertThat(plans).singleElement().extracting(PoolPlan::code).isEqualTo(PoolPlan.BAD_INPUT);
    assertThat(plans.get(0).error()).startsWith("Service 'ns/web'").contains("k8s.watch-pods");
  }

  @Test
  void cached_pods_plan_their_host_ports() {
    assertThat(planner(ClusterView.Pods.CACHED).plan("ns/web"))
        .singleElement()
        .satisfies(p -> assertThat(p.members()).hasSize(2));
  }

  private PoolPlanner planner(ClusterView.Pods pods) {
    SnapshotView view = new SnapshotView(objects);
    ClusterView withPods =
        new ClusterView() {
          @Override
          public Optional<Service> service(String namespace, String name) {
            return view.service(namespace, name);
          }

          @Override
          public List<EndpointSlice> endpointSlices(String namespace, String service) {
            return view.endpointSlices(namespace, service);
          }

          @Override
          public Optional<Node> node(String name) {
            return view.node(name);
          }

          @Override
          public Collection<Node> nodes() {
            return view.nodes();
          }

          @Override
          public Optional<Pod> pod(String namespace, String name) {
            return view.pod(namespace, name);
          }

          @Override
          public Pods pods(String namespace) {
            return pods;
          }
        };
    return new PoolPlanner(withPods, new ExposureReader(ExposureDefaults.standard()), 50);
  }
}
