package io.vtmsync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The sources part's heap half: N Services from one source against N/2 + N/2 from two, each synced
 * by the jar as its own process (as the scale part) to 2 simulated vTM clusters; after convergence,
 * the heap used after a full GC in the app's JVM, where the rig (API servers, simulators) is not.
 */
final class SourcesHeap {

  static final int NODES = 50;
  static final int SAMPLES = 3;
  static final long PERIOD_MS = 600_000;
  private static final List<String> VTM = List.of("c1", "c2");
  private static final List<String> NAMES = List.of("east", "west");

  /** One variant's figures; the measured ones stay null when a stage failed. */
  static final class Run {
    final int sources;
    double setupSeconds;
    Long convergeMs;
    Boolean membersOk;
    final List<Long> heapKb = new ArrayList<>();
    Long rssKb;
    String jvm = "?";
    String log;
    String failure;
    boolean oom;
    int exit;

    Run(int sources) {
      this.sources = sources;
    }

    Long medianKb() {
      if (heapKb.isEmpty()) {
        return null;
      }
      List<Long> s = new ArrayList<>(heapKb);
      Collections.sort(s);
      return s.get(s.size() / 2);
    }
  }

  private final Path dir;
  private final int services;

  SourcesHeap(Path dir, int services) {
    this.dir = dir;
    this.services = services;
  }

  Run run(int sources) throws Exception {
    Run r = new Run(sources);
    int per = services / sources;
    long setup = System.nanoTime();
    List<SourcesWorld> worlds = new ArrayList<>();
    try {
      for (int s = 0; s < sources; s++) {
        worlds.add(new SourcesWorld("10." + (2 + s) + ".0", NODES / sources, s * per, per));
      }
      try (VtmFleet fleet = new VtmFleet(dir.resolve("vtm-" + sources), VTM)) {
        r.setupSeconds = (System.nanoTime() - setup) / 1e9;
        Map<String, String> settings = new LinkedHashMap<>();
        if (sources == 1) {
          settings.put("k8s.master-url", worlds.get(0).kube.url());
        } else {
          settings.put("k8s.clusters", String.join(",", NAMES.subList(0, sources)));
          for (int s = 0; s < sources; s++) {
            settings.put("k8s." + NAMES.get(s) + ".master-url", worlds.get(s).kube.url());
          }
        }
        settings.put("k8s.watch-pods", "false");
        settings.put("sink.file.enabled", "false");
        settings.put("sync.resync-period-ms", String.valueOf(PERIOD_MS));
        settings.put("vtm.verify-period-ms", String.valueOf(PERIOD_MS));
        settings.putAll(fleet.settings());
        Path log = dir.resolve("heap-" + sources + ".log");
        r.log = Path.of("").toAbsolutePath().relativize(log).toString();
        try (JarProcess app = JarProcess.start(List.of("-Xmx256m"), settings, log)) {
          try {
            measure(r, fleet, app);
          } catch (IllegalStateException | IOException e) {
            r.failure = e.getMessage();
          }
          r.oom = app.logText().contains("OutOfMemoryError");
          r.exit = app.stop();
        }
      }
    } finally {
      worlds.forEach(SourcesWorld::close);
    }
    return r;
  }

  private void measure(Run r, VtmFleet fleet, JarProcess app) throws Exception {
    Instant last =
        Await.puts(
            app, fleet, 201, p -> ScaleWorld.index(p) >= 0, app.started, services, "converge");
    r.convergeMs = Duration.between(app.started, last).toMillis();
    r.membersOk =
        fleet.members(IntStream.range(0, services).mapToObj(ScaleWorld::pool).toList(), 3, "-");
    Thread.sleep(5000);
    for (int i = 0; i < SAMPLES; i++) {
      if (i > 0) {
        Thread.sleep(2000);
      }
      Await.alive(app);
      r.heapKb.add(app.heapAfterGcKb());
    }
    r.rssKb = app.statusKb("VmRSS");
    r.jvm = app.gcAndMaxHeap();
  }

  String markdown(Run one, Run two) {
    StringBuilder md = new StringBuilder();
    md.append(
        """
        Heap: %,d exposed NodePort Services (externalTrafficPolicy Local, one EndpointSlice of 3 \
        ready endpoints each, no pods) from one source on %d nodes, against %,d + %,d from two \
        sources (`k8s.clusters=east,west`, two embedded API servers of %d nodes each, on networks \
        of their own). The Services are numbered across the sources, so each has its own derived \
        pool (`default-svc-NNNN-http`), none shared. Synced by the jar as its own process (`java \
        -Xmx256m -jar target/vtm-k8s-sync.jar run`, as the scale part) to %d simulated vTM \
        clusters; `k8s.watch-pods=false`, `sink.file.enabled=false`, `sync.resync-period-ms` and \
        `vtm.verify-period-ms` %d (no resync or read-back while measuring), the rest default. \
        After the last pool creation on both clusters and 5 s more: heap used after a full GC in \
        the app's JVM (`jcmd GC.run`, then `GC.heap_info`: the app's own heap, so the rig in the \
        benchmark JVM needs no subtracting), %d times 2 s apart; the median counts.

        | sources | Services | first convergence: process start -> last pool creation | every pool with its 3 members on both clusters | heap after a full GC: median (samples) | RSS (`VmRSS`) then |
        |---|---|---:|---|---:|---:|
        """
            .formatted(
                services,
                NODES,
                services / 2,
                services / 2,
                NODES / 2,
                VTM.size(),
                PERIOD_MS,
                SAMPLES));
    md.append(row(one, "%,d".formatted(services)));
    md.append(row(two, "%,d + %,d".formatted(services / 2, services / 2)));
    md.append('\n');
    if (one.medianKb() != null && two.medianKb() != null) {
      double a = one.medianKb() / 1024.0;
      double b = two.medianKb() / 1024.0;
      md.append(
          "Heap, two sources - one source: %+.1f MB (%+.1f %%); both runs within `-Xmx256m`: %s.\n\n"
              .formatted(
                  b - a, (b - a) / a * 100, one.oom || two.oom ? "NO (OutOfMemoryError)" : "yes"));
    }
    for (Run r : List.of(one, two)) {
      if (r.failure != null || r.oom || r.exit != 143) {
        md.append(
            "%d source(s): %s%s, exit %d.\n\n"
                .formatted(
                    r.sources,
                    r.failure == null ? "" : "FAILED: " + r.failure + "; ",
                    r.oom ? "OutOfMemoryError logged" : "no OutOfMemoryError",
                    r.exit));
      }
    }
    md.append(
        "The app's JVM: %s. Setup (API objects, simulators) took %.1f s and %.1f s; the app's logs are in `%s` and `%s`.\n"
            .formatted(one.jvm, one.setupSeconds, two.setupSeconds, one.log, two.log));
    return md.toString();
  }

  private static String row(Run r, String services) {
    return "| %d | %s | %s | %s | %s | %s |%n"
        .formatted(
            r.sources,
            services,
            r.convergeMs == null ? "-" : "%.1f s".formatted(r.convergeMs / 1000.0),
            r.membersOk == null ? "-" : r.membersOk ? "yes" : "NO",
            r.medianKb() == null
                ? "-"
                : "%.1f MB (%s)"
                    .formatted(
                        r.medianKb() / 1024.0,
                        r.heapKb.stream()
                            .map(k -> "%.1f".formatted(k / 1024.0))
                            .collect(Collectors.joining(", "))),
            r.rssKb == null ? "-" : "%d MB".formatted(r.rssKb / 1024));
  }
}
