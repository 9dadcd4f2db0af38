package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario folder again, but through the real {@code render} command against a real API
 * server over HTTP: objects created with a client, read back by the command, JSON and exit code
 * checked (0 only for code 200).
 */
class ScenarioIT {

  private static EmbeddedKubernetes kube;

  @BeforeAll
  static void start() {
    kube = new EmbeddedKubernetes();
  }

  @AfterAll
  static void stop() {
    kube.close();
  }

  static Stream<Scenarios> scenarios() throws Exception {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void render_command_prints_the_expected_json_and_exit_code(Scenarios s) throws Exception {
    try (KubernetesClient client = kube.client()) {
      for (HasMetadata o : s.objects()) {
        client.resource(o).create();
      }
      try {
        Map<String, String> flags = new LinkedHashMap<>(s.flags());
        flags.put("master-url", kube.url());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RenderCommand.run(flags, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(s.expected());
        assertThat(exit).isEqualTo(s.expected().contains("\"code\":200,") ? 0 : 1);
      } finally {
        for (HasMetadata o : s.objects()) {
          client.resource(o).delete();
        }
      }
    }
  }
}
