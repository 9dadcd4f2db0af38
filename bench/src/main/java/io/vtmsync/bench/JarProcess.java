package io.vtmsync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shaded jar run as its own process ({@code java [jvm options] -jar target/vtm-k8s-sync.jar run
 * --key=value ...}), with the probes the benchmarks read: /proc memory and CPU, jcmd, metrics.
 */
final class JarProcess implements AutoCloseable {

  static final Path JAR = Path.of("target/vtm-k8s-sync.jar");
  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static final long CLK_TCK = clockTicks();

  final Process process;
  final Instant started;
  final long startedNanos;
  final Path log;
  final int managementPort;

  private JarProcess(Process process, Instant started, long nanos, Path log, int port) {
    this.process = process;
    this.started = started;
    this.startedNanos = nanos;
    this.log = log;
    this.managementPort = port;
  }

  /**
   * Starts {@code run} with these settings plus a free {@code camel.management.port}. An option
   * {@code NAME=value} without a leading dash goes into the environment, as a shell prefix would
   * ({@code MALLOC_ARENA_MAX=2 java ...}).
   */
  static JarProcess start(List<String> jvmOptions, Map<String, String> settings, Path log)
      throws IOException {
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jvmOptions.stream().filter(o -> o.startsWith("-")).forEach(java::add);
    java.addAll(List.of("-jar", JAR.toString()));
    Map<String, String> env = new java.util.HashMap<>();
    jvmOptions.stream()
        .filter(o -> !o.startsWith("-") && o.contains("="))
        .forEach(o -> env.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1)));
    return start(java, settings, log, env);
  }

  /**
   * Starts {@code run} through {@code bin/vtm-k8s-sync} (its flags, and the build's archive when
   * there is one), on the benchmark's JVM; the script execs java, so the pid is the JVM's.
   */
  static JarProcess startLauncher(Map<String, String> settings, Path log) throws IOException {
    return start(
        List.of("sh", "bin/vtm-k8s-sync"),
        settings,
        log,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "VTM_K8S_SYNC_JAR", JAR.toString()));
  }

  private static JarProcess start(
      List<String> command, Map<String, String> settings, Path log, Map<String, String> env)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: build it with mvn package");
    }
    int port = freePort();
    List<String> cmd = new ArrayList<>(command);
    cmd.add("run");
    settings.forEach((k, v) -> cmd.add("--" + k + "=" + v));
    cmd.add("--camel.management.port=" + port);
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Instant at = Instant.now();
    long nanos = System.nanoTime();
    return new JarProcess(pb.start(), at, nanos, log, port);
  }

  long pid() {
    return process.pid();
  }

  /** A {@code /proc/<pid>/status} size in kB, e.g. {@code VmHWM} (peak RSS) or {@code VmRSS}. */
  long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException(field + " not in /proc/" + pid() + "/status");
  }

  /** User plus system CPU time so far, in ms ({@code /proc/<pid>/stat}, clock ticks of 10 ms). */
  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
    return ticks * 1000 / CLK_TCK;
  }

  /** Heap in use right after a full GC, in kB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  long heapAfterGcKb() throws Exception {
    jcmd("GC.run");
    long sum = 0;
    for (String line : jcmd("GC.heap_info").split("\n")) {
      Matcher m = USED.matcher(line);
      if (line.contains("Metaspace") || line.contains("class space") || !m.find()) {
        continue;
      }
      if (line.contains("garbage-first heap")
          || line.contains("Shenandoah")
          || line.contains("ZHeap")) {
        return Long.parseLong(m.group(1)); // one line for the whole heap
      }
      sum += Long.parseLong(m.group(1)); // Serial and Parallel: one line per generation
    }
    return sum;
  }

  /** Live instances of one class, from a class histogram (which runs a full GC first). */
  long instances(String className) throws Exception {
    for (String line : jcmd("GC.class_histogram").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[3].equals(className)) {
        return Long.parseLong(f[1]);
      }
    }
    return 0;
  }

  /** The collector and maximum heap the JVM chose, e.g. {@code G1 GC, max heap 256 MB}. */
  String gcAndMaxHeap() throws Exception {
    String flags = jcmd("VM.flags");
    Matcher max = Pattern.compile("MaxHeapSize=(\\d+)").matcher(flags);
    String gc =
        Stream.of("G1", "Serial", "Parallel", "Z", "Shenandoah")
            .filter(g -> flags.contains("-XX:+Use" + g + "GC"))
            .findFirst()
            .orElse("?");
    return gc + " GC, max heap " + (max.find() ? Long.parseLong(max.group(1)) >> 20 : -1) + " MB";
  }

  /** Runs {@code jcmd <pid> <command...>} and returns its output. */
  String jcmd(String... command) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(String.valueOf(pid()));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** The sum of one metric's samples whose line starts with {@code prefix} (Prometheus text). */
  double metric(String prefix) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics");
    String body =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    return body.lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** True when the process died or logged an OutOfMemoryError. */
  boolean failed() throws IOException {
    return !process.isAlive() || logText().contains("OutOfMemoryError");
  }

  String logText() throws IOException {
    return Files.readString(log, StandardCharsets.ISO_8859_1);
  }

  /** SIGTERM, then waits up to 30 s (SIGKILL after that); returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return 100;
    }
  }
}
