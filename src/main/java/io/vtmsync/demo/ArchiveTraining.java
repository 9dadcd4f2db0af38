package io.vtmsync.demo;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.App;
import io.vtmsync.sim.VtmSimulator;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The build's training run for the class-data-sharing archives that {@code bin/vtm-k8s-sync} starts
 * the jar with: hosts the demo's cluster (embedded API server, one simulated vTM cluster) and runs
 * the real commands through the launcher with {@code VTM_K8S_SYNC_CDS=dump}: {@code render} with a
 * kubeconfig, then {@code run} until its first sync and a SIGTERM. Each JVM writes the archive of
 * the classes it loaded as it exits. A failed training leaves no archive and only says so: the
 * launcher works without one.
 */
public final class ArchiveTraining {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters: [{name: demo, cluster: {server: "%s"}}]
      users: [{name: demo, user: {token: training}}]
      contexts: [{name: demo, context: {cluster: demo, user: demo}}]
      current-context: demo
      """;

  private ArchiveTraining() {}

  /** {@code ArchiveTraining LAUNCHER JAR DIR}: scratch files (logs, kubeconfig) go to DIR. */
  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path jar = Path.of(args[1]).toAbsolutePath();
    try {
      train(launcher, jar, Files.createDirectories(Path.of(args[2]).toAbsolutePath()));
    } catch (Exception e) { // no sh, no loopback port...: the build goes on without archives
      System.out.println("vtm-k8s-sync: no class-data-sharing archives: " + e);
      for (String command : List.of("render", "run")) {
        Files.deleteIfExists(archive(jar, command));
      }
    }
    System.exit(0);
  }

  private static void train(Path launcher, Path jar, Path dir) throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client();
        DemoClusters vtm = DemoClusters.start(dir.resolve("vtm"), "east")) {
      ClusterScript cluster = demoNodes(client);
      cluster.scale(Demo.NS, Demo.SVC, Demo.seed(client, cluster));
      Path kubeconfig =
          Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG.formatted(kube.url()));
      List<String> render =
          List.of("render", "--service=" + Demo.NS + "/" + Demo.SVC, "--kubeconfig=" + kubeconfig);
      // Side by side: each spends much of its time waiting on the other's fixtures or on I/O.
      Process p = start(launcher, jar, render, dir.resolve("render.log"));
      check("run", firstSync(launcher, jar, kube, vtm, dir), jar);
      check("render", p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, jar);
    }
  }

  /** The demo's three nodes. */
  static ClusterScript demoNodes(KubernetesClient client) {
    ClusterScript cluster = new ClusterScript(client);
    cluster.addNode("node-1", "10.0.0.9");
    cluster.addNode("node-2", "10.0.0.10");
    cluster.addNode("node-3", "10.0.0.11");
    return cluster;
  }

  /** {@code run} as the startup benchmark starts it, until the pool is on the vTM cluster. */
  private static boolean firstSync(
      Path launcher, Path jar, EmbeddedKubernetes kube, DemoClusters vtm, Path dir)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    App.Options o =
        vtm.configure(
            App.Options.defaults()
                .with("camel.management.port", String.valueOf(port))
                .with("k8s.master-url", kube.url())
                .with("sink.file.directory", dir.resolve("pools").toString())
                .with("sync.services", Demo.NS + "/" + Demo.SVC));
    List<String> run = new ArrayList<>(List.of("run"));
    o.overrides().forEach((k, v) -> run.add("--" + k + "=" + v));
    Process p = start(launcher, jar, run, dir.resolve("run.log"));
    VtmSimulator sim = vtm.sims().get(0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sim.pool(Demo.POOL).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean synced = sim.pool(Demo.POOL).isPresent();
    p.destroy(); // SIGTERM: Camel stops, the JVM exits and writes the archive
    return p.waitFor(60, TimeUnit.SECONDS) && synced;
  }

  private static Process start(Path launcher, Path jar, List<String> args, Path log)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", launcher.toString()));
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("LOG_LEVEL"); // train on what a user runs, not the build's quiet
    pb.environment().put("VTM_K8S_SYNC_CDS", "dump");
    // Which classes load does not depend on the compiler or collector; C1 alone and the serial
    // collector take a third less CPU from the build.
    pb.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    pb.environment().put("VTM_K8S_SYNC_JAR", jar.toString());
    // The archive fits only the JVM that wrote it: the one running this build.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return pb.start();
  }

  /** Where the launcher looks for a command's archive: beside the jar. */
  private static Path archive(Path jar, String command) {
    return jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-" + command + ".jsa"));
  }

  private static void check(String command, boolean ok, Path jar) throws Exception {
    Path jsa = archive(jar, command);
    if (!ok || !Files.isRegularFile(jsa)) {
      Files.deleteIfExists(jsa);
      System.out.println(
          "vtm-k8s-sync: no class-data-sharing archive for "
              + command
              + " (its training run failed; see its log); the launcher runs without one");
    }
  }
}
