package io.vtmsync.bench;

import static io.vtmsync.bench.Cells.below;
import static io.vtmsync.bench.Cells.mb;
import static io.vtmsync.bench.Cells.mbBytes;
import static io.vtmsync.bench.Cells.num;
import static io.vtmsync.bench.Cells.sec;
import static io.vtmsync.bench.Cells.yes;
import static io.vtmsync.bench.Cells.zero;

import io.vtmsync.demo.ProductionObjects;
import java.util.Map;
import java.util.stream.Collectors;

/** The production part's BENCHMARKS.md section. */
final class ProductionReport {

  private final ProductionFigures f;
  private final ProductionObjects o;
  private final StringBuilder md = new StringBuilder();

  ProductionReport(ProductionFigures f) {
    this.f = f;
    this.o = f.objects;
  }

  String markdown() {
    md.append(
        """
        A cluster shaped like a production one in the embedded API server (its own JVM): %,d \
        Nodes (%d container images, 14 labels, managedFields each), %,d Pods (two containers \
        with env, volume mounts, three probes, resources; four volumes; status; managedFields: \
        about %,d bytes of JSON each), %,d NodePort Services (Helm labels and annotations, two \
        ports) in %d namespaces, each with one EndpointSlice of its %d pods. Synced by the jar \
        as its own process (`java -Xmx256m -jar target/vtm-k8s-sync.jar run`, default settings, \
        so `k8s.watch-pods=true`; `sink.file.enabled=false`) to %d simulated vTM clusters. \
        Every %dth Service's pods publish a hostPort; those %d Services are switched to \
        `vtm-k8s-sync.io/mode: hostport` and back while it runs.

        | measure | figure | target |
        |---|---:|---|
        """
            .formatted(
                o.nodes,
                ProductionObjects.IMAGES_PER_NODE,
                f.pods(),
                o.podJson(0, 0).length(),
                o.services,
                o.namespaces,
                o.podsPerService,
                f.clusters,
                o.hostPortEvery,
                o.services / o.hostPortEvery));
    ProductionRun r = f.runs.get(0);
    int pools = o.services * f.clusters;
    row("setup: objects written to the API server (not the app)", setup(), "");
    row(
        "first full convergence, no hostport Service: process start -> last of %,d pool creations"
            .formatted(pools),
        sec(r.convergeMs),
        "");
    row("process CPU time, start to convergence", sec(r.convergeCpuMs), "");
    row("heap used after a full GC, no Pod cached", mb(r.heapKb), below(r.heapKb, 128));
    row("RSS then", mb(r.rssKb), "");
    row("Pod events received until then (Pods watched?)", num(r.podEvents), zero(r.podEvents));
    String hp = "%d Services switched to hostport: ".formatted(f.hostPortServices);
    row(
        hp
            + "Pods of %d namespaces listed, %,d pools rewritten, the last after"
                .formatted(f.hostPortNamespaces, f.hostPortServices * f.clusters),
        sec(r.hostPortMs),
        "");
    row(hp + "members are node IP:hostPort of each pod, everywhere", yes(r.hostPortMembersOk), "");
    row(hp + "Pod events (the pod informers' lists)", num(r.podEventsHostPort), "");
    row("Pod objects in the app's heap then (`GC.class_histogram`)", num(r.podObjects), "");
    row(
        "heap used after a full GC, %,d Pods cached".formatted(f.pods()),
        mb(r.heapPodsKb),
        below(r.heapPodsKb, 128));
    row("RSS then", mb(r.rssPodsKb), "");
    row("switched back to nodeport: the pools rewritten, the last after", sec(r.revertMs), "");
    row("switched back: members are node IP:nodePort again", yes(r.revertMembersOk), "");
    row("Pod objects in the app's heap then", num(r.podObjectsRevert), zero(r.podObjectsRevert));
    row("heap used after a full GC, pod informers stopped", mb(r.heapRevertKb), "");
    row("peak RSS (`VmHWM`) over the whole run", mb(r.peakRssKb), below(r.peakRssKb, 300));
    row("SIGTERM", "exit %d%s".formatted(r.exit, r.cleanStop ? ", stopped cleanly" : ""), "");
    f.runs.forEach(this::failure);
    jvms();
    sizes();
    footer();
    return md.toString();
  }

