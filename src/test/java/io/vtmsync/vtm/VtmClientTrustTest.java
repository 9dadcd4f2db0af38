package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** TLS trust and password sources, against real simulators. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtmClientTrustTest {
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

  private VtmClusterConfig eastWithDefaultTrust() {
    return SimClusters.config(east, dir).withCaFile(null);
  }

  @Test
  void default_jvm_trust_rejects_the_self_signed_certificate_with_a_tls_message() {
    VtmException e =
        catchThrowableOfType(VtmException.class, new VtmClient(eastWithDefaultTrust())::negotiate);

    assertThat(e.errorId()).isEqualTo("client.tls");
    assertThat(e.status()).isEqualTo(VtmException.NO_STATUS);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("TLS", "certificate", "vtm.east.ca-file");
  }

  @Test
  void ca_file_written_by_the_simulator_is_trusted() {
    assertThat(SimClusters.client(east, dir).negotiate()).hasToString("8.3");
  }

  @Test
  void ca_file_with_several_certificates_trusts_each_of_them() {
    Path bundle = dir.resolve("bundle.pem");
    SimClusters.write(bundle, west.caPem() + "\n" + east.caPem());

    assertThat(new VtmClient(SimClusters.config(east, dir).withCaFile(bundle)).listPools())
        .isEmpty();
    assertThat(new VtmClient(SimClusters.config(west, dir).withCaFile(bundle)).listPools())
        .isEmpty();
  }

  @Test
  void ca_file_of_another_cluster_is_not_trusted() {
    VtmClusterConfig wrongCa = SimClusters.config(east, dir).withCaFile(west.writeCaPem(dir));

    VtmException e = catchThrowableOfType(VtmException.class, new VtmClient(wrongCa)::negotiate);

    assertThat(e.errorId()).isEqualTo("client.tls");
  }

  @Test
  void ca_file_without_certificates_is_refused_when_the_client_is_built() {
    Path empty = dir.resolve("empty.pem");
    SimClusters.write(empty, "not a certificate\n");

    assertThatThrownBy(() -> new VtmClient(SimClusters.config(east, dir).withCaFile(empty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config key vtm.east.ca-file='" + empty + "': ");
  }

  @Test
  void insecure_works_and_warns_once_naming_the_cluster() {
    try (LogCapture logs = new LogCapture(VtmClient.class.getName())) {
      VtmClient insecure = new VtmClient(eastWithDefaultTrust().withInsecure(true));
      insecure.negotiate();
      insecure.listPools();
      insecure.invalidate();
      insecure.getPool("any");

      assertThat(logs.lines())
          .filteredOn(line -> line.startsWith("WARN"))
          .singleElement()
          .asString()
          .contains("vtm east", "vtm.east.insecure=true");
    }
  }

  @Test
  void password_file_is_read_again_after_it_changes() {
    VtmClusterConfig config = SimClusters.config(west, dir);
    Path file = ((PasswordSource.File) config.password()).path();
    VtmClient client = new VtmClient(config);
    assertThat(client.negotiate()).isNotNull();

    SimClusters.write(file, "rotated-elsewhere\n");
    VtmException e = catchThrowableOfType(VtmException.class, client::listPools);
    assertThat(e.status()).isEqualTo(401);

    SimClusters.write(file, west.password());
    assertThat(client.listPools()).isNotNull();
  }

  @Test
  void unset_password_env_fails_naming_the_variable_without_calling_vtm() {
    String variable = "VTM_SYNC_TEST_SURELY_UNSET_4711";
    VtmClusterConfig config =
        VtmClusterConfig.of("east", east.baseUrl(), "admin", new PasswordSource.Env(variable))
            .withCaFile(east.writeCaPem(dir));
    long before = east.requests().size();

    VtmException e = catchThrowableOfType(VtmException.class, new VtmClient(config)::negotiate);

    assertThat(e.errorId()).isEqualTo("client.password");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("environment variable " + variable + " is not set");
    assertThat(east.requests()).hasSize((int) before);
  }

  @Test
  void password_env_is_read_from_the_environment() {
    Map.Entry<String, String> any =
        System.getenv().entrySet().stream()
            .filter(v -> !v.getValue().isEmpty() && v.getKey().matches("[A-Z_]+"))
            .findFirst()
            .orElseThrow();
    VtmSimulator.Options options =
        VtmSimulator.Options.defaults("env-password").withPassword(any.getValue());
    try (VtmSimulator sim = VtmSimulator.start(options)) {
      VtmClusterConfig config =
          VtmClusterConfig.of(
                  "env-password", sim.baseUrl(), "admin", new PasswordSource.Env(any.getKey()))
              .withCaFile(sim.writeCaPem(dir));

      assertThat(new VtmClient(config).negotiate()).hasToString("8.3");
    }
  }
}
