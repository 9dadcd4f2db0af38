package io.vtmsync.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Service Discovery plugin's cost per run, against a bare {@code cat} of the same pool file
 * (vTM runs the plugin every 10 s for every pool): {@code bench/plugin-cost.sh} under {@code
 * /bin/sh} with the heartbeat marker the file sink writes, without it (the exact age check, as with
 * the REST upload), and under bash.
 */
final class PluginPart implements BenchPart {

  private static final Path SCRIPT = Path.of("bench/plugin-cost.sh");

  @Override
  public String name() {
    return "plugin";
  }

  @Override
  public String run(boolean quick) throws Exception {
    int runs = quick ? 50 : 200;
    int rounds = quick ? 3 : 10;
    String sh = shellName();
    List<String> rows = new ArrayList<>();
    rows.add(row(runs, rounds, "`sh` (" + sh + "), heartbeat with its marker (file sink)"));
    rows.add(row(runs, rounds, "`sh` (" + sh + "), no marker: the exact check", "-x"));
    if (onPath("bash")) {
      rows.add(row(runs, rounds, "`bash`, heartbeat with its marker", "-s", "bash"));
    }
    return """
        `bench/plugin-cost.sh`: `plugin/vtm-k8s-sync-sd.sh --pool=web --dir=DIR` against `cat \
        DIR/web.json`, a 50-member pool file as the file sink writes it (1,684 bytes, one line) \
        and a heartbeat 1 s old. %d rounds of %d runs each, plugin and cat in turn, each loop \
        driven by a small `dash -c 'while ...'` and timed by bash's `time` (user + system time \
        with every child, so the loop's fork per run is in both figures). Per run: the medians, \
        and the per-round ratio plugin / cat (min, median, max). Target (issue 11): at most 1.5 \
        times `cat` in CPU on the file sink's hot path.

        | case | plugin CPU | cat CPU | CPU ratio min | median | max | plugin wall | cat wall \
        | wall ratio | load before, after |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---|
        %s

        %s
        """
        .formatted(rounds, runs, String.join("\n", rows), Machine.describe());
  }

  /** One table row from the script, for the case named {@code label}. */
  private static String row(int runs, int rounds, String label, String... options)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    cmd.addAll(List.of("-n", String.valueOf(runs), "-r", String.valueOf(rounds), "-l", label));
    cmd.addAll(List.of(options));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !out.startsWith("| ")) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }

  /** What {@code /bin/sh} is here (vTM runs the plugin by its {@code #!/bin/sh}). */
  private static String shellName() {
    try {
      return Path.of("/bin/sh").toRealPath().getFileName().toString();
    } catch (Exception e) {
      return "?";
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
