package io.vtmsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Scale: 2,000 NodePort Services of 3 endpoints on 50 nodes, synced by the jar (its own process,
 * {@code -Xmx256m}) to 10 simulated vTM clusters: first full convergence, memory, a steady-state
 * window with nothing changed, then a node failure that touches 500 pools.
 */
final class ScalePart implements BenchPart {

  static final long STEADY_MS = 35_000;
  static final long PERIOD_MS = 30_000;
  static final long LEAD_MS = 5_000;
  private static final String OFFERED = "vtmsync_queue_offered_total{queue=\"pools\"}";

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public String run(boolean quick) throws Exception {
    ScaleFigures r = new ScaleFigures(quick ? 500 : 2000, quick ? 5 : 10);
    Path dir = Path.of("target/bench/scale").toAbsolutePath();
    List<String> names = IntStream.rangeClosed(1, r.clusters).mapToObj(i -> "c" + i).toList();
    long setup = System.nanoTime();
    try (ScaleWorld world = new ScaleWorld(r.services, r.services / 4);
        VtmFleet fleet = new VtmFleet(dir.resolve("vtm"), names)) {
      r.setupSeconds = (System.nanoTime() - setup) / 1e9;
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("k8s.master-url", world.kube.url());
      settings.put("k8s.watch-pods", "false");
      settings.put("sink.file.enabled", "false");
      settings.put("sync.resync-period-ms", String.valueOf(PERIOD_MS));
      settings.put("vtm.verify-period-ms", String.valueOf(PERIOD_MS));
      settings.putAll(fleet.settings());
      Path log = dir.resolve("scale.log");
      r.log = Path.of("").toAbsolutePath().relativize(log).toString();
      try (JarProcess app = JarProcess.start(List.of("-Xmx256m"), settings, log)) {
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
    return new ScaleReport(r).markdown();
  }

  private static void measure(ScaleFigures r, ScaleWorld world, VtmFleet fleet, JarProcess app)
      throws Exception {
    // (1) first full convergence: every cluster acknowledged the creation of every pool
    Predicate<String> all = p -> ScaleWorld.index(p) >= 0;
    Instant last = Await.puts(app, fleet, 201, all, app.started, r.services, "converge");
    r.convergeMs = Duration.between(app.started, last).toMillis();
    r.convergeCpuMs = app.cpuMillis();
    r.convergePuts = fleet.count("PUT");
    r.convergeGets = fleet.count("GET");
    r.membersOk = fleet.members(pools(0, r.services), 3, "-");
    // (2) memory
    r.peakRssKb = app.statusKb("VmHWM");
    r.heapKb = app.heapAfterGcKb();
    r.jvm = app.gcAndMaxHeap();
    // (3) steady state: nothing changes; every pool's verify period has run out, so the verifiers
    // read back at their full budget during the window
    awaitDue(app, last);
    steady(r, world, fleet, app);
    // (4) node 0 fails: the pools of its Services lose one member on every cluster
    int touched = world.onNode0;
    long puts0 = fleet.count("PUT");
    long gets0 = fleet.count("GET");
    Instant fail = Instant.now();
    world.failNode0();
    Predicate<String> hit = p -> ScaleWorld.index(p) >= 0 && ScaleWorld.index(p) < touched;
    r.failMs =
        Duration.between(fail, Await.puts(app, fleet, 200, hit, fail, touched, "converge again"))
            .toMillis();
    Thread.sleep(2000); // late writes would show up here
    r.failPuts = fleet.count("PUT") - puts0;
    r.failGets = fleet.count("GET") - gets0;
    Predicate<String> others = p -> ScaleWorld.index(p) >= touched;
    r.untouchedWrites =
        fleet.sims.stream()
            .mapToLong(s -> VtmFleet.poolRequests(s, "PUT", -1, others, fail).size())
            .sum();
    r.failMembersOk = fleet.members(pools(0, touched), 2, "10.2.0.1:");
  }

  private static void steady(ScaleFigures r, ScaleWorld world, VtmFleet fleet, JarProcess app)
      throws Exception {
    double offered0 = app.metric(OFFERED);
    long puts0 = fleet.count("PUT");
    long gets0 = fleet.count("GET");
    long[] perCluster0 = fleet.sims.stream().mapToLong(s -> s.count("GET", "/")).toArray();
    long cpu0 = app.cpuMillis();
    long api0 = world.kube.requestCount();
    long end = System.nanoTime() + STEADY_MS * 1_000_000;
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      Await.alive(app);
    }
    r.steadyCpuMs = app.cpuMillis() - cpu0;
    r.steadyPuts = fleet.count("PUT") - puts0;
    r.steadyGets = fleet.count("GET") - gets0;
    long most = 0;
    for (int i = 0; i < perCluster0.length; i++) {
      most = Math.max(most, fleet.sims.get(i).count("GET", "/") - perCluster0[i]);
    }
    r.steadyMaxClusterGets = most;
    r.steadyApi = world.kube.requestCount() - api0;
    r.steadyOffered = (long) (app.metric(OFFERED) - offered0);
  }

  /**
   * Waits until every pool's verify period, counted from its creation, has run out (plus a few
   * seconds): from then on each cluster's verifier reads back at its full budget.
   */
  private static void awaitDue(JarProcess app, Instant lastWrite) throws Exception {
    Instant due = lastWrite.plusMillis(PERIOD_MS + LEAD_MS);
    while (Instant.now().isBefore(due)) {
      Await.alive(app);
      Thread.sleep(Math.max(1, Math.min(1000, Duration.between(Instant.now(), due).toMillis())));
    }
  }

  private static List<String> pools(int from, int to) {
    return IntStream.range(from, to).mapToObj(ScaleWorld::pool).toList();
  }
}
