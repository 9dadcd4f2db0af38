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
}
