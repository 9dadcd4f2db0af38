package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad start is one line on stderr and exit status 2, never a stack trace. */
class LauncherTest {

  @TempDir Path tmp;

  private String failedStart(String badKey) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Launcher.run(
            new String[] {
              "once",
              "--timeout=5",
              "--k8s.master-url=http://127.0.0.1:9",
              "--sink.file.directory=" + tmp,
              badKey
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(text).isEqualTo(2);
    assertThat(text.lines()).as(text).hasSize(1);
    return text.trim();
  }

  @Test
  void a_camel_key_in_a_group_camel_does_not_know_stops_the_start_naming_it() throws Exception {
    assertThat(failedStart("--camel.managment.port=9090"))
        .isEqualTo(
            "vtm-k8s-sync: unknown config key 'camel.managment.port': Camel Main binds no"
                + " camel.managment.* options and would ignore it (did you mean"
                + " camel.management?)");
  }

  @Test
  void an_option_camel_refuses_is_one_line_without_its_value() throws Exception {
    assertThat(failedStart("--camel.main.nmae=hunter2"))
        .isEqualTo(
            "vtm-k8s-sync: config key 'camel.main.nmae': Camel Main cannot bind it (no such"
                + " option; camel.main.autoConfigurationFailFast)");
  }

  @Test
  void a_typo_in_a_partial_config_file_stops_the_start_naming_it() throws Exception {
    Path file = tmp.resolve("partial.properties");
    java.nio.file.Files.writeString(file, "sync.debounce-msec = 50\n");
    assertThat(failedStart("--config=" + file))
        .startsWith("vtm-k8s-sync: unknown config key 'sync.debounce-msec'");
  }
}
