package io.vtmsync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium for browser tests: used when installed, installed with apt-get when
 * missing and the build runs as root (CI reaches Debian's mirrors), else the test is skipped with
 * the reason. The page runs for real: its script fetches, renders, and the DOM is read back.
 */
public final class Chromium {

  public static final Path BINARY = Path.of("/usr/bin/chromium");

  // Chromium otherwise phones home (updates, sync, field trials): refused here, and slow.
  private static final List<String> QUIET =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--hide-scrollbars");

  private static String unavailable;
  private static boolean checked;

  private final Path profile;

  private Chromium(Path profile) {
    this.profile = profile;
  }

  /** A browser with a fresh profile under {@code tmp}, or the test is skipped saying why. */
  public static Chromium require(Path tmp) throws Exception {
    String why = ensureInstalled();
    Assumptions.assumeTrue(why == null, () -> "browser test skipped: " + why);
    return new Chromium(Files.createDirectories(tmp.resolve("chromium-profile")));
  }

  /** The DOM once the page's scripts have run for {@code budgetMs} of virtual time. */
  public String dumpDom(String url, int budgetMs) throws Exception {
    return run(List.of("--virtual-time-budget=" + budgetMs, "--dump-dom", url));
  }

  /** A PNG of the page at that window size, after {@code budgetMs} of virtual time. */
  public void screenshot(String url, Path png, int width, int height, int budgetMs)
      throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        List.of(
            "--virtual-time-budget=" + budgetMs,
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            url));
  }

  private String run(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(BINARY.toString());
    cmd.addAll(QUIET);
    cmd.add("--user-data-dir=" + profile);
    cmd.addAll(args);
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".log");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "chromium failed: " + String.join(" ", cmd) + "\n" + Files.readString(err));
    }
    return Files.readString(out);
  }

  /** Null when Chromium is there (installing it if it can), else why not; tried once per JVM. */
  private static synchronized String ensureInstalled() {
    if (!checked) {
      checked = true;
      unavailable = Files.isExecutable(BINARY) ? null : install();
    }
    return unavailable;
  }

  private static String install() {
    try {
      if (!"0".equals(output("id", "-u").trim())) {
        return BINARY
            + " is missing and this build is not root, so it cannot run"
            + " 'apt-get install -y chromium' (install Debian's chromium package to run it)";
      }
      Path log = Path.of("target", "chromium-install.log");
      Files.createDirectories(log.getParent());
      // The package lists may be stale or absent on a fresh machine: update once, then retry.
      if (apt(log, "install", "-y", "chromium") != 0) {
        apt(log, "update");
        apt(log, "install", "-y", "chromium");
      }
      return Files.isExecutable(BINARY)
          ? null
          : "'apt-get install -y chromium' did not install " + BINARY + " (see " + log + ")";
    } catch (IOException | InterruptedException e) {
      return "cannot install Chromium: " + e;
    }
  }

  private static int apt(Path log, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("apt-get", "-q", "-o", "DPkg::Lock::Timeout=300"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  private static String output(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
