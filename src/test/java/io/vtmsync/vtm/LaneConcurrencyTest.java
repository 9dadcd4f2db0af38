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
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lane's camel-http connection pool lets at most vtm.<name>.concurrency requests in flight. */
class LaneConcurrencyTest {
  private static final Duration DELAY = Duration.ofMillis(150);
  // Far longer than 8 chains of 2 requests, 2 at a time, each answered after DELAY.
  private static final long HANG_GUARD_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void parallel_chains_share_the_negotiated_version_and_at_most_concurrency_requests_run_at_once()
      throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("busy"));
        LaneHarness lane = LaneHarness.start(sim, dir, c -> c.withConcurrency(2))) {
      sim.putPoolDirect("web", LaneFixtures.poolWith(Member.active("10.0.0.1", 80)));
      lane.call(VtmApi::version);
      sim.setDelay(DELAY);

      List<Future<Optional<RemotePool>>> reads =
          IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      callers.submit(
                          () ->
                              lane.call(
                                  api ->
                                      api.getPool("web")
                                          .thenCompose(
                                              pool -> api.listPools().thenApply(names -> pool)))))
              .toList();
      for (Future<Optional<RemotePool>> read : reads) {
        assertThat(read.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).orElseThrow().members())
            .hasSize(1);
      }

      assertThat(sim.requests().stream().filter(r -> r.path().equals("/api/tm/"))).hasSize(1);
      assertThat(sim.count("GET", "/api/tm/8.3/config/active/pools/")).isEqualTo(16);
      assertThat(sim.mostInFlight()).isEqualTo(2);
    } finally {
      callers.shutdownNow();
    }
  }
}
