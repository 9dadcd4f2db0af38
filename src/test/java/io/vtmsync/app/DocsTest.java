package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.k8s.Annotations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README documents every setting, annotation and route file the code has. */
class DocsTest {

  private static String readme() throws Exception {
    return Files.readString(Path.of("README.md"));
  }

  @Test
  void every_setting_has_a_row_in_the_readme_configuration_table() throws Exception {
    String readme = readme();
    for (String key : Settings.KEYS) {
      assertThat(readme).as(key).contains("| `" + key + "` |");
    }
  }

  @Test
  void every_kubernetes_source_setting_is_documented() throws Exception {
    String readme = readme();
    for (String key : SourceSettings.KEYS) {
      assertThat(readme).as(key).containsPattern("\\| `k8s\\.<name>\\.[^|]*\\b" + key + "`");
    }
  }

  @Test
  void every_leader_election_setting_is_documented() throws Exception {
    String readme = readme();
    for (String key : HaSettings.KEYS) {
      assertThat(readme).as(key).contains("| `" + key + "` |");
    }
  }

  @Test
  void every_vtm_setting_is_documented() throws Exception {
    String readme = readme();
    for (String key : VtmSettings.KEYS) {
      assertThat(readme).as(key).contains("| `" + key + "` |");
    }
    for (String key : VtmSettings.CLUSTER_KEYS) {
      assertThat(readme).as(key).containsPattern("\\| `vtm\\.<name>\\.[^|]*" + key);
    }
  }

  @Test
  void every_annotation_is_documented() throws Exception {
    String readme = readme();
    for (String a : Annotations.ALL) {
      assertThat(readme).as(a).contains("| `" + a + "` |");
    }
  }

  @Test
  void every_route_file_is_named_in_the_pipeline_diagram() throws Exception {
    String readme = readme();
    try (Stream<Path> routes = Files.list(Path.of("routes"))) {
      routes.forEach(r -> assertThat(readme).contains("routes/" + r.getFileName()));
    }
  }

  @Test
  void every_property_a_route_uses_has_its_default_in_the_bundled_config() throws Exception {
    java.util.Properties defaults = new java.util.Properties();
    try (var in = Files.newInputStream(Path.of("config/application.properties"))) {
      defaults.load(in);
    }
    java.util.regex.Pattern used =
        java.util.regex.Pattern.compile(
            "\\{\\{([a-zA-Z0-9.-]+)(:[^}]*)?}}|\\$\\{properties:([a-zA-Z0-9.-]+)}");
    java.util.regex.Pattern parameter = java.util.regex.Pattern.compile("- name: ([a-zA-Z0-9]+)");
    try (Stream<Path> routes = Files.list(Path.of("routes"))) {
      for (Path r : routes.toList()) {
        String yaml = Files.readString(r);
        java.util.Set<String> params = new java.util.HashSet<>();
        parameter.matcher(yaml).results().forEach(m -> params.add(m.group(1)));
        java.util.regex.Matcher m = used.matcher(yaml);
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(3);
          if (!params.contains(key)) {
            assertThat(defaults).as(r + " uses {{" + key + "}}").containsKey(key);
          }
        }
      }
    }
  }
}
