package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure of {@code render} is one plugin error document on stdout and a non-zero exit. */
class RenderCommandTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters: [{name: c1, cluster: {server: "http://127.0.0.1:9"}}]
      users: [{name: u1, user: {token: not-a-real-token}}]
      contexts: [{name: ctx1, context: {cluster: c1, user: u1}}]
      current-context: ctx1
      """;

  @TempDir Path tmp;

  private record Answer(int exit, int code, String error, String stderr) {}

  private static Answer render(String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("render", "--service=default/web"));
    args.addAll(List.of(flags));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Launcher.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).as("one line on stdout: %s", text).hasSize(1);
    JsonNode doc = new ObjectMapper().readTree(text);
    assertThat(doc.get("version").asInt()).isEqualTo(1);
    assertThat(doc.size()).as(text).isEqualTo(3);
    return new Answer(
        exit,
        doc.get("code").asInt(),
        doc.get("error").asText(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void a_missing_empty_or_unreadable_kubeconfig_is_a_400_document() throws Exception {
    Path missing = tmp.resolve("absent");
    Path empty = Files.writeString(tmp.resolve("empty"), "\n");
    Answer a = render("--kubeconfig=" + missing);
    assertThat(a).isEqualTo(new Answer(1, 400, "kubeconfig file '" + missing + "' is missing", ""));
    assertThat(render("--kubeconfig=" + empty).error())
        .isEqualTo("kubeconfig file '" + empty + "' is empty");
    assertThat(render("--kubeconfig=" + tmp).error())
        .startsWith("kubeconfig file '" + tmp + "' cannot be read (");
  }

  @Test
  void a_file_that_is_no_kubeconfig_is_named_without_quoting_its_content() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk"), "token: s3cr3t-token\n- [\n");
    Answer a = render("--kubeconfig=" + junk);
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.error()).startsWith("kubeconfig file '" + junk + "' is not a valid kubeconfig (");
    assertThat(a.error()).doesNotContain("s3cr3t");
  }

  @Test
  void an_unknown_context_is_refused_instead_of_using_the_current_one() throws Exception {
    Path file = Files.writeString(tmp.resolve("config"), KUBECONFIG);
    Answer a = render("--kubeconfig=" + file, "--context=prod");
    assertThat(a.code()).isEqualTo(400);
    assertThat(a.error())
        .isEqualTo(
            "no kubeconfig context 'prod' in kubeconfig file '"
                + file
                + "'; contexts there: [ctx1]");
  }

  @Test
  void a_stray_argument_or_any_other_failure_is_a_document_too() throws Exception {
    Answer stray = render("extra");
    assertThat(stray.code()).isEqualTo(400);
    assertThat(stray.error()).contains("unexpected argument 'extra'");
    Answer broken = render("--master-url=::");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.code()).isEqualTo(500);
    assertThat(broken.error()).startsWith("render failed: ");
  }
}
