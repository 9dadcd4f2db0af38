package io.vtmsync.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.App;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.ClusterScript.PodState;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several Kubernetes sources (issue 13) against one, side by side in one run: the propagation of a
 * pod's readiness flip to the last of 10 simulated vTM clusters when the Service is one source's
 * and when the same Service in two sources feeds one shared pool (changes alternating between
 * them); and the app's heap after a full GC with 2,000 Services from one source against 1,000 +
 * 1,000 from two ({@link SourcesHeap}).
 */
final class SourcesPart implements BenchPart {

  static final int CLUSTERS = 10;
  static final long DEBOUNCE_MS = 100;
  static final int WARMUP = 10;
  private static final String POOL = "web";
  private static final Map<String, String> SHARED = Map.of("vtm-k8s-sync.io/pool", POOL);
  private static final String LAST = "last of " + CLUSTERS + " vTM";

  @Override
  public String name() {
    return "sources";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int changes = quick ? 40 : 300;
    int services = quick ? 400 : 2000;
    String loadBefore = Machine.loadAverage();
    // In the order 1, 2, 2, 1 sources, half the changes each: the JVM's warm-up (JIT, class
    // loading) that the first app leaves to the next favours neither variant.
    Map<String, List<Long>> one = propagation(false, changes / 2);
    Map<String, List<Long>> two = propagation(true, changes / 2);
    String loadMid = Machine.loadAverage();
    merge(two, propagation(true, changes / 2));
    merge(one, propagation(false, changes / 2));
    String loadAfterPropagation = Machine.loadAverage();
    SourcesHeap heap = new SourcesHeap(Path.of("target/bench/sources").toAbsolutePath(), services);
    SourcesHeap.Run heapOne = heap.run(1);
    SourcesHeap.Run heapTwo = heap.run(2);
    StringBuilder md = new StringBuilder();
    md.append(
        """
        One NodePort Service `web` (externalTrafficPolicy Local, annotation \
        `vtm-k8s-sync.io/pool: web`) with 10 pods on 10 nodes, 10 simulated vTM clusters (HTTPS, \
        Basic auth, verified TLS), the file sink, `sync.debounce-ms=%d`, `k8s.watch-pods=false`, \
        the app in the benchmark JVM (as the propagation part). Changes: one pod's readiness flips \
        (written to the embedded API server as the script's GET+PUT of the EndpointSlice, inside \
        the clock); each comes %d ms after the last acknowledgement, so each is a leading-edge \
        sync. Measured until the pool file was written and until the last of %d clusters \
        acknowledged its PUT (the app's sync status: a WRITTEN result newer than the change). \
        **1 source**: today's single-cluster config (`k8s.master-url`). **2 sources**: \
        `k8s.clusters=east,west`, a second embedded API server (its own nodes, on another \
        network) with the same Service and 10 pods of its own, so the shared pool `web` has 20 \
        members; changes alternate between east and west. Each variant has its own app, rig and \
        %d warm-up changes not counted; the variants ran in the order 1, 2, 2, 1 sources, half         the changes each, so that neither gains alone from the JVM's warm-up.

        | sources | changes | target | p50 | p95 | p99 | max |
        |---|---|---|---|---|---|---|
        """
            .formatted(DEBOUNCE_MS, DEBOUNCE_MS + 50, CLUSTERS, WARMUP));
    for (var e : one.entrySet()) {
      md.append(Stats.row("1", e.getValue().size(), e.getKey(), e.getValue()));
    }
    for (var e : two.entrySet()) {
      md.append(Stats.row("2", e.getValue().size(), e.getKey(), e.getValue()));
    }
    long p99One = p99(one.get(LAST));
    long p99Two = p99(two.get(LAST));
    double ratio = p99Two / (double) p99One;
    md.append(
        "\nPropagation p99 to the %s, 2 sources / 1 source: %d ms / %d ms = %.2f; target: within "
                .formatted(LAST, p99Two, p99One, ratio)
            + "+10 %% (<= 1.10): %s.\n\n".formatted(ratio <= 1.10 ? "met" : "MISSED"));
    md.append(heap.markdown(heapOne, heapTwo));
    md.append('\n')
        .append(Machine.describe())
        .append(", 1-minute load average ")
        .append(loadBefore)
        .append(" before, ")
        .append(loadMid)
        .append(" half-way through the propagation runs, ")
        .append(loadAfterPropagation)
        .append(" before the heap half, ")
        .append(Machine.loadAverage())
        .append(" after\n");
    return md.toString();
  }

