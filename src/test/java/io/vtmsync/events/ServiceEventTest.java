package io.vtmsync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An Event's message is capped as Kubernetes caps it; its type is Normal or Warning. */
class ServiceEventTest {

  @Test
  void a_message_over_one_kib_is_cut_on_a_character_boundary_and_marked() {
    String longText = "é".repeat(800); // 1,600 bytes of UTF-8
    ServiceEvent e = ServiceEvent.of("default/web", null, "Normal", "PoolSynced", longText);
    byte[] bytes = e.message().getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isLessThanOrEqualTo(ServiceEvent.MAX_MESSAGE_BYTES);
    assertThat(e.message()).endsWith("...").startsWith("éé");
    assertThat(e.message().substring(0, e.message().length() - 3)).matches("é+");
  }

  @Test
  void a_message_within_one_kib_is_kept_as_it_is() {
    String text = "x".repeat(ServiceEvent.MAX_MESSAGE_BYTES);
    assertThat(ServiceEvent.of("default/web", null, "Warning", "PoolHeld", text).message())
        .isEqualTo(text);
  }

  @Test
  void the_type_is_normal_or_warning_and_the_key_names_a_service() {
    assertThatThrownBy(() -> ServiceEvent.of("default/web", null, "Error", "X", "m"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceEvent.of("web", null, "Normal", "X", "m"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
