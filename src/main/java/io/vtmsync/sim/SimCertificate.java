package io.vtmsync.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed EC P-256 certificate for 127.0.0.1/localhost, like the admin server's default
 * certificate (section 2), with the SSL contexts for the server and for clients that trust it.
 */
final class SimCertificate {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] STORE_PASSWORD = "vtm-sim".toCharArray();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private SimCertificate(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** EC keys take milliseconds to make, so every simulator gets its own key. */
  static SimCertificate create(String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair keyPair = generator.generateKeyPair();
      return new SimCertificate(keyPair, selfSign(keyPair, commonName));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create the simulator certificate", e);
    }
  }

  private static X509Certificate selfSign(KeyPair keyPair, String commonName)
      throws GeneralSecurityException, OperatorCreationException {
    X500Name subject = new X500Name("CN=" + commonName);
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, RANDOM).add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofMinutes(5))), // tolerate small clock skew
            Date.from(now.plus(Duration.ofDays(1))),
            subject,
            keyPair.getPublic());
    GeneralNames altNames =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            });
    try {
      builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      // CA:TRUE like `openssl req -x509` output, so tools that want a CA in their bundle accept it.
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      int usage = KeyUsage.digitalSignature | KeyUsage.keyCertSign;
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    } catch (org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException(e);
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  X509Certificate certificate() {
    return certificate;
  }

  String pem() {
    try {
      Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] {'\n'});
      String body = encoder.encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  Path writePem(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return Files.writeString(file, pem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SSLContext serverContext() {
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry(
          "sim", keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, RANDOM);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the server SSL context", e);
    }
  }

  /** A client context whose only trust anchor is this certificate. */
  SSLContext clientContext() {
    try {
      KeyStore store = emptyStore();
      store.setCertificateEntry("vtm-sim", certificate);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), RANDOM);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the client SSL context", e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
