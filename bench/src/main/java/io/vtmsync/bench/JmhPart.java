package io.vtmsync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of the pure core (planner, renderers, work queue) with the GC
 * profiler, in forked JVMs on this JVM's class path, and reports time and allocation per operation.
 */
public final class JmhPart implements BenchPart {

  /** The benchmark classes, in the order their tables appear. */
  static final List<Class<?>> BENCHMARKS =
      List.of(PlannerBench.class, RenderBench.class, QueueBench.class);

  /** Heap of each forked benchmark JVM; fixed so that GC does not depend on the machine. */
  static final List<String> FORK_JVM_ARGS = List.of("-Xms256m", "-Xmx256m");

  /** JMH's own JSON of the last run, for tools; BENCHMARKS.md gets the summary. */
  static final Path RESULT = Path.of("target/bench/jmh-result.json");

  /** Forks and iterations (each iteration {@code seconds} long) of one run. */
  record Settings(int forks, int warmups, int warmupSeconds, int iterations, int seconds) {

    static final Settings QUICK = new Settings(1, 2, 1, 3, 1);
    static final Settings FULL = new Settings(2, 3, 1, 4, 1);

    @Override
    public String toString() {
      return String.format(
          "%d fork(s) x (%d x %d s warm-up, %d x %d s measurement)",
          forks, warmups, warmupSeconds, iterations, seconds);
    }
  }

  @Override
  public String name() {
    return "jmh";
  }

  @Override
  public String run(boolean quick) throws Exception {
    Settings s = quick ? Settings.QUICK : Settings.FULL;
    Files.createDirectories(RESULT.getParent());
    String loadBefore = Machine.loadAverage();
    long start = System.nanoTime();
    Collection<RunResult> results = new Runner(options(s)).run();
    Duration took = Duration.ofNanos(System.nanoTime() - start).withNanos(0);
    String load = loadBefore + " before, " + Machine.loadAverage() + " after";
    return JmhReport.markdown(results, s, took, load);
  }

  static Options options(Settings s) {
    OptionsBuilder b = new OptionsBuilder();
    for (Class<?> c : BENCHMARKS) {
      b.include("^" + Pattern.quote(c.getName()) + "\\.");
    }
    return b.forks(s.forks())
        .warmupIterations(s.warmups())
        .warmupTime(TimeValue.seconds(s.warmupSeconds()))
        .measurementIterations(s.iterations())
        .measurementTime(TimeValue.seconds(s.seconds()))
        .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .result(RESULT.toString())
        .resultFormat(ResultFormatType.JSON)
        .build();
  }
}
