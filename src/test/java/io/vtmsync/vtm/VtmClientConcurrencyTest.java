package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtmClientConcurrencyTest {
  private static final Duration DELAY = Duration.ofMillis(150);

  @TempDir Path dir;

  @Test
  void parallel_callers_share_one_negotiation_and_at_most_concurrency_requests_run_at_once()
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("busy"))) {
      VtmClient client = new VtmClient(SimClusters.config(sim, dir).withConcurrency(2));
      sim.putPoolDirect("web", SimClusters.poolWith(Member.active("10.0.0.1", 80)));
      sim.setDelay(DELAY);

      long start = System.nanoTime();
      List<Future<Optional<RemotePool>>> reads =
          IntStream.range(0, 8).mapToObj(i -> callers.submit(() -> client.getPool("web"))).toList();
      for (Future<Optional<RemotePool>> read : reads) {
        assertThat(read.get().orElseThrow().members()).hasSize(1);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(sim.requests().stream().filter(r -> r.path().equals("/api/tm/"))).hasSize(1);
      // 1 negotiation + 8 reads, 2 at a time, each answered after DELAY: at least 5 rounds.
      assertThat(took).isGreaterThanOrEqualTo(DELAY.multipliedBy(5).minusMillis(20));
    } finally {
      callers.shutdownNow();
    }
  }
}
