package io.vtmsync.bench;

import io.vtmsync.demo.ProductionObjects;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Production-sized objects in a small heap: 500 Nodes (50 images each), 20,000 Pods (two
 * containers, env, volumes, probes, managedFields), 2,000 Services and EndpointSlices in the
 * embedded API server, synced by the jar ({@code -Xmx256m}, default settings: pods may be watched)
 * to 10 simulated vTM clusters. First with no hostport Service (no Pod cached), then with 100
 * Services switched to hostport mode (every namespace's Pods cached), then switched back; once per
 * JVM setting in {@link #JVMS}.
 */
final class ProductionPart implements BenchPart {

  /**
   * The brief's JVM, then the smallest footprint found for it: glibc's malloc arenas capped, the
   * serial collector (no G1 remembered sets, no growth to the whole heap), C1 only (less code).
   */
  static final List<List<String>> JVMS =
      List.of(
          List.of("-Xmx256m"),
          List.of("MALLOC_ARENA_MAX=2", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));

  private static final String POD_EVENTS = "vtmsync_events_total{kind=\"pods\"}";
  private static final String POD_CLASS = "io.fabric8.kubernetes.api.model.Pod";

  @Override
  public String name() {
    return "production";
  }

  @Override
  public String run(boolean quick) throws Exception {
    ProductionObjects o =
        quick
            ? new ProductionObjects(100, 400, 10, 10, 20)
            : new ProductionObjects(500, 2000, 10, 10, 20);
    ProductionFigures f = new ProductionFigures(o, quick ? 5 : 10);
    f.sizes = new ObjectSizes(o, quick ? 100 : 500, quick ? 1000 : 5000);
    Path dir = Path.of("target/bench/production").toAbsolutePath();
    try (ApiServerProcess api = ApiServerProcess.start("2g", dir.resolve("api-server.log"));
        ProductionWorld world = new ProductionWorld(o, api.url)) {
      long setup = System.nanoTime();
      world.create();
      f.setupSeconds = (System.nanoTime() - setup) / 1e9;
      f.setupByKind = world.setupSeconds;
      List<Integer> capable = world.hostPortCapable();
      f.hostPortServices = capable.size();
      f.hostPortNamespaces = capable.stream().map(o::namespace).distinct().count();
      for (List<String> jvm : JVMS) {
        ProductionRun r = new ProductionRun(jvm);
        f.runs.add(r);
        appRun(r, f, world, api.url, dir.resolve("run-" + f.runs.size()));
      }
    }
    return new ProductionReport(f).markdown();
  }

  /** The app against fresh simulators: converge, hostport on, hostport off, stop. */
  private static void appRun(
      ProductionRun r, ProductionFigures f, ProductionWorld world, String url, Path dir)
      throws Exception {
    List<String> names = IntStream.rangeClosed(1, f.clusters).mapToObj(i -> "c" + i).toList();
    try (VtmFleet fleet = new VtmFleet(dir.resolve("vtm"), names)) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("k8s.master-url", url);
      settings.put("sink.file.enabled", "false");
      settings.putAll(fleet.settings());
      Path log = dir.resolve("production.log");
      r.log = Path.of("").toAbsolutePath().relativize(log).toString();
      try (JarProcess app = JarProcess.start(r.jvmOptions, settings, log)) {
        try {
          measure(r, world, fleet, app);
        } catch (IllegalStateException | java.io.IOException e) {
          r.failure = e.getMessage();
        }
        r.oom = app.logText().contains("OutOfMemoryError");
        if ((r.failure != null || r.oom) && app.process.isAlive()) {
          r.histogram = app.jcmd("GC.class_histogram").lines().limit(20).toList();
        }
        r.exit = app.stop();
        r.cleanStop = app.logText().contains("vtm-k8s-sync stopped");
      }
    }
  }

  private static void measure(
      ProductionRun r, ProductionWorld world, VtmFleet fleet, JarProcess app) throws Exception {
    Set<String> all = pools(world, i -> true);
    Instant last = Await.puts(app, fleet, 201, all::contains, app.started, all.size(), "converge");
    r.convergeMs = Duration.between(app.started, last).toMillis();
    r.convergeCpuMs = app.cpuMillis();
    r.heapKb = app.heapAfterGcKb();
    r.rssKb = app.statusKb("VmRSS");
    r.jvm = app.gcAndMaxHeap();
    r.podEvents = (long) app.metric(POD_EVENTS);
    // hostport on: a hostport Service in every namespace, so every Pod is cached
    List<Integer> capable = world.hostPortCapable();
    Set<String> switched = pools(world, capable::contains);
    Instant on = Instant.now();
    world.hostPort(capable, true);
    last = Await.puts(app, fleet, 200, switched::contains, on, switched.size(), "hostport");
    r.hostPortMs = Duration.between(on, last).toMillis();
    r.hostPortMembersOk = members(world, fleet, capable, i -> 20000 + i);
    r.podEventsHostPort = (long) app.metric(POD_EVENTS) - r.podEvents;
    r.podObjects = app.instances(POD_CLASS);
    r.heapPodsKb = app.heapAfterGcKb();
    r.rssPodsKb = app.statusKb("VmRSS");
    // hostport off: the pod informers stop and their caches go
    Instant off = Instant.now();
    world.hostPort(capable, false);
    last = Await.puts(app, fleet, 200, switched::contains, off, switched.size(), "nodeport");
    r.revertMs = Duration.between(off, last).toMillis();
    r.revertMembersOk = members(world, fleet, capable, i -> 30000 + i % 2500);
    r.podObjectsRevert = app.instances(POD_CLASS);
    r.heapRevertKb = app.heapAfterGcKb();
    r.peakRssKb = app.statusKb("VmHWM");
  }

  private static Set<String> pools(ProductionWorld world, IntPredicate which) {
    return IntStream.range(0, world.objects.services)
        .filter(which)
        .mapToObj(world::pool)
        .collect(Collectors.toSet());
  }

  /** Every cluster holds each pool with one member per pod, all on the expected port. */
  private static boolean members(
      ProductionWorld world, VtmFleet fleet, List<Integer> services, IntUnaryOperator port) {
    for (VtmSimulator sim : fleet.sims) {
      for (int i : services) {
        List<Member> table = sim.pool(world.pool(i)).map(NodesTable::read).orElse(List.of());
        int expected = port.applyAsInt(i);
        if (table.size() != world.objects.podsPerService
            || table.stream().anyMatch(m -> m.port() != expected)) {
          return false;
        }
      }
    }
    return true;
  }
}
