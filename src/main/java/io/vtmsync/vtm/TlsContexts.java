package io.vtmsync.vtm;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the SSLContext of a cluster: the JVM's trust by default, the certificates of a PEM file
 * when ca-file is set (vTM's admin certificate is self-signed by default, section 2), or trust-all
 * when insecure is set.
 */
final class TlsContexts {
  private TlsContexts() {}

  static SSLContext forConfig(VtmClusterConfig config) {
    try {
      if (config.insecure()) {
        return context(new TrustManager[] {new TrustAll()});
      }
      if (config.caFile().isPresent()) {
        return trusting(config.name(), config.caFile().get());
      }
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM offers no TLS", e);
    }
  }

  private static SSLContext trusting(String cluster, Path pem) {
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
      return context(factory.getTrustManagers());
    } catch (IOException | GeneralSecurityException e) {
      throw ClusterConfigRules.fail(cluster, "ca-file", pem, "cannot load it: " + e.getMessage());
    }
  }

  private static SSLContext context(TrustManager[] trust) throws NoSuchAlgorithmException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust, null);
      return context;
    } catch (java.security.KeyManagementException e) {
      throw new IllegalStateException("cannot set up TLS", e);
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
