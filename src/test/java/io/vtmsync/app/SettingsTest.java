package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  private static Settings read(Map<String, String> props) {
    return Settings.read(props::get, props.keySet());
  }

  @Test
  void the_shipped_config_file_is_valid_and_documents_every_key() throws Exception {
    Properties p = new Properties();
    try (FileReader r = new FileReader("config/application.properties")) {
      p.load(r);
    }
    Map<String, String> map = new java.util.HashMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
    Settings s = read(map);
    assertThat(s.debounceMs()).isEqualTo(100);
    assertThat(map.keySet()).containsAll(Settings.KEYS);
  }

  @Test
  void an_unknown_key_in_our_namespaces_stops_the_start_naming_it() {
    assertThatThrownBy(() -> read(Map.of("sync.debounce", "5")))
        .hasMessageContaining("unknown config key 'sync.debounce'");
    assertThat(read(Map.of("camel.main.name", "x")).debounceMs()).isEqualTo(100);
  }

  @Test
  void a_camel_key_camel_main_would_not_bind_stops_the_start_naming_it() {
    assertThatThrownBy(() -> read(Map.of("camel.compnent.log.level", "x")))
        .hasMessage(
            "unknown config key 'camel.compnent.log.level': Camel Main binds no camel.compnent.*"
                + " options and would ignore it (did you mean camel.component?)");
    assertThat(
            read(
                Map.of("camel.component.log.level", "x", "camel.route-controller.enabled", "true")))
        .isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sync.debounce-ms|abc|config key sync.debounce-ms='abc': not a whole number",
        "sync.concurrency|0|config key sync.concurrency='0': must be within 1-64",
        "k8s.watch-pods|yes|expected true or false",
        "sync.empty-pool|drop|expected hold or apply",
        "sync.default-mode|lb|expected nodeport, pod or hostport",
        "k8s.address-type|Hostname|expected InternalIP or ExternalIP",
        "sync.services|default|expected NAMESPACE/NAME",
        "sink.file.removed|keep|expected error or delete"
      })
  void a_bad_value_names_the_key_and_what_is_expected(String key, String value, String message) {
    assertThatThrownBy(() -> read(Map.of(key, value))).hasMessageContaining(message);
  }

  @Test
  void services_listed_in_config_carry_their_port() {
    Settings s = read(Map.of("sync.services", "default/web:http, prod/api"));
    assertThat(s.exposure().services())
        .containsEntry("default/web", "http")
        .containsEntry("prod/api", "");
  }
}
