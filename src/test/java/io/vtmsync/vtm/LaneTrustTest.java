package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.testing.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** TLS trust of a lane's camel-http endpoint, against real simulators. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaneTrustTest {
  private VtmSimulator east;
  private VtmSimulator west;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path tempDir) {
    dir = tempDir;
    east = VtmSimulator.start(VtmSimulator.Options.defaults("east"));
    west = VtmSimulator.start(VtmSimulator.Options.defaults("west"));
  }

  @AfterAll
  void stop() {
    east.close();
    west.close();
  }

  /** What the version request of a lane on sim with this config comes to. */
  private Object version(VtmSimulator sim, UnaryOperator<VtmClusterConfig> tweak) throws Exception {
    try (LaneHarness lane = LaneHarness.start(sim, dir, tweak)) {
      return lane.call(VtmApi::version);
    } catch (VtmException e) {
      return e;
    }
  }

  private VtmException refused(VtmSimulator sim, UnaryOperator<VtmClusterConfig> tweak)
      throws Exception {
    Object outcome = version(sim, tweak);
    assertThat(outcome).isInstanceOf(VtmException.class);
    return (VtmException) outcome;
  }

  /** A name of this machine other than localhost that resolves to 127.0.0.1, if it has one. */
  private static Optional<String> loopbackAlias() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      boolean loopback = InetAddress.getByName(host).getHostAddress().equals("127.0.0.1");
      return loopback && !host.equalsIgnoreCase("localhost") ? Optional.of(host) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Test
  void default_jvm_trust_rejects_the_self_signed_certificate_with_a_tls_message() throws Exception {
    VtmException e = refused(east, c -> c.withCaFile(null));

    assertThat(e.errorId()).isEqualTo("client.tls");
    assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("TLS", "certificate", "vtm.east.ca-file");
  }

  @Test
  void ca_file_written_by_the_simulator_is_trusted() throws Exception {
    assertThat(version(east, c -> c)).hasToString("8.3");
  }

  @Test
  void ca_file_with_several_certificates_trusts_each_of_them() throws Exception {
    Path bundle = dir.resolve("bundle.pem");
    LaneHarness.write(bundle, west.caPem() + "\n" + east.caPem());

    for (VtmSimulator sim : List.of(east, west)) {
      try (LaneHarness lane = LaneHarness.start(sim, dir, c -> c.withCaFile(bundle))) {
        List<String> pools = lane.call(VtmApi::listPools);
        assertThat(pools).isEmpty();
      }
    }
  }

  @Test
  void ca_file_of_another_cluster_is_not_trusted() throws Exception {
    VtmException e = refused(east, c -> c.withCaFile(west.writeCaPem(dir)));

    assertThat(e.errorId()).isEqualTo("client.tls");
  }

  @Test
  void ca_file_without_certificates_is_refused_when_the_lane_is_set_up() {
    Path empty = dir.resolve("empty.pem");
    LaneHarness.write(empty, "not a certificate\n");

    assertThatThrownBy(() -> LaneHarness.start(east, dir, c -> c.withCaFile(empty)).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config key vtm.east.ca-file='" + empty + "': ");
  }

  @Test
  void a_trusted_certificate_issued_for_another_host_name_is_refused() throws Exception {
    Optional<String> alias = loopbackAlias();
    assumeTrue(alias.isPresent(), "this machine has no other name for 127.0.0.1");

    VtmException e = refused(east, c -> LaneFixtures.atHost(c, alias.get()));

    assertThat(e.errorId()).isEqualTo("client.tls");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void insecure_trusts_any_certificate_without_a_host_name_check() throws Exception {
    Optional<String> alias = loopbackAlias();
    assumeTrue(alias.isPresent(), "this machine has no other name for 127.0.0.1");

    Object version =
        version(east, c -> LaneFixtures.atHost(c.withCaFile(null).withInsecure(true), alias.get()));

    assertThat(version).hasToString("8.3");
  }

  @Test
  void insecure_requests_log_no_warning_of_their_own_the_start_warns_once() throws Exception {
    try (LogCapture logs = new LogCapture("io.vtmsync");
        LaneHarness insecure =
            LaneHarness.start(east, dir, c -> c.withCaFile(null).withInsecure(true))) {
      insecure.call(VtmApi::version);
      insecure.call(VtmApi::listPools);
      insecure.call(api -> api.getPool("any"));

      // The one WARN naming the cluster is VtmLanes' at start (see io.vtmsync.app.VtmLanesTest).
      assertThat(logs.lines()).noneMatch(line -> line.startsWith("WARN"));
    }
  }
}
