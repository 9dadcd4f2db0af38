package io.vtmsync.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Renders JMH results as one Markdown table per benchmark class, then machine and settings. */
final class JmhReport {

  private static final String ALLOC = "gc.alloc.rate.norm";

  /** What each class measures, printed above its table. */
  private static final Map<String, String> ABOUT =
      Map.of(
          "PlannerBench",
          "`PoolPlanner.plan(serviceKey)` over a `SnapshotView` of N ready nodes, one ready"
              + " endpoint per node plus 3 terminating ones, in EndpointSlices of up to 100"
              + " endpoints (pod mode plans N + 3 members); `readExposure` is"
              + " `ExposureReader.read` of one Service with five annotations.",
          "RenderBench",
          "A planned pool of N members (every 20th draining). `diff` compares it with a next"
              + " plan in which 5 % of the members left, 5 % joined and 5 % drain.",
          "QueueBench",
          "`WorkQueue`: a burst of 1,000 offers for 100 keys, then take and done until empty"
              + " (one thread, no debounce); time and bytes are per offer.");

  private JmhReport() {}

  static String markdown(
      Collection<RunResult> results, JmhPart.Settings s, Duration took, String load) {
    StringBuilder md = new StringBuilder("## JMH micro-benchmarks (pure core)\n");
    for (Class<?> c : JmhPart.BENCHMARKS) {
      String cls = c.getSimpleName();
      List<RunResult> rows =
          results.stream()
              .filter(r -> className(r.getParams()).equals(cls))
              .sorted(
                  Comparator.comparing((RunResult r) -> method(r.getParams()))
                      .thenComparingInt(r -> members(r.getParams())))
              .toList();
      if (rows.isEmpty()) {
        continue;
      }
      md.append("\n### ").append(cls).append("\n\n").append(ABOUT.getOrDefault(cls, ""));
      md.append("\n\n| benchmark | members | time/op | time/member | alloc/op | alloc/member |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      rows.forEach(r -> md.append(row(r)).append('\n'));
    }
    BenchmarkParams p = results.iterator().next().getParams();
    md.append("\nRun ")
        .append(Machine.describe())
        .append(".\nJMH ")
        .append(p.getJmhVersion())
        .append(", average time, ")
        .append(s)
        .append(", GC profiler; forks on ")
        .append(p.getVmName())
        .append(' ')
        .append(p.getVmVersion())
        .append(" with ")
        .append(String.join(" ", p.getJvmArgs()))
        .append("; ± is JMH's 99.9 % confidence interval. The JMH part took ")
        .append(took.toString().substring(2).toLowerCase(Locale.ROOT))
        .append("; 1-minute load average ")
        .append(load)
        .append(".\n");
    return md.toString();
  }

  private static String row(RunResult r) {
    BenchmarkParams p = r.getParams();
    Result<?> time = r.getPrimaryResult();
    Result<?> alloc = r.getSecondaryResults().get(ALLOC);
    int n = members(p);
    String unit = time.getScoreUnit().replace("/op", "").replace("us", "µs");
    double nanos = time.getScore() * nanosPer(unit);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s ± %s %s | %s | %s | %s |",
        method(p),
        n > 0 ? String.format(Locale.ROOT, "%,d", n) : "-",
        sig(time.getScore()),
        sig(time.getScoreError()),
        unit,
        n > 0 ? sig(nanos / n) + " ns" : "-",
        alloc == null ? "?" : String.format(Locale.ROOT, "%,.0f B", alloc.getScore()),
        alloc == null || n <= 0
            ? "-"
            : String.format(Locale.ROOT, "%,.0f B", alloc.getScore() / n));
  }

  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "µs" -> 1e3;
      case "ms" -> 1e6;
      default -> Double.NaN;
    };
  }

  /** Three significant digits, no exponent. */
  private static String sig(double v) {
    if (Double.isNaN(v)) {
      return "?";
    }
    int decimals = v >= 100 ? 0 : v >= 10 ? 1 : v >= 1 ? 2 : 3;
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String className(BenchmarkParams p) {
    String[] parts = p.getBenchmark().split("\\.");
    return parts[parts.length - 2];
  }

  private static String method(BenchmarkParams p) {
    String b = p.getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static int members(BenchmarkParams p) {
    String v = p.getParam("members");
    return v == null ? 0 : Integer.parseInt(v);
  }
}
