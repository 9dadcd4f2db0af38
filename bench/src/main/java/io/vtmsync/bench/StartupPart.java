package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import io.vtmsync.sim.VtmSimulator;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Startup: the jar as its own process (default heap) against the demo's cluster (3 nodes, the
 * sample my-nginx Service with 1 replica, simulated vTM clusters east and west), from process start
 * to the pool on both clusters; then its memory after a while idle.
 */
final class StartupPart implements BenchPart {

  private static final String SVC = "my-nginx-service";
  private static final String POOL = "default-my-nginx-service-http";
  private static final long IDLE_MS = 15_000;

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int runs = quick ? 3 : 5;
    String loadBefore = Machine.loadAverage();
    Path dir = Path.of("target/bench/startup").toAbsolutePath();
    List<Long> firstSync = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    long rssKb = 0;
    long heapKb = 0;
    String jvm = "?";
    for (int run = 1; run <= runs; run++) {
      try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
          KubernetesClient client = kube.client();
          VtmFleet fleet = new VtmFleet(dir.resolve("vtm-" + run), List.of("east", "west"))) {
        ClusterScript cluster = new ClusterScript(client);
        cluster.addNode("node-1", "10.0.0.9");
        cluster.addNode("node-2", "10.0.0.10");
        cluster.addNode("node-3", "10.0.0.11");
        seed(client, cluster);
        cluster.scale("default", SVC, 1);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("k8s.master-url", kube.url());
        settings.put("sync.services", "default/" + SVC);
        settings.put("sink.file.directory", dir.resolve("pools-" + run).toString());
        settings.putAll(fleet.settings());
        Path log = dir.resolve("startup-" + run + ".log");
        try (JarProcess app = JarProcess.start(List.of(), settings, log)) {
          firstSync.add(awaitPool(app, fleet.sims));
          cpu.add(app.cpuMillis());
          if (run == runs) {
            Thread.sleep(IDLE_MS);
            rssKb = app.statusKb("VmRSS");
            heapKb = app.heapAfterGcKb();
            jvm = app.gcAndMaxHeap();
          }
          app.stop();
        }
      }
    }
    return report(runs, firstSync, cpu, rssKb, heapKb, jvm, loadBefore);
  }

  /** Polls every 10 ms until both simulators have the pool; returns ms since process start. */
  private static long awaitPool(JarProcess app, List<VtmSimulator> sims) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (sims.stream().allMatch(s -> s.pool(POOL).isPresent())) {
        return (System.nanoTime() - app.startedNanos) / 1_000_000;
      }
      if (!app.process.isAlive()) {
        throw new IllegalStateException("the app died at start; see " + app.log);
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no first sync within 120 s; see " + app.log);
  }

  /** Creates the sample Service from the demo's manifest, as {@code Demo} does. */
  private static void seed(KubernetesClient client, ClusterScript cluster) throws Exception {
    List<HasMetadata> items;
    try (InputStream in = StartupPart.class.getResourceAsStream("/demo/my-nginx.yaml")) {
      items = client.load(in).items();
    }
    Deployment deployment = find(items, Deployment.class);
    Service service = find(items, Service.class);
    service.getMetadata().setNamespace("default");
    List<ContainerPort> ports =
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts();
    cluster.createService(service, ports);
  }

  private static <T> T find(List<HasMetadata> items, Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  private static String report(
      int runs,
      List<Long> firstSync,
      List<Long> cpu,
      long rssKb,
      long heapKb,
      String jvm,
      String loadBefore) {
    List<Long> s = new ArrayList<>(firstSync);
    Collections.sort(s);
    List<Long> c = new ArrayList<>(cpu);
    Collections.sort(c);
    return """
        `java -jar target/vtm-k8s-sync.jar run` (default heap, default settings plus the cluster's \
        URL, `sync.services=default/%s` and the two clusters) against the demo's cluster built in \
        the benchmark JVM: the embedded API server with 3 nodes, the sample Service from \
        `demo/my-nginx.yaml` with 1 replica, simulated vTM clusters east and west (HTTPS, verified \
        TLS). Measured from process start until both simulators have the pool (polled every \
        10 ms), %d runs, each with a fresh cluster and fresh simulators.

        | measure | min | median | max |
        |---|---:|---:|---:|
        | process start -> pool on both vTM clusters | %,d ms | %,d ms | %,d ms |
        | process CPU time by then (user + system) | %,d ms | %,d ms | %,d ms |

        | at idle, %d s after the first sync (last run) | figure |
        |---|---:|
        | RSS (`VmRSS`) | %d MB |
        | heap used after a full GC (`jcmd GC.run`, `GC.heap_info`) | %d MB |

        The JVM chose: %s.

        %s, 1-minute load average %s before, %s after
        """
        .formatted(
            SVC,
            runs,
            s.get(0),
            s.get(s.size() / 2),
            s.get(s.size() - 1),
            c.get(0),
            c.get(c.size() / 2),
            c.get(c.size() - 1),
            IDLE_MS / 1000,
            Math.round(rssKb / 1024.0),
            Math.round(heapKb / 1024.0),
            jvm,
            Machine.describe(),
            loadBefore,
            Machine.loadAverage());
  }
}
