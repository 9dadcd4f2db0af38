package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.vtmsync.demo.ClusterScript.PodState;
import io.vtmsync.events.EventCorrelator;
import io.vtmsync.events.ServiceEvents;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bounds the Events the app writes: the per-Service rate limit, the switch, leadership, and an
 * API server that refuses them (which never holds a sync up).
 */
class EventLimitsIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  @Test
  void a_burst_of_100_changes_writes_no_more_than_the_rate_limit_allows() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"))) {
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 2);
      long start = System.nanoTime();
      h.start(h.options().with("sync.debounce-ms", "0"));
      h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10");
      String pod = h.cluster.pods("default", "web").get(0).name();
      for (int i = 0; i < 100; i++) {
        boolean ready = i % 2 == 1;
        h.cluster.setState("default", "web", pod, ready ? PodState.READY : PodState.NOT_READY);
        if (ready) {
          h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10");
        } else {
          h.awaitMembers(POOL, "10.0.0.10");
        }
      }
      KubeEvents.settle(h.app);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      long writes =
          h.kube.takeRequests().stream()
              .filter(r -> r.getPath().contains("/events"))
              .filter(r -> r.getMethod().equals("POST") || r.getMethod().equals("PATCH"))
              .count();
      long allowed = EventCorrelator.BURST + elapsedMs / EventCorrelator.REFILL.toMillis() + 1;
      System.out.println(
          "burst: 101 changes in "
              + elapsedMs
              + " ms, "
              + writes
              + " Event writes (<= "
              + allowed
              + ")");
      assertThat(writes).isPositive().isLessThanOrEqualTo(allowed);
      ServiceEvents events = h.app.bean("serviceEvents", ServiceEvents.class);
      assertThat(events.dropped(ServiceEvents.RATE_LIMITED)).isGreaterThanOrEqualTo(101 - writes);
      // Two messages alternate: two Events (and the first sync's), their counts bumped.
      assertThat(new KubeEvents(h.client).on("web", "PoolSynced"))
          .hasSizeLessThanOrEqualTo(3)
          .anySatisfy(e -> assertThat(e.getCount()).isGreaterThan(1));
    }
  }

  @Test
  void events_enabled_false_writes_none() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"))) {
      h.service("web", Map.of());
      h.service("bad", Map.of("vtm-k8s-sync.io/mode", "nodeprot"));
      h.cluster.scale("default", "web", 1);
      h.start(h.options().with("events.enabled", "false"));
      h.awaitMembers(POOL, "10.0.0.9");
      h.awaitContent("default-bad-http", c -> c.contains("\"code\":400"));
      h.cluster.scale("default", "web", 2);
      h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10");
      Thread.sleep(2500); // a resync meets the bad Service again
      assertThat(h.client.v1().events().inAnyNamespace().list().getItems()).isEmpty();
      assertThat(h.kube.takeRequests())
          .noneMatch(r -> r.getPath().contains("/events") && !r.getMethod().equals("GET"));
    }
  }

  @Test
  void a_standby_writes_no_event_until_it_leads() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"))) {
      h.client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("ha").endMetadata().build())
          .create();
      h.service("web", Map.of());
      h.service("bad", Map.of("vtm-k8s-sync.io/mode", "nodeprot"));
      h.cluster.scale("default", "web", 1);
      KubeEvents events = new KubeEvents(h.client);
      App a = App.start(replica(h, "vtm-a"));
      events.awaitOne("web", "PoolSynced", m -> true);
      try (App b = App.start(replica(h, "vtm-b"))) {
        h.app = b;
        await().atMost(Duration.ofSeconds(30)).until(h::ready);
        h.cluster.scale("default", "web", 2);
        events.awaitOne("web", "PoolSynced", m -> m.endsWith("+10.0.0.10:30080"));
        Thread.sleep(2500); // resyncs meet the bad Service on both replicas' caches
        KubeEvents.settle(a);
        assertThat(h.client.v1().events().inNamespace("default").list().getItems())
            .isNotEmpty()
            .allSatisfy(e -> assertThat(e.getReportingInstance()).isEqualTo("vtm-a"));
        a.close(); // the standby takes over and speaks from then on
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> events.on("web").stream().anyMatch(e -> by(e, "vtm-b")));
        h.app = null;
      }
    }
  }

  @Test
  void an_api_server_refusing_events_holds_no_sync_up() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"));
        LogCapture log = new LogCapture()) {
      h.kube.refuse(r -> r.getPath().contains("/events"), 403);
      h.service("web", Map.of());
      h.cluster.scale("default", "web", 1);
      h.start(h.options());
      h.awaitMembers(POOL, "10.0.0.9");
      h.cluster.scale("default", "web", 2);
      h.awaitMembers(POOL, "10.0.0.9", "10.0.0.10");
      KubeEvents.settle(h.app);
      ServiceEvents events = h.app.bean("serviceEvents", ServiceEvents.class);
      assertThat(events.dropped(ServiceEvents.FAILED)).isGreaterThanOrEqualTo(2);
      assertThat(log.lines().stream().filter(l -> l.startsWith("WARN") && l.contains("Event")))
          .as("said once, not per Event")
          .hasSize(1)
          .allMatch(l -> l.contains("refuses Event") && l.contains("403 Forbidden"))
          .allMatch(l -> l.contains("RBAC"));
    }
  }

  private static boolean by(Event e, String replica) {
    return replica.equals(e.getReportingInstance());
  }

  private App.Options replica(AppHarness h, String pod) {
    return h.options()
        .with("sink.file.directory", tmp.resolve(pod).toString())
        .with("ha.enabled", "true")
        .with("ha.namespace", "ha")
        .with("ha.pod-name", pod)
        .with("ha.lease-duration-ms", "3000")
        .with("ha.renew-deadline-ms", "2000")
        .with("ha.retry-period-ms", "500");
  }
}
