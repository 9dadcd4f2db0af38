package io.vtmsync.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.FileSink;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell test suite of the vTM Service Discovery plugin ({@code plugin/vtm-k8s-sync-sd.sh})
 * from the Maven build. The cases themselves live in {@code src/test/plugin/plugin_test.sh}.
 */
class PluginScriptTest {

  private static final Path BASEDIR = Paths.get(System.getProperty("user.dir"));
  private static final String PLUGIN = "plugin/vtm-k8s-sync-sd.sh";
  private static final String SUITE = "src/test/plugin/plugin_test.sh";
  // A hang guard, not a speed limit: the suite takes about 2 s, and a loaded CI box must not fail
  // it.
  private static final long TIMEOUT_SECONDS = 300;

  @Test
  void plugin_passes_every_case_of_the_shell_suite_under_dash_and_bash(@TempDir Path tmp)
      throws Exception {
    assumeThat(onPath("bash")).as("bash is needed to run " + SUITE).isTrue();
    Path log = tmp.resolve("plugin_test.log");
    ProcessBuilder pb =
        new ProcessBuilder("bash", SUITE, PLUGIN)
            .directory(BASEDIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("TMPDIR", tmp.toString());

    Process process = pb.start();
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(finished)
        .as("%s did not finish within %d s; output so far:%n%s", SUITE, TIMEOUT_SECONDS, output)
        .isTrue();
    assertThat(process.exitValue())
        .as("exit status of 'bash %s %s'; output:%n%s", SUITE, PLUGIN, output)
        .isZero();
    assertThat(output).contains(" 0 failed");
  }

  /**
   * The contract between the file sink and the plugin's clock-free age check: what {@link
   * FileSink#heartbeat()} writes is fresh by its marker (no process started), under dash and bash.
   */
  @Test
  void a_heartbeat_from_the_file_sink_is_fresh_to_the_plugin_by_its_marker(@TempDir Path tmp)
      throws Exception {
    assumeThat(new File("/proc/self").exists()).as("the marker check needs Linux /proc").isTrue();
    FileSink sink = new FileSink(tmp, new SafeWritePolicy(SafeWritePolicy.EmptyPool.HOLD), false);
    sink.write(PoolPlan.of("web", "ns/web", Set.of(), List.of(Member.active("10.0.0.9", 30080))));
    sink.heartbeat();
    // Both dates 2 s back, as a few seconds into the period: the plugin wants /proc/$$ newer than
    // the heartbeat, which a heartbeat written in the jiffy the plugin starts is not.
    for (String name : List.of(FileSink.HEARTBEAT, FileSink.HEARTBEAT_MARKER)) {
      Path f = tmp.resolve(name);
      Files.setLastModifiedTime(
          f, FileTime.from(Files.getLastModifiedTime(f).toInstant().minusSeconds(2)));
    }
    String doc = Files.readString(tmp.resolve("web.json"), StandardCharsets.UTF_8);

    for (String shell : List.of("dash", "bash")) {
      if (!onPath(shell)) {
        continue;
      }
      Process p =
          new ProcessBuilder(shell, PLUGIN, "--pool=web", "--dir=" + tmp, "--verbose")
              .directory(BASEDIR.toFile())
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("%s exit status; stderr:%n%s", shell, err).isZero();
      assertThat(out).isEqualTo(doc + "\n");
      assertThat(err).as(shell).contains("is less than 60 s old (its marker)");
    }
  }

  @Test
  void plugin_is_a_posix_sh_script_without_bash_jq_or_network_tools() throws Exception {
    String script = Files.readString(BASEDIR.resolve(PLUGIN), StandardCharsets.UTF_8);

    assertThat(script).startsWith("#!/bin/sh\n");
    assertThat(script).contains("set -u");
    assertThat(script).doesNotContain("jq ", "python", "[[", "mktemp", "curl");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Paths.get(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
