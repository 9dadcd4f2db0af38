package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The admin password never shows in exceptions or logs, whatever goes wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaneSecretsTest {
  private static final PublishedPools SWEEP = new PublishedPools(Set.of(), Set.of(), Set.of());

  private VtmSimulator sim;
  private Path dir;
  private LaneHarness lane;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    sim = VtmSimulator.start(VtmSimulator.Options.defaults("secret"));
    lane = LaneHarness.start(sim, dir);
    lane.call(api -> api.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note"));
  }

  @AfterAll
  void stop() throws Exception {
    lane.close();
    sim.close();
  }

  private void heal() {
    sim.failNext(0, 500);
    sim.setDelay(Duration.ZERO);
    sim.setMalformed(false);
    sim.comeUp();
  }

  @Test
  void no_exception_or_log_line_of_any_failure_kind_reveals_the_password() throws Exception {
    JsonNode invalid = LaneFixtures.weightZero();
    try (LogCapture logs = new LogCapture();
        LaneHarness impatient =
            LaneHarness.start(sim, dir, c -> c.withTimeout(Duration.ofMillis(200)));
        LaneHarness untrusting = LaneHarness.start(sim, dir, c -> c.withCaFile(null));
        LaneHarness unread =
            LaneHarness.start(
                sim,
                dir,
                c -> LaneFixtures.withPassword(c, new PasswordSource.File(dir.resolve("none"))));
        LaneHarness insecure =
            LaneHarness.start(sim, dir, c -> c.withCaFile(null).withInsecure(true))) {
      impatient.call(VtmApi::version);

      List<String> kinds = new ArrayList<>();
      kinds.add(
          LaneFixtures.failure(sim, () -> lane.call(api -> api.putPoolRaw("web", invalid)))
              .errorId());
      kinds.add(faulted(lane, () -> sim.failNext(1, 401)));
      kinds.add(faulted(lane, () -> sim.failNext(1, 503)));
      kinds.add(faulted(lane, () -> sim.setMalformed(true)));
      kinds.add(faulted(impatient, () -> sim.setDelay(Duration.ofSeconds(1))));
      kinds.add(faulted(lane, sim::goDown));
      kinds.add(faulted(untrusting, () -> {}));
      kinds.add(faulted(unread, () -> {}));
      insecure.job(SWEEP);

      assertThat(kinds)
          .startsWith(
              "resource.validation_error",
              "auth.invalid",
              "",
              "client.malformed_json",
              "client.timeout")
          .endsWith("client.tls", "client.password");
      assertThat(kinds.get(5)).isIn("client.connection", "client.io");
      // ClusterHealth says, once per outage, why each lane's writes fail.
      assertThat(logs.lines()).anyMatch(line -> line.startsWith("WARN"));
      for (String secret : LaneFixtures.secrets(sim, sim.password())) {
        assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
      }
    }
  }

  /**
   * Injects a fault and runs a lane job (the sweep) into it, expecting a failure that hides the
   * password, and returns its error id; then heals, and runs the job again where it can succeed, so
   * the next kind starts clean (and is logged afresh).
   */
  private String faulted(LaneHarness on, Runnable fault) {
    fault.run();
    VtmException e;
    try {
      e = LaneFixtures.failure(sim, () -> on.job(SWEEP));
    } finally {
      heal();
    }
    try {
      on.job(SWEEP);
    } catch (VtmException stillFailing) {
      // a lane that cannot work at all (no trust, no password): its failure was checked above
    }
    return e.errorId();
  }
}
