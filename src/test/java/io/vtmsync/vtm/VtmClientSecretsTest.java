package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The admin password never shows in exceptions or logs, whatever goes wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmClientSecretsTest {
  private VtmSimulator sim;
  private Path dir;
  private VtmClient client;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("secret"));
    client = SimClusters.clientWithWebPool(sim, dir);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  private VtmException failure(ThrowingCallable call) {
    return SimClusters.failure(sim, call);
  }

  private void heal() {
    sim.failNext(0, 500);
    sim.setDelay(Duration.ZERO);
    sim.setMalformed(false);
    sim.comeUp();
  }

  @Test
  void wrong_password_gives_a_401_that_is_not_retryable_and_hides_both_passwords() {
    String wrong = "wrong-" + sim.password();
    VtmClusterConfig config = SimClusters.config(sim, dir);
    VtmClient badAuth =
        new VtmClient(
            new VtmClusterConfig(
                config.name(),
                config.baseUrl(),
                config.username(),
                SimClusters.passwordFile(dir.resolve(".."), sim, wrong),
                config.caFile(),
                false,
                config.apiVersion(),
                1,
                config.timeout()));

    VtmException e = failure(badAuth::negotiate);

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.errorId()).isEqualTo("auth.invalid");
    assertThat(e.retryable()).isFalse();
    assertThat(SimClusters.everything(e)).doesNotContain(wrong);
    for (String secret : SimClusters.secrets(sim, wrong)) {
      assertThat(SimClusters.everything(e)).doesNotContain(secret);
    }
  }

  @Test
  void no_exception_or_log_line_of_any_failure_kind_reveals_the_password() throws Exception {
    JsonNode invalid = SimClusters.weightZero();
    VtmClient impatient =
        new VtmClient(SimClusters.config(sim, dir).withTimeout(Duration.ofMillis(200)));
    impatient.negotiate();
    VtmClusterConfig untrusting =
        VtmClusterConfig.of(
            sim.name(),
            sim.baseUrl(),
            sim.username(),
            SimClusters.passwordFile(dir, sim, sim.password()));
    List<ThrowingCallable> kinds =
        List.of(
            () -> client.putPoolRaw("web", invalid),
            () -> faulted(() -> sim.failNext(1, 401), client::listPools),
            () -> faulted(() -> sim.failNext(1, 503), client::listPools),
            () -> faulted(() -> sim.setMalformed(true), client::listPools),
            () -> faulted(sim::goDown, client::listPools),
            () -> faulted(() -> sim.setDelay(Duration.ofSeconds(1)), impatient::listPools),
            () -> new VtmClient(untrusting).negotiate());

    try (LogCapture logs = new LogCapture("io.vtmsync")) {
      kinds.forEach(this::failure);
      new VtmClient(SimClusters.config(sim, dir).withCaFile(null).withInsecure(true)).negotiate();

      assertThat(logs.lines()).anyMatch(line -> line.startsWith("WARN"));
      for (String secret : SimClusters.secrets(sim, sim.password())) {
        assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
      }
    }
  }

  /** Injects a fault, makes the call, and heals, so the next kind starts clean. */
  private void faulted(Runnable fault, Runnable call) {
    fault.run();
    try {
      call.run();
    } finally {
      heal();
    }
  }
}
