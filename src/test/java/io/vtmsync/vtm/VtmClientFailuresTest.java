package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmClientFailuresTest {
  private VtmSimulator sim;
  private Path dir;
  private VtmClient client;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("faulty"));
    client = SimClusters.clientWithWebPool(sim, dir);
  }

  @AfterEach
  void heal() {
    sim.failNext(0, 500);
    sim.setDelay(Duration.ZERO);
    sim.setMalformed(false);
    sim.comeUp();
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  private VtmException failure(ThrowingCallable call) {
    VtmException e = SimClusters.failure(sim, call);
    assertThat(e.cluster()).isEqualTo("faulty");
    return e;
  }

  @Test
  void validation_error_carries_id_text_and_flattened_info_and_is_not_retryable() throws Exception {
    JsonNode body = SimClusters.weightZero();

    VtmException e = failure(() -> client.putPoolRaw("web", body));

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
    VtmException e =
        failure(() -> client.putPool("web", List.of(Member.active("not_a_host", 80)), null));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.errorInfo()).startsWith("basic.nodes_table.not_a_host:80.node: ");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void gateway_503_with_a_text_body_is_retryable_and_then_the_call_works_again() {
    sim.failNext(2, 503);

    VtmException first = failure(() -> client.getPool("web"));
    VtmException second = failure(() -> client.getPool("web"));

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorId()).isEmpty();
    assertThat(first.errorText()).isEqualTo("503 Service Unavailable");
    assertThat(first.retryable()).isTrue();
    assertThat(second.retryable()).isTrue();
    assertThat(client.getPool("web")).isPresent();
  }

  @Test
  void rate_limit_429_and_internal_500_are_retryable() {
    sim.failNext(1, 429);
    assertThat(failure(client::listPools).retryable()).isTrue();
    sim.failNext(1, 500);
    assertThat(failure(client::listPools).errorId()).isEqualTo("server.internal_error");
  }

  @Test
  void malformed_2xx_json_is_retryable() {
    sim.setMalformed(true);

    VtmException get = failure(() -> client.getPool("web"));
    VtmException put = failure(() -> client.putPool("web", List.of(), null));
    VtmException renegotiate = failure(client::negotiate);

    assertThat(get.status()).isEqualTo(200);
    assertThat(get.errorId()).isEqualTo("client.malformed_json");
    assertThat(get.retryable()).isTrue();
    assertThat(put.retryable()).isTrue();
    assertThat(renegotiate.retryable()).isTrue();
  }

  @Test
  void a_cluster_that_went_down_is_a_retryable_connection_error_until_it_comes_back() {
    sim.goDown();

    VtmException e = failure(() -> client.getPool("web"));

    assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
    assertThat(e.errorId()).isIn("client.connection", "client.io");
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .startsWith(
            "vtm faulty: GET /api/tm/8.3/config/active/pools/web -> no HTTP answer client.");
    sim.comeUp();
    assertThat(client.getPool("web")).isPresent();
  }

  @Test
  void a_slower_answer_than_the_timeout_is_a_quick_retryable_timeout() {
    VtmClient impatient =
        new VtmClient(SimClusters.config(sim, dir).withTimeout(Duration.ofMillis(300)));
    impatient.negotiate();
    sim.setDelay(Duration.ofSeconds(3));

    long start = System.nanoTime();
    VtmException e = failure(() -> impatient.getPool("web"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(1500));
    assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
    assertThat(e.errorId()).isEqualTo("client.timeout");
    assertThat(e.errorText()).isEqualTo("no answer within 300 ms");
    assertThat(e.retryable()).isTrue();
  }
}
