package io.vtmsync.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

  private static SSLContext trusting(String pem) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", certificate(pem));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }

  private static X509Certificate certificate(String pem) throws Exception {
    byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(bytes));
  }

  @Test
  void client_without_trust_fails_the_handshake() throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("tls-a"))) {
      SimClient client = new SimClient(sim, SSLContext.getDefault());

      assertThatThrownBy(() -> client.get("/api/tm/")).isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void client_trusting_ca_pem_succeeds_and_another_sims_pem_does_not() throws Exception {
    try (VtmSimulator a = VtmSimulator.start(VtmSimulator.Options.defaults("tls-b"));
        VtmSimulator b = VtmSimulator.start(VtmSimulator.Options.defaults("tls-c"))) {
      assertThat(new SimClient(a, trusting(a.caPem())).get("/api/tm/").statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> new SimClient(a, trusting(b.caPem())).get("/api/tm/"))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void certificate_names_the_simulator_and_covers_loopback(@TempDir Path dir) throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("tls-d"))) {
      Path written = sim.writeCaPem(dir);
      X509Certificate cert = certificate(Files.readString(written));

      assertThat(written.getFileName().toString()).isEqualTo("tls-d-ca.pem");
      assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=vtm-sim-tls-d");
      List<Object> altNames =
          cert.getSubjectAlternativeNames().stream().map(entry -> (Object) entry.get(1)).toList();
      assertThat(altNames).containsExactlyInAnyOrder("127.0.0.1", "localhost");
      long validMillis = cert.getNotAfter().getTime() - cert.getNotBefore().getTime();
      assertThat(validMillis).isLessThanOrEqualTo(25L * 3600 * 1000);
    }
  }
}
