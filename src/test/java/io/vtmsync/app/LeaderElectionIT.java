package io.vtmsync.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.vtmsync.k8s.Kinds;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas against one API server: only the Lease holder writes, the standby keeps its caches warm,
 * and the Lease alone decides when another replica takes over, whatever the pods' status says.
 */
class LeaderElectionIT {

  private static final String POOL = "default-web-http";
  private static final String LEASE = "ha/vtm-k8s-sync";
  private static final int LEASE_MS = 3000;
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path tmp;

  private App.Options replica(AppHarness h, String pod) {
    return h.options()
        .with("sink.file.directory", tmp.resolve(pod).toString())
        .with("ha.enabled", "true")
        .with("ha.namespace", "ha")
        .with("ha.pod-name", pod)
        .with("ha.lease-duration-ms", String.valueOf(LEASE_MS))
        .with("ha.renew-deadline-ms", "2000")
        .with("ha.retry-period-ms", "500");
  }

  /** The replicas' namespace and one exposed Service; election needs no pods. */
  private void namespaceAndService(AppHarness h) {
    h.client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("ha").endMetadata().build())
        .create();
    h.service("web", Map.of());
    h.cluster.scale("default", "web", 1);
  }

  private void readyPod(AppHarness h, String name) {
    var pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("ha")
            .addToLabels("app.kubernetes.io/name", "vtm-k8s-sync")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    h.client.pods().inNamespace("ha").resource(pod).create();
  }

  private boolean wrote(String replica) {
    return Files.exists(tmp.resolve(replica).resolve(POOL + ".json"));
  }

  private String pool(String replica) throws Exception {
    return Files.readString(tmp.resolve(replica).resolve(POOL + ".json"));
  }

  /** The RBAC verbs of the Lease requests the API server got. */
  private static Set<String> leaseVerbs(AppHarness h) {
    Map<String, String> verbs =
        Map.of("GET", "get", "POST", "create", "PUT", "update", "PATCH", "patch");
    return h.kube.takeRequests().stream()
        .filter(r -> r.getPath().contains("/leases"))
        .map(r -> verbs.getOrDefault(r.getMethod(), r.getMethod()))
        .collect(Collectors.toSet());
  }

  private static int line(LogCapture log, String start) {
    List<String> lines = log.lines();
    return IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line '" + start + "...' in\n" + log.all()));
  }

  @Test
  void only_the_leader_writes_and_a_clean_stop_hands_the_lease_over_at_once() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"));
        LogCapture log = new LogCapture("io.vtmsync.ha")) {
      namespaceAndService(h);
      App a = App.start(replica(h, "vtm-a"));
      await().atMost(HANG_GUARD).until(() -> wrote("vtm-a"));
      try (App b = App.start(replica(h, "vtm-b"))) {
        h.app = b; // readiness of the standby
        await().atMost(HANG_GUARD).until(h::ready);
        h.cluster.scale("default", "web", 2);
        await().atMost(HANG_GUARD).until(() -> pool("vtm-a").contains("10.0.0.10"));
        Thread.sleep(LEASE_MS + 1000); // more than a lease: the standby still must not write
        assertThat(wrote("vtm-b")).as("the standby never writes").isFalse();

        a.close(); // a clean stop releases the Lease...
        long stopped = System.nanoTime();
        h.cluster.scale("default", "web", 3); // ...and a change comes while nobody leads
        await().atMost(HANG_GUARD).until(() -> wrote("vtm-b"));
        long takeoverMs = (System.nanoTime() - stopped) / 1_000_000;
        assertThat(pool("vtm-b"))
            .as("the new leader converges to the current state")
            .contains("10.0.0.9", "10.0.0.10", "10.0.0.11");
        System.out.println("hand-over: the standby wrote " + takeoverMs + " ms after a clean stop");
        int aLeads = line(log, "INFO vtm-a leads");
        int aStops = line(log, "INFO vtm-a stopped leading");
        int bLeads = line(log, "INFO vtm-b leads");
        assertThat(log.lines().get(aLeads)).contains(LEASE);
        assertThat(log.lines().get(aStops)).contains(LEASE, "stopping");
        assertThat(aStops).as("A stops leading before B leads").isBetween(aLeads, bLeads);
        assertThat(leaseVerbs(h))
            .as("k8s/role-leases.yaml grants every verb the election sends")
            .isNotEmpty()
            .isSubsetOf(Kinds.LEASE_VERBS);
        h.app = null;
      }
    }
  }

  @Test
  void a_dead_holders_lease_is_taken_over_when_it_expires_although_its_pod_is_still_ready()
      throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"));
        LogCapture log = new LogCapture("io.vtmsync.ha")) {
      namespaceAndService(h);
      readyPod(h, "vtm-x"); // killed with -9, or its node is gone: its Pod object still says Ready
      readyPod(h, "vtm-a");
      long renewed = System.nanoTime(); // vtm-x's last renewal, just before the Lease's renewTime
      ZonedDateTime now = ZonedDateTime.now();
      h.client
          .leases()
          .inNamespace("ha")
          .resource(
              new LeaseBuilder()
                  .withNewMetadata()
                  .withName("vtm-k8s-sync")
                  .withNamespace("ha")
                  .endMetadata()
                  .withNewSpec()
                  .withHolderIdentity("vtm-x")
                  .withLeaseDurationSeconds(LEASE_MS / 1000)
                  .withAcquireTime(now)
                  .withRenewTime(now)
                  .withLeaseTransitions(0)
                  .endSpec()
                  .build())
          .create();
      try (App a = App.start(replica(h, "vtm-a"))) {
        await().atMost(HANG_GUARD).until(() -> wrote("vtm-a"));
        long takeoverMs = (System.nanoTime() - renewed) / 1_000_000;
        System.out.println(
            "take-over: vtm-a wrote "
                + takeoverMs
                + " ms after vtm-x's last renewal (lease "
                + LEASE_MS
                + " ms, retry 500 ms)");
        assertThat(takeoverMs)
            .as("vtm-x's lease is respected until it expires")
            .isGreaterThanOrEqualTo(LEASE_MS);
        Lease lease = h.client.leases().inNamespace("ha").withName("vtm-k8s-sync").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("vtm-a");
        assertThat(log.lines().get(line(log, "INFO vtm-a leads"))).contains(LEASE);
      }
    }
  }

  @Test
  void a_leader_that_cannot_renew_stops_writing_before_the_other_starts() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"));
        LogCapture log = new LogCapture("io.vtmsync.ha")) {
      namespaceAndService(h);
      try (App a = App.start(replica(h, "vtm-a"))) {
        await().atMost(HANG_GUARD).until(() -> wrote("vtm-a"));
        try (App b = App.start(replica(h, "vtm-b"))) {
          // The API server refuses A's renewals (503, which the client retries with backoff for
          // longer than the lease lasts): A must demote itself within its renew deadline.
          h.kube.refuse(
              r ->
                  !"GET".equals(r.getMethod())
                      && r.getPath().contains("/leases/")
                      && new String(r.getBody().getBytes(), UTF_8).contains("\"vtm-a\""));
          await().atMost(HANG_GUARD).until(() -> wrote("vtm-b"));
          String aBefore = pool("vtm-a");
          h.cluster.scale("default", "web", 2);
          await().atMost(HANG_GUARD).until(() -> pool("vtm-b").contains("10.0.0.10"));
          Thread.sleep(1000);
          assertThat(pool("vtm-a")).as("the demoted leader writes no more").isEqualTo(aBefore);
          int aStops = line(log, "INFO vtm-a stopped leading");
          assertThat(log.lines().get(aStops)).contains(LEASE, "ha.renew-deadline-ms");
          assertThat(aStops).as("A stops before B leads").isLessThan(line(log, "INFO vtm-b leads"));
          h.kube.refuse(null);
        }
      }
    }
  }
}
