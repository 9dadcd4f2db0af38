package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas against one API server: only the Lease holder writes, the standby keeps its caches
 * warm, and when the leader's pod goes away or turns NotReady the standby takes over and writes.
 */
class LeaderElectionIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

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

  private void pod(AppHarness h, String name, boolean ready) {
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
            .withStatus(ready ? "True" : "False")
            .endCondition()
            .endStatus()
            .build();
    h.client.pods().inNamespace("ha").resource(pod).createOr(p -> p.update());
  }

  /** The replicas' namespace and Ready pods (Camel elects among those), and one exposed Service. */
  private void twoReplicasAndAService(AppHarness h) {
    h.client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("ha").endMetadata().build())
        .create();
    pod(h, "vtm-a", true);
    pod(h, "vtm-b", true);
    h.service("web", Map.of());
    h.cluster.scale("default", "web", 1);
  }

  private boolean wrote(String replica) {
    return Files.exists(tmp.resolve(replica).resolve(POOL + ".json"));
  }

  @Test
  void only_the_leader_writes_and_the_standby_takes_over_when_the_leader_dies() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"))) {
      twoReplicasAndAService(h);
      App a = App.start(replica(h, "vtm-a"));
      await().atMost(Duration.ofSeconds(20)).until(() -> wrote("vtm-a"));
      try (App b = App.start(replica(h, "vtm-b"))) {
        h.app = b; // readiness of the standby
        await().atMost(Duration.ofSeconds(10)).until(h::ready);
        h.cluster.scale("default", "web", 2);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    Files.readString(tmp.resolve("vtm-a").resolve(POOL + ".json"))
                        .contains("10.0.0.10"));
        Thread.sleep(4000); // more than a lease: the standby still must not write
        assertThat(wrote("vtm-b")).as("the standby never writes").isFalse();

        a.close(); // the leader dies...
        h.client.pods().inNamespace("ha").withName("vtm-a").delete(); // ...and its pod goes
        long killed = System.nanoTime();
        h.cluster.scale("default", "web", 3); // a change while nobody leads
        await().atMost(Duration.ofSeconds(20)).until(() -> wrote("vtm-b"));
        long takeoverMs = (System.nanoTime() - killed) / 1_000_000;
        h.dir.getFileSystem(); // keep the harness directory referenced
        assertThat(Files.readString(tmp.resolve("vtm-b").resolve(POOL + ".json")))
            .as("the new leader converges to the current state")
            .contains("10.0.0.9", "10.0.0.10", "10.0.0.11");
        System.out.println(
            "failover: the standby wrote " + takeoverMs + " ms after the leader died");
        h.app = null;
      }
    }
  }

  @Test
  void a_leader_whose_pod_turns_not_ready_stops_writing_before_the_other_starts() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("unused"))) {
      twoReplicasAndAService(h);
      try (App a = App.start(replica(h, "vtm-a"))) {
        await().atMost(Duration.ofSeconds(20)).until(() -> wrote("vtm-a"));
        try (App b = App.start(replica(h, "vtm-b"))) {
          Thread.sleep(1500);
          pod(h, "vtm-a", false); // the kubelet reports A NotReady: A is no longer a valid leader
          await().atMost(Duration.ofSeconds(20)).until(() -> wrote("vtm-b"));
          String aBefore = Files.readString(tmp.resolve("vtm-a").resolve(POOL + ".json"));
          h.cluster.scale("default", "web", 2);
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      Files.readString(tmp.resolve("vtm-b").resolve(POOL + ".json"))
                          .contains("10.0.0.10"));
          Thread.sleep(1000);
          assertThat(Files.readString(tmp.resolve("vtm-a").resolve(POOL + ".json")))
              .as("the demoted leader writes no more")
              .isEqualTo(aBefore);
        }
      }
    }
  }
}
