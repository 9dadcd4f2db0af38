package io.vtmsync.vtm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Names what went wrong when a request to one cluster got no usable answer, as a {@link VtmError}.
 */
final class TransportErrors {
  private final VtmClusterConfig config;

  TransportErrors(VtmClusterConfig config) {
    this.config = config;
  }

  /** The HTTP status of an answer abandoned for its size, else {@link VtmException#NO_STATUS}. */
  static int status(IOException e) {
    BoundedBody.TooLarge tooLarge = find(e, BoundedBody.TooLarge.class);
    return tooLarge == null ? VtmException.NO_STATUS : tooLarge.status();
  }

  /** Names the kind of transport failure; TLS trust problems are not worth retrying. */
  VtmError describe(String method, String path, IOException e) {
    SSLHandshakeException tls = find(e, SSLHandshakeException.class);
    if (tls != null) {
      return VtmError.of(
          "client.tls",
          "TLS handshake failed: the server certificate is not trusted or does not match the"
              + " host (set vtm."
              + config.name()
              + ".ca-file to its CA PEM, or insecure=true): "
              + tls.getMessage());
    }
    BoundedBody.TooLarge tooLarge = find(e, BoundedBody.TooLarge.class);
    if (tooLarge != null) {
      return VtmError.of(
          "client.too_large",
          "the answer to " + method + " " + path + " was abandoned: " + tooLarge.getMessage());
    }
    if (find(e, HttpTimeoutException.class) != null) {
      // Headers and body together: a body that trickles in forever times out as well.
      return VtmError.of(
          "client.timeout", "no answer within " + config.timeout().toMillis() + " ms");
    }
    if (e instanceof ConnectException) {
      String where = config.baseUrl().getRawAuthority();
      return VtmError.of("client.connection", "cannot connect to " + where + ": " + chain(e));
    }
    return VtmError.of("client.io", "connection failed: " + chain(e));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** "ConnectException <- ClosedChannelException": the JDK often leaves messages empty. */
  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    String previous = "";
    for (Throwable t = e; t != null && b.length() < 300; t = t.getCause()) {
      String part =
          t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      if (!part.equals(previous)) {
        b.append(b.length() == 0 ? "" : " <- ").append(part);
      }
      previous = part;
    }
    return b.toString();
  }
}
