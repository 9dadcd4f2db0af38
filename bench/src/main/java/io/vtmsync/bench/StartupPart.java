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
 * Startup: the jar as its own process (default heap), started plainly and through the launcher
 * script, against the demo's cluster (3 nodes, the sample my-nginx Service with 1 replica,
 * simulated vTM clusters east and west), from process start to the pool on both clusters; then its
 * memory after a while idle.
 */
final class StartupPart implements BenchPart {

  private static final String SVC = "my-nginx-service";
  private static final String POOL = "default-my-nginx-service-http";
  private static final long IDLE_MS = 15_000;

  @Override
  public String name() {
    return "startup";
  }

  /** How the process is started: the jar as the README shows, or the launcher script. */
  private enum Way {
    JAR("`java -jar target/vtm-k8s-sync.jar run`"),
    LAUNCHER("`bin/vtm-k8s-sync run` (with the build's class-data-sharing archive)");

    final String label;

    Way(String label) {
      this.label = label;
    }
  }

  /** One way's figures. */
  private static final class Figures {
    final List<Long> firstSync = new ArrayList<>();
    final List<Long> cpu = new ArrayList<>();
    long rssKb;
    long heapKb;
    String jvm = "?";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int runs = quick ? 3 : 5;
    String loadBefore = Machine.loadAverage();
    Path dir = Path.of("target/bench/startup").toAbsolutePath();
    Map<Way, Figures> figures = new java.util.EnumMap<>(Way.class);
    for (int run = 1; run <= runs; run++) {
      for (Way way : Way.values()) { // alternately, so that a busy spell hits both
        Figures f = figures.computeIfAbsent(way, w -> new Figures());
        once(way, run, run == runs, dir, f);
      }
    }
    return report(runs, figures, loadBefore);
  }

  private static void once(Way way, int run, boolean last, Path dir, Figures f) throws Exception {
    String id = way.name().toLowerCase(java.util.Locale.ROOT) + "-" + run;
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client();
        VtmFleet fleet = new VtmFleet(dir.resolve("vtm-" + id), List.of("east", "west"))) {
      ClusterScript cluster = new ClusterScript(client);
      cluster.addNode("node-1", "10.0.0.9");
      cluster.addNode("node-2", "10.0.0.10");
      cluster.addNode("node-3", "10.0.0.11");
      seed(client, cluster);
      cluster.scale("default", SVC, 1);
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("k8s.master-url", kube.url());
      settings.put("sync.services", "default/" + SVC);
      settings.put("sink.file.directory", dir.resolve("pools-" + id).toString());
      settings.putAll(fleet.settings());
      Path log = dir.resolve("startup-" + id + ".log");
      try (JarProcess app =
          way == Way.JAR
              ? JarProcess.start(List.of(), settings, log)
              : JarProcess.startLauncher(settings, log)) {
        f.firstSync.add(awaitPool(app, fleet.sims));
        f.cpu.add(app.cpuMillis());
        if (last) {
          Thread.sleep(IDLE_MS);
          f.rssKb = app.statusKb("VmRSS");
          f.heapKb = app.heapAfterGcKb();
          f.jvm = app.gcAndMaxHeap();
        }
        app.stop();
      }
    }
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

  private static String report(int runs, Map<Way, Figures> figures, String loadBefore) {
    StringBuilder rows = new StringBuilder();
    StringBuilder idle = new StringBuilder();
    StringBuilder jvm = new StringBuilder();
    for (Map.Entry<Way, Figures> e : figures.entrySet()) {
      Figures f = e.getValue();
      String label = e.getKey().label;
      rows.append(row(label + ": process start -> pool on both vTM clusters", f.firstSync));
      rows.append(row(label + ": process CPU time by then (user + system)", f.cpu));
      idle.append(
          "| %s | %d MB | %d MB |%n"
              .formatted(label, Math.round(f.rssKb / 1024.0), Math.round(f.heapKb / 1024.0)));
      jvm.append(jvm.isEmpty() ? "" : "; ").append(label).append(": ").append(f.jvm);
    }
    return """
        The jar started two ways, alternately: %s and %s (default heap; default settings plus \
        the cluster's URL, `sync.services=default/%s` and the two clusters), against the demo's \
        cluster built in the benchmark JVM: the embedded API server with 3 nodes, the sample \
        Service from `demo/my-nginx.yaml` with 1 replica, simulated vTM clusters east and west \
        (HTTPS, verified TLS). Measured from process start until both simulators have the pool \
        (polled every 10 ms), %d runs each, each with a fresh cluster and fresh simulators.

        | measure | min | median | max |
        |---|---:|---:|---:|
        %s

        | at idle, %d s after the first sync (last run) | RSS (`VmRSS`) | heap used after a full \
        GC (`jcmd GC.run`, `GC.heap_info`) |
        |---|---:|---:|
        %s
        The JVM chose: %s.

        %s, 1-minute load average %s before, %s after
        """
        .formatted(
            Way.JAR.label,
            Way.LAUNCHER.label,
            SVC,
            runs,
            rows.toString().strip(),
            IDLE_MS / 1000,
            idle,
            jvm,
            Machine.describe(),
            loadBefore,
            Machine.loadAverage());
  }

  private static String row(String what, List<Long> values) {
    List<Long> s = new ArrayList<>(values);
    Collections.sort(s);
    return "| %s | %,d ms | %,d ms | %,d ms |%n"
        .formatted(what, s.get(0), s.get(s.size() / 2), s.get(s.size() - 1));
  }
}
