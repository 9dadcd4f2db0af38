package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.SnapshotView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzz tests found (the API server refuses them, but the planner promises a failed plan
 * rather than an exception for any input, and a pool name that is safe as a file name).
 */
class PoolPlannerTest {

  private static <T> T first(List<HasMetadata> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void an_endpoint_port_out_of_range_is_left_out_in_pod_mode_rather_than_thrown() {
    for (int bad : new int[] {0, -1, 65536}) {
      List<HasMetadata> objects = FuzzFixtures.huge("ns", "web", BackendMode.POD, 1);
      first(objects, EndpointSlice.class).getPorts().get(0).setPort(bad);
      List<PoolPlan> plans = planner(objects).plan("ns/web");
      assertThat(plans).singleElement().extracting(PoolPlan::code).isEqualTo(PoolPlan.EMPTY);
      assertThat(plans.get(0).error()).contains("'ns/web'", "no ready endpoints");
    }
  }

  @Test
  void a_host_port_out_of_range_is_a_400_naming_the_pod_rather_than_thrown() {
    List<HasMetadata> objects = FuzzFixtures.huge("ns", "web", BackendMode.HOSTPORT, 1);
    Pod pod = first(objects, Pod.class);
    pod.getSpec().getContainers().get(0).getPorts().get(0).setHostPort(70_000);
    List<PoolPlan> plans = planner(objects).plan("ns/web");
    assertThat(plans).singleElement().extracting(PoolPlan::code).isEqualTo(PoolPlan.BAD_INPUT);
    assertThat(plans.get(0).error())
        .contains("pod 'ns/p0' publishes no hostPort")
        .startsWith("Service '");
  }

  @Test
  void a_port_name_that_derives_an_unsafe_pool_name_names_no_pool_and_is_reported() {
    List<HasMetadata> objects = FuzzFixtures.huge("ns", "web", BackendMode.NODEPORT, 1);
    Service svc = first(objects, Service.class);
    svc.getSpec().getPorts().get(0).setName("../../etc");
    first(objects, EndpointSlice.class).getPorts().get(0).setName("../../etc");
    ServicePlan planned = planner(objects).planService("ns/web");
    assertThat(planned.pools()).as("no file may be named after it").isEmpty();
    assertThat(planned.problems())
        .singleElement()
        .asString()
        .startsWith("Service 'ns/web' port '../../etc': invalid pool name 'ns-web-../../etc'");
  }

  @Test
  void the_same_port_with_a_safe_name_plans_its_members() {
    List<PoolPlan> plans =
        planner(FuzzFixtures.huge("ns", "web", BackendMode.POD, 2)).plan("ns/web");
    assertThat(plans)
        .singleElement()
        .isEqualTo(
            PoolPlan.of(
                "ns-web-http",
                "ns/web",
                Set.of(),
                List.of(Member.active("10.244.0.0", 8080), Member.active("10.244.0.1", 8080))));
  }

  @Test
  void the_weight_annotation_weights_every_member_in_every_mode() {
    for (BackendMode mode : BackendMode.values()) {
      List<HasMetadata> objects = FuzzFixtures.huge("ns", "web", mode, 3);
      first(objects, Service.class)
          .getMetadata()
          .getAnnotations()
          .put(io.vtmsync.k8s.Annotations.WEIGHT, "5");
      List<PoolPlan> plans = planner(objects).plan("ns/web");
      assertThat(plans).singleElement().extracting(PoolPlan::code).isEqualTo(PoolPlan.OK);
      assertThat(plans.get(0).members()).as(mode.text()).isNotEmpty();
      assertThat(plans.get(0).members()).extracting(Member::weight).containsOnly(5);
      assertThat(plans.get(0).members()).extracting(Member::priority).containsOnly(1);
    }
  }

  @Test
  void without_the_annotation_members_have_weight_1() {
    List<PoolPlan> plans =
        planner(FuzzFixtures.huge("ns", "web", BackendMode.NODEPORT, 2)).plan("ns/web");
    assertThat(plans.get(0).members()).isNotEmpty();
    assertThat(plans.get(0).members()).extracting(Member::weight).containsOnly(1);
  }

  private static PoolPlanner planner(List<HasMetadata> objects) {
    return new PoolPlanner(
        new SnapshotView(objects), new ExposureReader(ExposureDefaults.standard()), 50);
  }
}
