package io.vtmsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lane's throughput: the jar (its own process, {@code -Xmx256m}) creates 2,000 pools on one
 * simulated vTM cluster at the default concurrency of 4: requests per second to the cluster and the
 * app's CPU time per request, from process start to the last pool acknowledged.
 */
final class LanePart implements BenchPart {

  @Override
  public String name() {
    return "lane";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int services = quick ? 500 : 2000;
    Path dir = Path.of("target/bench/lane").toAbsolutePath();
    String loadBefore = Machine.loadAverage();
    try (ScaleWorld world = new ScaleWorld(services, 0);
        VtmFleet fleet = new VtmFleet(dir.resolve("vtm"), List.of("c1"))) {
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("k8s.master-url", world.kube.url());
      settings.put("k8s.watch-pods", "false");
      settings.put("sink.file.enabled", "false");
      settings.putAll(fleet.settings());
      try (JarProcess app =
          JarProcess.start(List.of("-Xmx256m"), settings, dir.resolve("lane.log"))) {
        Instant last = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (last == null && System.nanoTime() < deadline) {
          Thread.sleep(100);
          last = fleet.allAccepted(201, p -> ScaleWorld.index(p) >= 0, app.started, services);
        }
        if (last == null) {
          throw new IllegalStateException("the pools were not all created within 10 minutes");
        }
        long cpuMs = app.cpuMillis();
        long requests = fleet.count("GET") + fleet.count("PUT");
        double seconds = Duration.between(app.started, last).toMillis() / 1000.0;
        app.stop();
        return report(services, requests, seconds, cpuMs, loadBefore);
      }
    }
  }

  private static String report(
      int services, long requests, double seconds, long cpuMs, String loadBefore) {
    return String.format(
        java.util.Locale.ROOT,
        "%,d exposed NodePort Services (3 endpoints each) created as pools on one simulated vTM"
            + " cluster (HTTPS, Basic auth, verified TLS) by the jar as its own process"
            + " (`-Xmx256m`), `vtm.<name>.concurrency=4`; clock and CPU from process start (JVM"
            + " start-up included) to the last pool acknowledged.%n%n"
            + "| measure | figure |%n|---|---:|%n"
            + "| requests to the cluster (GET + PUT) | %,d |%n"
            + "| start to the last pool created | %.1f s |%n"
            + "| requests per second to the one cluster | %.0f |%n"
            + "| process CPU time | %.1f s |%n"
            + "| CPU time per request (all of the app's work included) | %.2f ms |%n%n"
            + "%s, load average %s before, %s after%n",
        services,
        requests,
        seconds,
        requests / seconds,
        cpuMs / 1000.0,
        (double) cpuMs / requests,
        Machine.describe(),
        loadBefore,
        Machine.loadAverage());
  }
}
