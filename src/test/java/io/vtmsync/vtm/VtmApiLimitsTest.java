package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.BodyFault;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Answers too big or too slow to finish are abandoned per request; the lane carries on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmApiLimitsTest {
  // Far longer than any answer here takes, far shorter than an endless body would last.
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final String POOL_PATH = "/api/tm/8.3/config/active/pools/web";

  private VtmSimulator sim;
  private Path dir;
  private LaneHarness lane;
  private final List<Integer> statuses = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("limits"));
    lane = LaneHarness.start(sim, dir);
    lane.call(api -> api.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note"));
    lane.lane.observe((cluster, method, status, nanos) -> statuses.add(status));
  }

  @AfterEach
  void heal() {
    sim.setBodyFault(null, "GET", "/api/tm/*");
    statuses.clear();
  }

  @AfterAll
  void stop() throws Exception {
    lane.close();
    sim.close();
  }

  private VtmException failure(ThrowingCallable call) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> LaneFixtures.failure(sim, call));
  }

  private static Optional<RemotePool> web(LaneHarness on) {
    return on.call(api -> api.getPool("web"));
  }

  @Test
  void an_answer_announced_longer_than_16_mib_is_a_retryable_too_large_error() throws Exception {
    try (LaneHarness fresh = LaneHarness.start(sim, dir.resolve("fresh"))) {
      fresh.lane.observe((cluster, method, status, nanos) -> statuses.add(status));
      sim.setBodyFault(BodyFault.OVERSIZED, "GET", "/api/tm/");
      int cutBefore = sim.bodiesCutShort();

      VtmException e = failure(() -> fresh.call(VtmApi::version));

      assertThat(e.errorId()).isEqualTo("client.too_large");
      assertThat(e.retryable()).isTrue();
      assertThat(e.status()).isEqualTo(200);
      assertThat(e.errorText())
          .isEqualTo(
              "the answer to GET /api/tm/ was abandoned: its Content-Length 20971520 is over the"
                  + " limit of 16777216 bytes (16 MiB)");
      assertThat(statuses).containsExactly(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.bodiesCutShort() == cutBefore + 1);
      sim.setBodyFault(null, "GET", "/api/tm/");
      ApiVersion version = fresh.call(VtmApi::version);
      assertThat(version).hasToString("8.3");
    }
  }

  @Test
  void an_endless_body_is_cut_at_16_mib_and_its_connection_is_closed() {
    sim.setBodyFault(BodyFault.ENDLESS, "GET", POOL_PATH);
    int cutBefore = sim.bodiesCutShort();

    VtmException e = failure(() -> web(lane));

    assertThat(e.errorId()).isEqualTo("client.too_large");
    assertThat(e.retryable()).isTrue();
    assertThat(e.errorText())
        .isEqualTo(
            "the answer to GET "
                + POOL_PATH
                + " was abandoned: it was still coming after the limit of 16777216 bytes"
                + " (16 MiB)");
    // The simulator's write fails: the lane closed the socket rather than keep reading.
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.bodiesCutShort() == cutBefore + 1);
    sim.setBodyFault(null, "GET", POOL_PATH);
    assertThat(web(lane)).isPresent();
  }

  @Test
  void a_body_that_trickles_past_the_timeout_is_a_retryable_timeout() throws Exception {
    try (LaneHarness impatient =
        LaneHarness.start(sim, dir, c -> c.withTimeout(Duration.ofMillis(1000)))) {
      impatient.call(VtmApi::version);
      sim.setBodyFault(BodyFault.TRICKLE, "GET", POOL_PATH);
      int cutBefore = sim.bodiesCutShort();

      VtmException e = failure(() -> web(impatient));

      assertThat(e.errorId()).isEqualTo("client.timeout");
      assertThat(e.errorText()).isEqualTo("no answer within 1000 ms");
      assertThat(e.retryable()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> sim.bodiesCutShort() == cutBefore + 1);
      sim.setBodyFault(null, "GET", POOL_PATH);
      assertThat(web(impatient)).isPresent();
    }
  }

  @Test
  void an_answer_of_exactly_16_mib_is_read_whole() {
    byte[] file = new byte[ClusterHttp.MAX_ANSWER_BYTES];
    file[file.length - 1] = 42;
    lane.call(api -> api.putFile("extra_files", "big", file));

    Optional<byte[]> read =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> lane.call(api -> api.getFile("extra_files", "big")));
    byte[] back = read.orElseThrow();

    assertThat(back).hasSize(file.length);
    assertThat(back[back.length - 1]).isEqualTo((byte) 42);
  }
}
