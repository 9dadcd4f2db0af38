package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtmClusterConfigTest {
  private final Map<String, String> props = new HashMap<>();

  private VtmClusterConfig east() {
    return VtmClusterConfig.fromProperties("east", props::get);
  }

  private void minimal(String url) {
    props.put("vtm.east.url", url);
    props.put("vtm.east.username", "admin");
    props.put("vtm.east.password-file", "/run/secrets/vtm-east/password");
  }

  @Test
  void reads_every_key_from_properties() {
    minimal("https://vtm-east.example:9070/");
    props.put("vtm.east.ca-file", "/etc/vtm/east-ca.pem");
    props.put("vtm.east.api-version", "8.3");
    props.put("vtm.east.concurrency", "2");
    props.put("vtm.east.timeout-ms", "2500");

    VtmClusterConfig config = east();

    assertThat(config.baseUrl()).isEqualTo(URI.create("https://vtm-east.example:9070"));
    assertThat(config.username()).isEqualTo("admin");
    assertThat(config.password())
        .isEqualTo(new PasswordSource.File(Path.of("/run/secrets/vtm-east/password")));
    assertThat(config.caFile()).contains(Path.of("/etc/vtm/east-ca.pem"));
    assertThat(config.insecure()).isFalse();
    assertThat(config.apiVersion()).contains("8.3");
    assertThat(config.concurrency()).isEqualTo(2);
    assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void absent_and_blank_keys_take_the_defaults() {
    minimal("https://10.0.0.1:9070");
    props.put("vtm.east.ca-file", "  ");

    VtmClusterConfig config = east();

    assertThat(config.caFile()).isEmpty();
    assertThat(config.apiVersion()).isEmpty();
    assertThat(config.concurrency()).isEqualTo(4);
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void plain_http_to_a_non_loopback_host_is_refused_naming_cluster_and_key() {
    minimal("http://10.0.0.1:9070");

    assertThatThrownBy(this::east)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config key vtm.east.url='http://10.0.0.1:9070': ")
        .hasMessageContaining("plain http");
  }

  @Test
  void plain_http_to_loopback_is_allowed() {
    for (String url :
        new String[] {
          "http://127.0.0.1:9070", "http://127.3.2.1", "http://localhost:9070", "http://[::1]:9070"
        }) {
      minimal(url);
      assertThat(east().baseUrl()).isEqualTo(URI.create(url));
    }
    minimal("http://128.0.0.1:9070");
    assertThatThrownBy(this::east).hasMessageContaining("plain http");
  }

  @Test
  void url_with_a_path_query_or_other_scheme_is_refused() {
    for (String url :
        new String[] {"https://vtm:9070/api/tm", "https://vtm:9070?x=1", "ftp://vtm", "vtm:9070"}) {
      minimal(url);
      assertThatThrownBy(this::east).hasMessageStartingWith("config key vtm.east.url=");
    }
  }

  @Test
  void url_with_userinfo_is_refused_without_repeating_the_password() {
    minimal("https://admin:hunter2@vtm:9070");

    assertThatThrownBy(this::east)
        .hasMessageContaining("credentials in the URL")
        .hasMessageContaining("https://***@vtm:9070")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void exactly_one_password_source_is_required() {
    minimal("https://vtm:9070");
    props.put("vtm.east.password-env", "VTM_EAST_PASSWORD");
    assertThatThrownBy(this::east).hasMessageContaining("set exactly one");

    props.remove("vtm.east.password-env");
    props.remove("vtm.east.password-file");
    assertThatThrownBy(this::east)
        .hasMessageContaining("vtm.east.password-file and vtm.east.password-env");
  }

  @Test
  void malformed_values_are_reported_with_key_and_value() {
    minimal("https://vtm:9070");
    props.put("vtm.east.concurrency", "four");
    assertThatThrownBy(this::east)
        .hasMessage("config key vtm.east.concurrency='four': must be a whole number");

    props.put("vtm.east.concurrency", "0");
    assertThatThrownBy(this::east).hasMessageStartingWith("config key vtm.east.concurrency='0'");

    props.remove("vtm.east.concurrency");
    props.put("vtm.east.insecure", "yes");
    assertThatThrownBy(this::east)
        .hasMessage("config key vtm.east.insecure='yes': must be true" + " or false");

    props.remove("vtm.east.insecure");
    props.put("vtm.east.api-version", "1.1");
    assertThatThrownBy(this::east).hasMessageContaining("api-version='1.1': is not supported");

    props.put("vtm.east.api-version", "latest");
    assertThatThrownBy(this::east).hasMessageContaining("must look like 5.2");
  }

  @Test
  void missing_url_or_username_is_reported() {
    props.put("vtm.east.password-env", "VTM_EAST_PASSWORD");
    assertThatThrownBy(this::east).hasMessage("config key vtm.east.url: is missing");

    props.put("vtm.east.url", "https://vtm:9070");
    assertThatThrownBy(this::east).hasMessage("config key vtm.east.username: is missing");
  }

  @Test
  void a_listed_cluster_without_keys_is_missing_its_url_not_its_password() {
    assertThatThrownBy(this::east)
        .hasMessage(
            "config key vtm.east.url is missing: vtm.clusters lists 'east' but no vtm.east.* key"
                + " is set");

    props.put("vtm.east.username", "admin");
    assertThatThrownBy(this::east).hasMessage("config key vtm.east.url: is missing");
  }

  @Test
  void insecure_and_ca_file_together_are_refused() {
    minimal("https://vtm:9070");
    props.put("vtm.east.insecure", "true");
    props.put("vtm.east.ca-file", "/etc/ca.pem");

    assertThatThrownBy(this::east).hasMessageContaining("cannot be combined with ca-file");
  }

  @Test
  void cluster_name_must_be_lower_kebab() {
    assertThatThrownBy(() -> VtmClusterConfig.fromProperties("East_1", props::get))
        .hasMessageContaining("'East_1' must be lower-kebab");
  }

  @Test
  void to_string_never_shows_the_password(@TempDir Path dir) {
    Path file = dir.resolve("password");
    LaneHarness.write(file, "hunter2\n");
    VtmClusterConfig config =
        VtmClusterConfig.of(
            "east", URI.create("https://vtm:9070"), "admin", new PasswordSource.File(file));

    assertThat(config.password().read("east")).isEqualTo("hunter2");
    assertThat(config.toString()).doesNotContain("hunter2").contains("east");
  }
}
