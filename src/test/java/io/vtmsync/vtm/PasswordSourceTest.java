package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
  private static final String UNSET_ENV = "VTM_SYNC_TEST_SURELY_UNSET_4711";

  @Test
  void password_file_loses_its_trailing_newline_and_may_not_be_empty(@TempDir Path dir) {
    Path file = dir.resolve("password");
    PasswordSource source = new PasswordSource.File(file);
    LaneHarness.write(file, "pa ss\r\n");
    assertThat(source.read("east")).isEqualTo("pa ss");

    LaneHarness.write(file, "\n");
    assertThatThrownBy(() -> source.read("east")).hasMessageContaining("the file is empty");
  }

  @Test
  void missing_password_file_names_key_and_path(@TempDir Path dir) {
    Path file = dir.resolve("absent");

    assertThatThrownBy(() -> new PasswordSource.File(file).read("east"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("config key vtm.east.password-file='" + file + "': cannot read");
  }

  @Test
  void problem_says_what_stops_the_read_and_nothing_when_it_works(@TempDir Path dir) {
    Path file = dir.resolve("password");
    PasswordSource source = new PasswordSource.File(file);
    assertThat(source.problem("east"))
        .hasValueSatisfying(p -> p.contains("vtm.east.password-file"));
    assertThat(new PasswordSource.Env(UNSET_ENV).problem("east"))
        .hasValueSatisfying(p -> p.contains(UNSET_ENV + " is not set"));

    LaneHarness.write(file, "s3cret\n");
    assertThat(source.problem("east")).isEmpty();
  }

  @Test
  void unset_password_env_is_a_clear_error_naming_the_variable() {
    assertThat(Optional.ofNullable(System.getenv(UNSET_ENV))).isEmpty();

    assertThatThrownBy(() -> new PasswordSource.Env(UNSET_ENV).read("east"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "config key vtm.east.password-env='"
                + UNSET_ENV
                + "': environment variable "
                + UNSET_ENV
                + " is not set");
  }
}
