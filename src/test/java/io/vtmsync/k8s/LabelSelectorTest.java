package io.vtmsync.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

  private static final Map<String, String> EDGE = Map.of("role", "edge", "zone", "a");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|true", "role=edge|true", "role=core|false", "role!=core|true", "role!=edge|false",
        "zone|true", "!zone|false", "!gpu|true", "role=edge,zone=a|true", "role=edge, zone=b|false"
      })
  void selects_like_kubectl(String selector, boolean matches) {
    assertThat(LabelSelector.parse(selector).matches(EDGE)).isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a=b=c", "=x", "role==edge", "bad key=x"})
  void rejects_malformed_selectors(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .hasMessageContaining("invalid label selector");
  }
}
