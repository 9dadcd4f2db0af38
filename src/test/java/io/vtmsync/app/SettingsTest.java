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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2500|2000|500|ha.lease-duration-ms must be a whole number of seconds",
        "2000|2000|500|ha.lease-duration-ms must be greater than ha.renew-deadline-ms",
        "3000|600|500|ha.renew-deadline-ms must be greater than 1.2 x ha.retry-period-ms"
      })
  void leader_election_timings_that_could_let_two_replicas_write_stop_the_start(
      String lease, String renew, String retry, String message) {
    Map<String, String> ha =
        Map.of(
            "ha.enabled", "true",
            "ha.lease-duration-ms", lease,
            "ha.renew-deadline-ms", renew,
            "ha.retry-period-ms", retry);
    assertThatThrownBy(() -> read(ha)).hasMessageContaining(message);
    assertThat(read(Map.of("ha.lease-duration-ms", lease)).ha().enabled()).isFalse();
  }

  @Test
  void the_pod_readiness_labels_of_the_old_election_are_no_setting_any_more() {
    assertThatThrownBy(() -> read(Map.of("ha.cluster-labels", "app=x")))
        .hasMessageContaining("unknown config key 'ha.cluster-labels'");
  }

  @Test
  void services_listed_in_config_carry_their_port() {
    Settings s = read(Map.of("sync.services", "default/web:http, prod/api"));
    assertThat(s.exposure().services())
        .containsEntry("default/web", "http")
        .containsEntry("prod/api", "");
  }

  @Test
  void with_no_k8s_clusters_there_is_one_default_source_from_the_plain_keys() {
    Settings s = read(Map.of("k8s.context", "prod", "k8s.namespaces", "shop"));
    assertThat(s.sources())
        .singleElement()
        .satisfies(
            src -> {
              assertThat(src.name()).isEmpty();
              assertThat(src.context()).isEqualTo("prod");
              assertThat(src.namespaces()).containsExactly("shop");
              assertThat(src.priority()).isEqualTo(1);
            });
    assertThat(s.multiSource()).isFalse();
  }

  @Test
  void named_sources_take_their_own_keys_and_fall_back_to_the_plain_ones() {
    Settings s =
        read(
            Map.of(
                "k8s.clusters", "east, west",
                "k8s.kubeconfig", "/etc/kube",
                "k8s.namespaces", "shop",
                "k8s.east.context", "east-prod",
                "k8s.east.priority", "2",
                "k8s.west.context", "west-prod",
                "k8s.west.merge-by-name", "true",
                "k8s.west.address-type", "ExternalIP"));
    assertThat(s.multiSource()).isTrue();
    assertThat(s.sources()).extracting(SourceSettings::name).containsExactly("east", "west");
    SourceSettings east = s.sources().get(0);
    SourceSettings west = s.sources().get(1);
    assertThat(east.kubeconfig()).isEqualTo("/etc/kube");
    assertThat(east.context()).isEqualTo("east-prod");
    assertThat(east.namespaces()).containsExactly("shop");
    assertThat(east.priority()).isEqualTo(2);
    assertThat(east.mergeByName()).isFalse();
    assertThat(west.priority()).isEqualTo(1);
    assertThat(west.mergeByName()).isTrue();
    assertThat(west.exposure().addressType()).isEqualTo(io.vtmsync.k8s.AddressType.EXTERNAL_IP);
    assertThat(east.exposure().addressType()).isEqualTo(io.vtmsync.k8s.AddressType.INTERNAL_IP);
  }

  @Test
  void a_bad_source_key_or_name_stops_the_start_naming_it() {
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "east", "k8s.west.context", "x")))
        .hasMessageContaining("k8s.west.context")
        .hasMessageContaining("no Kubernetes source 'west'");
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "east", "k8s.east.contxt", "x")))
        .hasMessageContaining("k8s.east.contxt");
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "East")))
        .hasMessageContaining("k8s.clusters");
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "east,east")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "east", "k8s.east.priority", "-1")))
        .hasMessageContaining("k8s.east.priority");
  }

  @Test
  void two_sources_reading_the_same_api_the_same_way_are_refused() {
    assertThatThrownBy(() -> read(Map.of("k8s.clusters", "east,west")))
        .hasMessageContaining("'east' and 'west' read the same API");
  }
}
