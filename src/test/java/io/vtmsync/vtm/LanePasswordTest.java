package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Where a lane's password comes from: read again for every request, and never sent unread. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanePasswordTest {
  private VtmSimulator east;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    east = VtmSimulator.start(VtmSimulator.Options.defaults("east"));
  }

  @AfterAll
  void stop() {
    east.close();
  }

  private LaneHarness lane(PasswordSource password) throws Exception {
    return LaneHarness.start(east, dir, c -> LaneFixtures.withPassword(c, password));
  }

  @Test
  void wrong_password_gives_a_401_that_is_not_retryable_and_hides_both_passwords()
      throws Exception {
    String wrong = "wrong-" + east.password();
    try (LaneHarness lane = lane(LaneFixtures.passwordFile(dir.resolve("wrong"), wrong))) {
      VtmException e = LaneFixtures.failure(east, () -> lane.call(VtmApi::version));

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.errorId()).isEqualTo("auth.invalid");
      assertThat(e.retryable()).isFalse();
      for (String secret : LaneFixtures.secrets(east, wrong)) {
        assertThat(LaneFixtures.everything(e)).doesNotContain(secret);
      }
    }
  }

  @Test
  void a_rotated_password_file_is_picked_up_on_the_next_request() throws Exception {
    try (LaneHarness lane = LaneHarness.start(east, dir)) {
      Path file = LaneFixtures.passwordPath(lane.config);
      assertThat(lane.call(VtmApi::version)).isNotNull();

      LaneHarness.write(file, "rotated-elsewhere\n");
      VtmException e = catchThrowableOfType(VtmException.class, () -> lane.call(VtmApi::listPools));
      assertThat(e.status()).isEqualTo(401);

      LaneHarness.write(file, east.password());
      List<String> pools = lane.call(VtmApi::listPools);
      assertThat(pools).isNotNull();
    }
  }

  @Test
  void an_unreadable_password_file_fails_as_client_password_and_sends_nothing() throws Exception {
    Path missing = dir.resolve("not-mounted-yet");
    try (LaneHarness lane = lane(new PasswordSource.File(missing))) {
      long before = east.requests().size();

      VtmException e = catchThrowableOfType(VtmException.class, () -> lane.call(VtmApi::version));

      assertThat(e.errorId()).isEqualTo("client.password");
      assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("vtm.east.password-file='" + missing + "'");
      assertThat(east.requests()).hasSize((int) before);
    }
  }

  @Test
  void unset_password_env_fails_naming_the_variable_without_calling_vtm() throws Exception {
    String variable = "VTM_SYNC_TEST_SURELY_UNSET_4711";
    try (LaneHarness lane = lane(new PasswordSource.Env(variable))) {
      long before = east.requests().size();

      VtmException e = catchThrowableOfType(VtmException.class, () -> lane.call(VtmApi::version));

      assertThat(e.errorId()).isEqualTo("client.password");
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("environment variable " + variable + " is not set");
      assertThat(east.requests()).hasSize((int) before);
    }
  }

  @Test
  void password_env_is_read_from_the_environment() throws Exception {
    Map.Entry<String, String> any =
        System.getenv().entrySet().stream()
            .filter(v -> !v.getValue().isEmpty() && v.getKey().matches("[A-Z_]+"))
            .findFirst()
            .orElseThrow();
    VtmSimulator.Options options =
        VtmSimulator.Options.defaults("env-password").withPassword(any.getValue());
    try (VtmSimulator sim = VtmSimulator.start(options);
        LaneHarness lane =
            LaneHarness.start(
                sim,
                dir,
                c -> LaneFixtures.withPassword(c, new PasswordSource.Env(any.getKey())))) {
      assertThat(lane.call(VtmApi::version)).hasToString("8.3");
    }
  }
}
