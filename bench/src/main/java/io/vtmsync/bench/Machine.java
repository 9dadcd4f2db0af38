package io.vtmsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/** Describes when and where a benchmark ran, for the line under each BENCHMARKS.md section. */
public final class Machine {

  private Machine() {}

  /** E.g. {@code 2025-01-31T12:00:00Z on Linux amd64, 2 CPUs (Intel ...), Java 17.0.15 ...}. */
  public static String describe() {
    Runtime rt = Runtime.getRuntime();
    return Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + " on "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", "
        + rt.availableProcessors()
        + " CPUs ("
        + cpuModel()
        + "), Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + "), runner max heap "
        + rt.maxMemory() / (1024 * 1024)
        + " MB";
  }

  /**
   * The 1-minute load average, or "?" where /proc/loadavg is not readable: above the CPU count,
   * something else competed for the CPUs and the figures are pessimistic.
   */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "CPU model unknown";
    }
    try (Stream<String> lines = Files.lines(info)) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("CPU model unknown");
    } catch (IOException e) {
      return "CPU model unknown";
    }
  }
}