  private static void merge(Map<String, List<Long>> into, Map<String, List<Long>> more) {
    more.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
  }

  private static long p99(List<Long> millis) {
    List<Long> s = new ArrayList<>(millis);
    Collections.sort(s);
    return Stats.percentile(s, 0.99);
  }

  /** One source's API server with the Service {@code web} of 10 pods on 10 nodes of its own. */
  private static final class Source implements AutoCloseable {
    final EmbeddedKubernetes kube;
    final ClusterScript cluster;
    private final KubernetesClient client;
    private final boolean owned;
    private String pod;
    private int flips;

    /** The rig's API server (its nodes are 10.2.0.x). */
    Source(E2eRig rig) {
      this.kube = rig.kube;
      this.client = rig.client;
      this.cluster = rig.cluster;
      this.owned = false;
    }

    /** An API server of its own, with 10 nodes {@code <net>.1 ..}. */
    Source(String name, String net) {
      this.kube = new EmbeddedKubernetes();
      this.client = kube.client();
      this.cluster = new ClusterScript(client);
      this.owned = true;
      for (int i = 1; i <= 10; i++) {
        cluster.addNode(String.format("%s-%03d", name, i), net + "." + i);
      }
    }

    /** Creates {@code web} with 10 pods and picks the pod whose readiness flips. */
    void createWeb() {
      cluster.createService(
          ClusterScript.nodePortService(POOL, "Local", SHARED), ClusterScript.HTTP);
      cluster.scale("default", POOL, 10);
      pod = cluster.pods("default", POOL).get(0).name();
    }

    void flip() {
      cluster.setState(
          "default", POOL, pod, flips++ % 2 == 0 ? PodState.NOT_READY : PodState.READY);
    }

    @Override
    public void close() {
      if (owned) {
        client.close();
        kube.close();
      }
    }
  }

  /**
   * Latencies in ms per row: the file, the last vTM cluster (with two sources, also per source).
   */
  private static Map<String, List<Long>> propagation(boolean twoSources, int changes)
      throws Exception {
    Path dir = Files.createTempDirectory("bench-sources");
    try (E2eRig rig = new E2eRig(dir, CLUSTERS, 10);
        Source west = twoSources ? new Source("west", "10.3.0") : null) {
      Source east = new Source(rig);
      List<Source> sources = twoSources ? List.of(east, west) : List.of(east);
      List<String> names = twoSources ? List.of("east", "west") : List.of("east");
      sources.forEach(Source::createWeb);
      App.Options o = rig.options(DEBOUNCE_MS);
      if (twoSources) {
        o =
            o.with("k8s.clusters", "east,west")
                .with("k8s.east.master-url", rig.kube.url())
                .with("k8s.west.master-url", west.kube.url());
      }
      rig.startApp(o);
      awaitAll(rig, Instant.EPOCH, Duration.ofSeconds(60));
      Map<String, List<Long>> lat = new LinkedHashMap<>();
      lat.put("file", new ArrayList<>());
      lat.put(LAST, new ArrayList<>());
      if (twoSources) {
        names.forEach(n -> lat.put(LAST + ", changes in " + n, new ArrayList<>()));
      }
      for (int i = 0; i < WARMUP + changes; i++) {
        // Let the key go quiet, or each change would be the trailing sync of the one before.
        Thread.sleep(DEBOUNCE_MS + 50);
        int s = i % sources.size();
        Instant t0 = Instant.now();
        sources.get(s).flip();
        Map<String, Instant> at = awaitAll(rig, t0, Duration.ofSeconds(30));
        if (i < WARMUP) {
          continue;
        }
        long last =
            at.entrySet().stream()
                .filter(e -> !e.getKey().equals("file"))
                .map(e -> Duration.between(t0, e.getValue()).toMillis())
                .max(Long::compare)
                .orElseThrow();
        lat.get("file").add(Duration.between(t0, at.get("file")).toMillis());
        lat.get(LAST).add(last);
        if (twoSources) {
          lat.get(LAST + ", changes in " + names.get(s)).add(last);
        }
      }
      return lat;
    }
  }

  private static Map<String, Instant> awaitAll(E2eRig rig, Instant t0, Duration timeout)
      throws InterruptedException {
    return PropagationPart.awaitAll(rig, POOL, t0, timeout);
  }
}