  private void sizes() {
    md.append(
        """

        Heap per object, whole as fabric8 reads it and trimmed as the informers cache it \
        (`ObjectTrimmer`): the heap after a full GC with N objects held, less the heap before, \
        over N (N = %,d whole, %,d trimmed; the benchmark JVM, same objects). The cache adds its \
        key and index entries on top.

        | object | JSON | heap, whole | heap, trimmed | in this cluster: whole -> trimmed |
        |---|---:|---:|---:|---:|
        """
            .formatted(f.sizes.wholeCount, f.sizes.trimmedCount));
    Map<String, Integer> counts =
        Map.of(
            "Pod", f.pods(), "Node", o.nodes, "Service", o.services, "EndpointSlice", o.services);
    Map<String, Integer> json =
        Map.of(
            "Pod", o.podJson(1, 1).length(),
            "Node", o.nodeJson(1).length(),
            "Service", o.serviceJson(1, Map.of()).length(),
            "EndpointSlice", o.sliceJson(1).length());
    f.sizes.bytes.forEach(
        (kind, b) ->
            md.append(
                "| %s | %,d B | %,d B | %,d B | %s -> %s |\n"
                    .formatted(
                        kind,
                        json.get(kind),
                        b[0],
                        b[1],
                        mbBytes(b[0] * counts.get(kind)),
                        mbBytes(b[1] * counts.get(kind)))));
    ProductionRun r = f.runs.get(0);
    if (r.heapPodsKb != null && r.heapRevertKb != null && r.podObjects != null) {
      long each = (r.heapPodsKb - r.heapRevertKb) * 1024 / Math.max(1, r.podObjects);
      md.append(
          ("\nIn the app, cache entry and namespace index included: (heap with Pods cached - heap"
                  + " after they were dropped) / %,d Pods cached = %,d B per cached Pod.\n")
              .formatted(r.podObjects, each));
    }
  }

  private void failure(ProductionRun r) {
    if (r.failure != null || r.oom) {
      md.append("\n**MISSED** (").append(String.join(" ", r.jvmOptions)).append("): ");
      md.append(r.failure == null ? "OutOfMemoryError" : r.failure);
      md.append(r.oom ? " (OutOfMemoryError in `" + r.log + "`)" : "").append(".\n");
      if (r.histogram != null) {
        md.append("\n```\n").append(String.join("\n", r.histogram)).append("\n```\n");
      }
    }
  }

  /** The same run per JVM: what the collector does to RSS. */
  private void jvms() {
    md.append("\nThe same run with each JVM's options (the table above is the first):\n\n");
    md.append("| `java ... -jar` | collector | converged | heap after GC: no Pods / ");
    md.append("Pods / dropped | RSS: no Pods / Pods | peak RSS |\n");
    md.append("|---|---|---:|---:|---:|---:|\n");
    for (ProductionRun r : f.runs) {
      md.append(
          "| `%s` | %s | %s | %s / %s / %s | %s / %s | %s |\n"
              .formatted(
                  String.join(" ", r.jvmOptions),
                  r.jvm.replaceAll(", max heap.*", ""),
                  sec(r.convergeMs),
                  mb(r.heapKb),
                  mb(r.heapPodsKb),
                  mb(r.heapRevertKb),
                  mb(r.rssKb),
                  mb(r.rssPodsKb),
                  mb(r.peakRssKb)));
    }
  }

  private void footer() {
    md.append(
        """

        The app's JVM: %s. Setup took %.1f s in all (API server process start, %d writers over \
        HTTP; the mock API server serializes writes and scans its whole store on each create); \
        the app's log is in `%s`.
        %s, 1-minute load average %s before, %s after (the app, the simulators and the API \
        server share the CPUs)
        """
            .formatted(
                f.runs.get(0).jvm,
                f.setupSeconds,
                ProductionWorld.WRITERS,
                f.runs.get(0).log,
                Machine.describe(),
                f.loadBefore,
                Machine.loadAverage()));
  }

  private String setup() {
    if (f.setupByKind == null) {
      return "-";
    }
    return f.setupByKind.entrySet().stream()
        .map(e -> "%s %.1f s".formatted(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private void row(String measure, String figure, String target) {
    md.append("| ").append(measure).append(" | ").append(figure).append(" | ");
    md.append(target).append(" |\n");
  }
}
