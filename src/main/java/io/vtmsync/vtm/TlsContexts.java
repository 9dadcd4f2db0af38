package io.vtmsync.vtm;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

/**
 * The TLS of a cluster's camel-http endpoint, as Camel {@link SSLContextParameters}: the JVM's
 * trust by default, the certificates of a PEM file when ca-file is set (vTM's admin certificate is
 * self-signed by default, section 2), or trust-all without a host name check when insecure is set.
 * The PEM is read by hand because Java key stores do not take PEM files.
 */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContextParameters parameters(VtmClusterConfig config) {
    SSLContextParameters parameters = new SSLContextParameters();
    TrustManager trust =
        config.insecure()
            ? new TrustAll()
            : config.caFile().map(pem -> trusting(config.name(), pem)).orElse(null);
    if (trust != null) {
      TrustManagersParameters managers = new TrustManagersParameters();
      managers.setTrustManager(trust);
      parameters.setTrustManagers(managers);
    }
    return parameters;
  }

  static HostnameVerifier hostnames(VtmClusterConfig config) {
    return config.insecure() ? NoopHostnameVerifier.INSTANCE : new DefaultHostnameVerifier();
  }

  private static TrustManager trusting(String cluster, Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      // generateCertificates reads every PEM block, so a bundle with intermediates works too.
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw ClusterConfigRules.fail(cluster, "ca-file", pem, "holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : certs) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers()[0];
    } catch (IOException | GeneralSecurityException e) {
      throw ClusterConfigRules.fail(cluster, "ca-file", pem, "cannot load it: " + e.getMessage());
    }
  }

  /**
   * Accepts any certificate. It must be an X509ExtendedTrustManager: the JDK wraps a plain
   * X509TrustManager and then checks the host name itself, which insecure mode must skip.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
