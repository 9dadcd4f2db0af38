package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What a lane sees when vTM refuses, fails, garbles, is down or is slow: one VtmException. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmApiFailuresTest {
  // Far longer than any answer here takes: only there so that a hang fails instead of blocking.
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  private VtmSimulator sim;
  private Path dir;
  private LaneHarness lane;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("faulty"));
    lane = LaneHarness.start(sim, dir);
    lane.call(api -> api.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note"));
  }

  @AfterEach
  void heal() {
    sim.failNext(0, 500);
    sim.setDelay(Duration.ZERO);
    sim.setMalformed(false);
    sim.comeUp();
  }

  @AfterAll
  void stop() throws Exception {
    lane.close();
    sim.close();
  }

  private VtmException failure(ThrowingCallable call) {
    VtmException e = LaneFixtures.failure(sim, call);
    assertThat(e.cluster()).isEqualTo("faulty");
    return e;
  }

  private Optional<RemotePool> web(LaneHarness on) {
    return on.call(api -> api.getPool("web"));
  }

  @Test
  void validation_error_carries_id_text_and_flattened_info_and_is_not_retryable() {
    JsonNode body = LaneFixtures.weightZero();

    VtmException e = failure(() -> lane.call(api -> api.putPoolRaw("web", body)));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.method()).isEqualTo("PUT");
    assertThat(e.path()).isEqualTo("/api/tm/8.3/config/active/pools/web");
    assertThat(e.errorId()).isEqualTo("resource.validation_error");
    assertThat(e.errorText()).isEqualTo("The resource provided is invalid");
    assertThat(e.errorInfo())
        .isEqualTo(
            "basic.nodes_table.10.1.1.1:80.weight: num.out_of_range Value '0' must be within 1-100");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo(
            "vtm faulty: PUT /api/tm/8.3/config/active/pools/web -> HTTP 400"
                + " resource.validation_error: The resource provided is invalid"
                + " [basic.nodes_table.10.1.1.1:80.weight: num.out_of_range Value '0' must be"
                + " within 1-100] (not retryable)");
  }

  @Test
  void a_member_vtm_rejects_surfaces_the_node_error() {
    List<Member> bad = List.of(Member.active("not_a_host", 80));
    VtmException e = failure(() -> lane.call(api -> api.putPool("web", bad, null)));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorInfo()).startsWith("basic.nodes_table.not_a_host:80.node: ");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void gateway_503_with_a_text_body_is_retryable_and_then_the_call_works_again() {
    sim.failNext(2, 503);

    VtmException first = failure(() -> web(lane));
    VtmException second = failure(() -> web(lane));

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorId()).isEmpty();
    assertThat(first.errorText()).isEqualTo("503 Service Unavailable");
    assertThat(first.retryable()).isTrue();
    assertThat(second.retryable()).isTrue();
    assertThat(web(lane)).isPresent();
  }

  @Test
  void rate_limit_429_and_internal_500_are_retryable() {
    sim.failNext(1, 429);
    assertThat(failure(() -> lane.call(VtmApi::listPools)).retryable()).isTrue();
    sim.failNext(1, 500);
    VtmException internal = failure(() -> lane.call(VtmApi::listPools));
    assertThat(internal.errorId()).isEqualTo("server.internal_error");
    assertThat(internal.retryable()).isTrue();
  }

  @Test
  void malformed_2xx_json_is_retryable() throws Exception {
    try (LaneHarness fresh = LaneHarness.start(sim, dir.resolve("fresh"))) {
      sim.setMalformed(true);

      VtmException get = failure(() -> web(lane));
      VtmException put = failure(() -> lane.call(api -> api.putPool("web", List.of(), null)));
      VtmException negotiate = failure(() -> fresh.call(VtmApi::version));

      assertThat(get.status()).isEqualTo(200);
      assertThat(get.errorId()).isEqualTo("client.malformed_json");
      assertThat(get.retryable()).isTrue();
      assertThat(put.retryable()).isTrue();
      assertThat(negotiate.path()).isEqualTo("/api/tm/");
      assertThat(negotiate.retryable()).isTrue();
    }
  }

  @Test
  void a_cluster_that_went_down_is_a_retryable_connection_error_until_it_comes_back() {
    sim.goDown();

    VtmException e = failure(() -> web(lane));

    assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
    assertThat(e.errorId()).isIn("client.connection", "client.io");
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .startsWith(
            "vtm faulty: GET /api/tm/8.3/config/active/pools/web -> no HTTP answer client.");
    sim.comeUp();
    assertThat(web(lane)).isPresent();
  }

  @Test
  void a_slower_answer_than_the_timeout_is_a_retryable_timeout() throws Exception {
    try (LaneHarness impatient =
        LaneHarness.start(sim, dir, c -> c.withTimeout(Duration.ofMillis(300)))) {
      impatient.call(VtmApi::version);
      sim.setDelay(Duration.ofSeconds(3));

      VtmException e = assertTimeoutPreemptively(HANG_GUARD, () -> failure(() -> web(impatient)));

      assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
      assertThat(e.errorId()).isEqualTo("client.timeout");
      assertThat(e.errorText()).isEqualTo("no answer within 300 ms");
      assertThat(e.retryable()).isTrue();
    }
  }
}
