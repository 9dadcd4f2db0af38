package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"default-my-nginx-service-http", "web_pool", "a", "Pool.v2", "_x"})
  void safe_names_are_accepted(String name) {
    assertThat(PoolName.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../etc/passwd",
        "a/b",
        "..",
        "a..b",
        ".hidden",
        "-flag",
        "a b",
        "a\\b",
        "pool\n",
        "x\u0000y",
        "é"
      })
  void names_that_could_leave_the_directory_or_confuse_a_shell_are_rejected(String name) {
    assertThat(PoolName.isValid(name)).isFalse();
    assertThatThrownBy(() -> PoolName.require(name)).hasMessageContaining("invalid pool name");
  }

  @org.junit.jupiter.api.Test
  void names_longer_than_200_characters_are_rejected() {
    assertThat(PoolName.isValid("a".repeat(200))).isTrue();
    assertThat(PoolName.isValid("a".repeat(201))).isFalse();
  }
}
