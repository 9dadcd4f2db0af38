package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.demo.EmbeddedKubernetes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: the README's demo command, and run + SIGTERM. */
class JarIT {

  private static final Path JAR = Path.of("target/vtm-k8s-sync.jar");

  @TempDir Path tmp;

  private Process start(Path log, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void the_demo_command_plays_its_story_and_exits_0() throws Exception {
    Path log = tmp.resolve("demo.log");
    Process p = start(log, "demo", "--sink.file.directory=" + tmp.resolve("pools"));
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains(
            "demo finished: every change landed",
            "\"draining\":true",
            "vtm:east landed",
            "vtm:west landed",
            "kubectl describe service my-nginx-service (its Events):",
            "Normal  PoolSynced",
            "vtm:east pool=default-my-nginx-service-http created +10.0.0.9:30080",
            // The second site: one pool with the members of both, each with its site's priority;
            // east's member held while its API is away; west's alone once east's shop node is
            // NotReady; vTM's view of the members read back.
            "pool shop on vtm:east by site: east: 10.0.0.9:30090 (priority 2);"
                + " west: 10.1.0.9:30090, 10.1.0.10:30090 (priority 1)",
            "east's member 10.0.0.9:30090 is held while east's API is unreachable",
            "pool shop on vtm:east by site: east: none;"
                + " west: 10.1.0.9:30090, 10.1.0.10:30090, 10.1.0.11:30090 (priority 1)",
            "pool shop 3 alive, 1 dead",
            // The status table, from the shaded jar's /status.json (platform-http on one port).
            "2 pools, 0 of 6 cells not converged");
    assertThat(out).doesNotContain("ERROR", "Exception");
    try (var files = Files.list(tmp.resolve("vtm"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".password")).toList()) {
        assertThat(out)
            .as("the demo never prints a password")
            .doesNotContain(Files.readString(f).trim());
      }
    }
  }

  @Test
  void run_syncs_until_sigterm_then_shuts_down_cleanly() throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes()) {
      Path log = tmp.resolve("run.log");
      Process p =
          start(
              log,
              "run",
              "--k8s.master-url=" + kube.url(),
              "--sink.file.directory=" + tmp.resolve("pools"));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(log).contains("caches synced"));
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      String out = Files.readString(log);
      assertThat(out).contains("vtm-k8s-sync started", "vtm-k8s-sync stopped");
      assertThat(p.exitValue()).as("exit after SIGTERM").isIn(0, 143);
      assertThat(out).doesNotContain("ERROR");
    }
  }

  private static String get(String url) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var r =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body();
  }

  @Test
  void a_bad_config_value_stops_the_start_with_a_message_naming_the_key() throws Exception {
    Path log = tmp.resolve("bad.log");
    Process p = start(log, "run", "--sync.debounce-ms=soon", "--k8s.master-url=http://127.0.0.1:9");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("config key sync.debounce-ms='soon': not a whole number");
  }

  @Test
  void render_failures_print_one_document_on_stdout_and_log_only_to_stderr() throws Exception {
    Path missing = tmp.resolve("absent-kubeconfig");
    String[][] runs = {
      {"--kubeconfig=" + missing, "{\"version\":1,\"code\":400,\"error\":\"kubeconfig file"},
      {"--master-url=::", "{\"version\":1,\"code\":500,\"error\":\"render failed: "}
    };
    for (String[] run : runs) {
      Path out = tmp.resolve("out");
      Path err = tmp.resolve("err");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  JAR.toString(),
                  "render",
                  "--service=default/web",
                  run[0])
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(Files.readAllLines(out)).singleElement().asString().startsWith(run[1]);
      assertThat(Files.readString(err)).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void render_against_an_unreachable_api_prints_a_500_document_and_exits_1() throws Exception {
    Path log = tmp.resolve("render.log");
    Process p = start(log, "render", "--service=default/web", "--master-url=http://127.0.0.1:9");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains("{\"version\":1,\"code\":500,\"error\":\"failed to read service 'default/web'");
    assertThat(new File(JAR.toString())).exists();
  }
}
