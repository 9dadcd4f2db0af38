package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.demo.ClusterScript.PodState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app on the real routes and config, driven through a real API server. */
class SyncIT {

  @TempDir Path dir;

  @Test
  void pods_scaling_terminating_and_a_node_going_not_ready_reach_the_pool_file() throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(3);
      h.cluster.scale("default", "web", 2);
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10", "10.0.0.11=draining");
      h.cluster.finishTerminating("default", "web");
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.10");
      h.cluster.setNodeReady("node-a", false);
      h.awaitMembers("default-web-http", "10.0.0.10");
      assertThat(h.ready()).isTrue();
    }
  }

  @Test
  void a_burst_of_100_endpointslice_updates_is_coalesced_into_a_handful_of_syncs()
      throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(3);
      String pod = h.cluster.pods("default", "web").get(1).name();
      long before = h.syncs();
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        h.cluster.setState("default", "web", pod, i % 2 == 0 ? PodState.NOT_READY : PodState.READY);
      }
      h.cluster.setState("default", "web", pod, PodState.NOT_READY);
      long burstMs = (System.nanoTime() - start) / 1_000_000;
      h.awaitMembers("default-web-http", "10.0.0.9", "10.0.0.11");
      Thread.sleep(300); // let any straggling window close
      long syncs = h.syncs() - before;
      // Syncs of a key are at least one 100 ms window apart: one per window of the burst, plus the
      // leading one (at the first event), plus the trailing one of the window still open at the
      // end, plus slack for event delivery and a resync that may fall into the wait.
      assertThat(syncs)
          .as("syncs for 101 updates over %d ms", burstMs)
          .isLessThanOrEqualTo(burstMs / 100 + 4)
          .isLessThan(30);
      assertThat(h.members("default-web-http")).containsExactly("10.0.0.9", "10.0.0.11");
    }
  }

  @Test
  void an_empty_plan_holds_the_last_members_and_a_deleted_service_gets_a_404_document()
      throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.startWithWeb(1);
      h.cluster.scale("default", "web", 0);
      // The pod drains, then goes: the first change syncs at once, so draining is written first.
      h.awaitMembers("default-web-http", "10.0.0.9=draining");
      h.cluster.finishTerminating("default", "web");
      Thread.sleep(2500); // past a resync: still held
      assertThat(h.members("default-web-http")).containsExactly("10.0.0.9=draining");
      h.client.services().inNamespace("default").withName("web").delete();
      h.awaitContent("default-web-http", c -> c.contains("\"code\":404"));
      assertThat(h.content("default-web-http"))
          .contains("no longer published by Service 'default/web'");
    }
  }

  @Test
  void two_services_claiming_one_pool_name_the_first_in_name_order_owns_it() throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.service("beta", Map.of("vtm-k8s-sync.io/pool", "shared"));
      h.cluster.scale("default", "beta", 1);
      h.service("alpha", Map.of("vtm-k8s-sync.io/pool", "shared"));
      h.cluster.scale("default", "alpha", 2);
      h.start(h.options());
      h.awaitMembers("shared", "10.0.0.9", "10.0.0.10");
      h.client.services().inNamespace("default").withName("alpha").delete();
      h.awaitMembers("shared", "10.0.0.9");
    }
  }

  @Test
  void only_the_configured_namespaces_are_watched() throws Exception {
    try (AppHarness h = new AppHarness(dir)) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.client
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName("other")
                  .endMetadata()
                  .build())
          .create();
      h.cluster.createService(
          new io.fabric8.kubernetes.api.model.ServiceBuilder(
                  h.client.services().inNamespace("default").withName("web").get())
              .editMetadata()
              .withNamespace("other")
              .withResourceVersion(null)
              .withUid(null)
              .endMetadata()
              .build(),
          java.util.List.of());
      h.cluster.scale("other", "web", 1);
      h.start(h.options().with("k8s.namespaces", "default"));
      h.awaitMembers("default-web-http", "10.0.0.9");
      Thread.sleep(500);
      assertThat(h.file("other-web-http")).doesNotExist();
    }
  }
}
