package io.vtmsync.bench;

import java.util.function.Function;

/** The scale part's BENCHMARKS.md section, with the polling plugin's model for comparison. */
final class ScaleReport {

  /** The polling plugin's model, seed-plugin.md 1.4: 2+N GETs per pool-run, 6 runs a minute. */
  static final int PLUGIN_GETS_PER_RUN = 2 + 3;

  static final int PLUGIN_RUNS_PER_MINUTE = 6;
  static final double PLUGIN_CPU_PER_RUN_S = 0.4;

  private final ScaleFigures f;
  private final StringBuilder md = new StringBuilder();

  ScaleReport(ScaleFigures f) {
    this.f = f;
  }

  String markdown() {
    double perMinute = 60_000.0 / ScalePart.STEADY_MS;
    md.append(
        """
        %,d exposed NodePort Services (externalTrafficPolicy Local, one port, one EndpointSlice \
        of 3 ready endpoints each, no pods) on %d Ready nodes in the embedded API server, synced \
        by the jar as its own process (`java -Xmx256m -jar target/vtm-k8s-sync.jar run`) to %d \
        simulated vTM clusters (HTTPS, Basic auth, verified TLS) in the benchmark JVM. Settings: \
        `k8s.watch-pods=false`, `sink.file.enabled=false`, `sync.resync-period-ms=30000`, \
        `vtm.verify-period-ms=30000`, the rest as in `config/application.properties` \
        (`sync.debounce-ms=100`, `sync.concurrency=2`, `vtm.<name>.concurrency=4`). Node 0 carries \
        one endpoint of each of the first %,d Services and none of the others.

        | measure | figure | target |
        |---|---:|---|
        """
            .formatted(f.services, ScaleWorld.NODES, f.clusters, f.touched()));
    int pools = f.services * f.clusters;
    row(
        "first full convergence: process start -> last of %,d pool creations (PUT 201)"
            .formatted(pools),
        sec(f.convergeMs),
        "");
    row("requests to converge (all clusters)", requests(f.convergePuts, f.convergeGets), "");
    row("every pool with its 3 members on every cluster", yes(f.membersOk), "");
    row("process CPU time, start to convergence", sec(f.convergeCpuMs), "");
    row("peak RSS (`VmHWM`) after convergence", mb(f.peakRssKb), "");
    row(
        "heap used after a full GC (`jcmd GC.run`, `GC.heap_info`)",
        mb(f.heapKb),
        "-Xmx256m suffices: " + (f.failure == null && !f.oom ? "met" : "MISSED"));
    String w = "steady state, %d s, nothing changed: ".formatted(ScalePart.STEADY_MS / 1000);
    row(w + "PUTs", num(f.steadyPuts), zero(f.steadyPuts));
    double seconds = ScalePart.STEADY_MS / 1000.0;
    row(
        w + "GETs (the verifiers' read-backs, and the sweep's listings)",
        or(f.steadyGets, n -> "%,d (%.1f per second in all)".formatted(n, n / seconds)),
        "");
    row(
        w + "most GETs per second to one cluster",
        or(f.steadyMaxClusterGets, n -> "%.2f".formatted(n / seconds)),
        "<= its read budget (`vtm.read-rate`, 5) plus the sweep's one listing per resync");
    row(
        w + "CPU time per read-back (all of the app's work included)",
        f.steadyCpuMs == null || f.steadyGets == null || f.steadyGets == 0
            ? "-"
            : "%.2f ms".formatted(f.steadyCpuMs / (double) f.steadyGets),
        "");
    row(
        w + "Service keys planned again (resyncs)",
        or(
            f.steadyOffered,
            n -> "%,d (%d resyncs)".formatted(n, Math.round(n / (double) f.services))),
        "");
    row(
        w + "process CPU time",
        or(f.steadyCpuMs, n -> "%s (%.1f CPU-s per minute)".formatted(sec(n), n * perMinute / 1e3)),
        "< 1.2 CPU-s per minute (2 % of a core)");
    row(
        w + "Kubernetes API requests",
        or(f.steadyApi, n -> "%,d (%,.0f per minute)".formatted(n, n * perMinute)),
        "watches only");
    String fail = "node 0 NotReady: ";
    row(
        fail
            + "%,d pools x %d clusters rewritten (PUT 200), the last one after"
                .formatted(f.touched(), f.clusters),
        sec(f.failMs),
        "");
    row(
        fail + "requests it caused (all clusters, counted 2 s later)",
        requests(f.failPuts, f.failGets),
        "");
    row(fail + "those pools hold their 2 other members everywhere", yes(f.failMembersOk), "");
    row(
        fail + "PUTs to the %,d untouched pools".formatted(f.services - f.touched()),
        num(f.untouchedWrites),
        zero(f.untouchedWrites));
    row("SIGTERM", "exit %d%s".formatted(f.exit, f.cleanStop ? ", stopped cleanly" : ""), "");
    if (f.failure != null || f.oom) {
      md.append("\n**MISSED**: ").append(f.failure == null ? "OutOfMemoryError" : f.failure);
      md.append(f.oom ? " (OutOfMemoryError in `" + f.log + "`)" : "").append(".\n");
      if (f.histogram != null) {
        md.append("\n```\n").append(String.join("\n", f.histogram)).append("\n```\n");
      }
    }
    md.append(
        """

        The steady window starts once every pool's verify period (30 s), counted from its \
        creation, has run out: from then on each cluster's verifier reads back one pool per tick \
        of its budget (`vtm.read-rate`, 5 per second by default), the pool checked longest ago, \
        so every pool of a cluster is checked within %,d / 5 = %,.0f s. A resync plans every \
        Service again but hands no unchanged plan on, so it costs planning only. The per-minute \
        figures scale the 35 s by 60/35. A node change re-plans every exposed Service: the \
        unchanged pools cost nothing, the changed ones one PUT each.
        """
            .formatted(f.services, f.services / 5.0));
    long pluginGets = (long) f.services * PLUGIN_GETS_PER_RUN * PLUGIN_RUNS_PER_MINUTE * f.clusters;
    double pluginCpu = f.services * PLUGIN_RUNS_PER_MINUTE * f.clusters * PLUGIN_CPU_PER_RUN_S;
    md.append(
        """

        Compared with the polling plugin's model (seed-plugin.md 1.4: vTM runs it per pool every \
        10 s; each run makes 2+N GETs, 5 for 3 endpoints, and costs about 0.4 s of CPU), for the \
        same %,d pools on %d vTM clusters in steady state:

        | per minute, nothing changing | polling plugin (model) | vtm-k8s-sync (measured) |
        |---|---:|---:|
        | Kubernetes API requests | %,d (%,d pools x 5 GETs x 6 runs x %d clusters) | %s |
        | CPU time | %,.0f CPU-s (%,d pools x 6 x %d x 0.4 s), i.e. %,.0f cores | %s |

        The app's JVM: %s. Setup (API objects, simulators) took %.1f s; the app's log is in \
        `%s`.
        %s, 1-minute load average %s before, %s after (the app, the simulators and the API \
        server share the CPUs)
        """
            .formatted(
                f.services,
                f.clusters,
                pluginGets,
                f.services,
                f.clusters,
                or(f.steadyApi, n -> "%,.0f".formatted(n * perMinute)),
                pluginCpu,
                f.services,
                f.clusters,
                pluginCpu / 60,
                or(f.steadyCpuMs, n -> "%.1f CPU-s".formatted(n * perMinute / 1000)),
                f.jvm,
                f.setupSeconds,
                f.log,
                Machine.describe(),
                f.loadBefore,
                Machine.loadAverage()));
    return md.toString();
  }

  private void row(String measure, String figure, String target) {
    md.append("| ").append(measure).append(" | ").append(figure).append(" | ");
    md.append(target).append(" |\n");
  }

  private static String or(Long v, Function<Long, String> format) {
    return v == null ? "-" : format.apply(v);
  }

  private static String requests(Long puts, Long gets) {
    return puts == null || gets == null ? "-" : "%,d PUT, %,d GET".formatted(puts, gets);
  }

  private static String zero(Long v) {
    return v == null ? "0" : "0: " + (v == 0 ? "met" : "MISSED");
  }

  private static String sec(Long ms) {
    return or(ms, n -> "%.1f s".formatted(n / 1000.0));
  }

  private static String mb(Long kb) {
    return or(kb, n -> "%d MB".formatted(Math.round(n / 1024.0)));
  }

  private static String num(Long n) {
    return or(n, v -> "%,d".formatted(v));
  }

  private static String yes(Boolean b) {
    return b == null ? "-" : b ? "yes" : "NO";
  }
}
