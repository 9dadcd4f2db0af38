package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionChoiceTest {

  private static ApiVersion choose(String... offered) {
    return VersionChoice.choose(List.of(offered), Optional.empty());
  }

  @Test
  void chooses_3_10_over_3_9_numerically() {
    assertThat(choose("3.9", "3.10")).isEqualTo(new ApiVersion(3, 10));
    assertThat(choose("3.10", "3.9", "3.11").toString()).isEqualTo("3.11");
  }

  @Test
  void chooses_8_3_as_the_newest_of_a_modern_list() {
    assertThat(choose("4.0", "5.2", "8.3", "8.1", "6.0")).isEqualTo(ApiVersion.parse("8.3"));
  }

  @Test
  void uses_the_pinned_version_when_offered_even_if_newer_exist() {
    ApiVersion chosen = VersionChoice.choose(List.of("3.9", "5.2", "8.3"), Optional.of("5.2"));

    assertThat(chosen).isEqualTo(new ApiVersion(5, 2));
  }

  @Test
  void pinned_version_not_offered_is_an_error_naming_both_lists() {
    assertThatThrownBy(() -> VersionChoice.choose(List.of("5.2", "8.3"), Optional.of("4.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4.0")
        .hasMessageContaining("[5.2, 8.3]")
        .hasMessageContaining(VersionChoice.SUPPORTED);
  }

  @Test
  void pinned_version_we_do_not_support_is_an_error() {
    assertThatThrownBy(() -> VersionChoice.choose(List.of("1.1"), Optional.of("1.1")))
        .hasMessageContaining("not supported");
  }

  @Test
  void only_2_0_offered_chooses_the_legacy_2_0() {
    ApiVersion chosen = choose("2.0");

    assertThat(chosen.isLegacy()).isTrue();
    assertThat(chosen.toString()).isEqualTo("2.0");
  }

  @Test
  void prefers_a_modern_version_over_legacy_ones() {
    assertThat(choose("1.0", "2.0", "3.0")).isEqualTo(new ApiVersion(3, 0));
  }

  @Test
  void nothing_usable_is_an_error_naming_what_was_offered() {
    assertThatThrownBy(() -> choose("0.9", "1.1", "zxtm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no usable REST API version")
        .hasMessageContaining("[0.9, 1.1, zxtm]");
    assertThatThrownBy(() -> choose()).hasMessageContaining("no usable");
  }

  @Test
  void ignores_names_that_are_not_versions() {
    assertThat(choose("latest", "5.2", "05.3", "6")).isEqualTo(new ApiVersion(5, 2));
  }

  @Test
  void version_text_round_trips_and_rejects_other_shapes() {
    assertThat(ApiVersion.parse("3.10").toString()).isEqualTo("3.10");
    assertThat(ApiVersion.parse("3.10")).isGreaterThan(ApiVersion.parse("3.9"));
    assertThatThrownBy(() -> ApiVersion.parse("3.x")).hasMessageContaining("5.2");
  }
}
