package io.vtmsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts {@link ApiServerMain} in a JVM with a heap its objects fit in, and stops it. */
final class ApiServerProcess implements AutoCloseable {

  static final String READY = "api-server listening at ";

  final Process process;
  final String url;

  private ApiServerProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static ApiServerProcess start(String maxHeap, Path log) throws Exception {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap,
            "-cp",
            System.getProperty("java.class.path"),
            ApiServerMain.class.getName());
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      int at = text.indexOf(READY);
      if (at >= 0 && text.indexOf('\n', at) > 0) {
        return new ApiServerProcess(p, text.substring(at + READY.length(), text.indexOf('\n', at)));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IOException("the API server process did not start; see " + log);
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
