package io.vtmsync.demo;

import io.vtmsync.pool.Member;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Polls a pool file until its content satisfies a condition; reports how long that took. */
final class PoolFileWatcher {

  private final Path file;

  PoolFileWatcher(Path file) {
    this.file = file;
  }

  /** The members once {@code until} holds, or null after {@code timeout}. */
  List<Member> await(Predicate<List<Member>> until, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Member> now = read();
      if (now != null && until.test(now)) {
        return now;
      }
      Thread.sleep(2);
    }
    return null;
  }

  String content() {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no file)";
    }
  }

  private List<Member> read() {
    try {
      return Files.exists(file)
          ? ServiceDiscoveryJson.parse(Files.readAllBytes(file)).members()
          : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
