package io.vtmsync.vtm;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Names what went wrong when a request to one cluster got no usable answer (the exception the
 * route's camel-http endpoint raised), as a {@link VtmException}: TLS trust problems and an
 * unreadable password are not worth retrying, everything else is.
 */
final class TransportErrors {
  private final VtmClusterConfig config;

  TransportErrors(VtmClusterConfig config) {
    this.config = config;
  }

  VtmException exception(VtmRequest request, Exception e) {
    VtmError error = describe(request, e);
    try {
      error = error.redact(config.password().read(config.name()));
    } catch (IllegalStateException unreadable) {
      // nothing to hide then
    }
    boolean retryable =
        !error.errorId().equals("client.tls") && !error.errorId().equals("client.password");
    return new VtmException(
        config.name(), request.method(), request.path(), status(e), error, retryable, e);
  }

  /** The HTTP status of an answer abandoned for its size, else {@link VtmException#NO_STATUS}. */
  private static int status(Exception e) {
    BoundedEntity.TooLarge tooLarge = find(e, BoundedEntity.TooLarge.class);
    return tooLarge == null ? VtmException.NO_STATUS : tooLarge.status();
  }

  private VtmError describe(VtmRequest request, Exception e) {
    if (find(e, ClusterHttp.PasswordUnreadable.class) != null) {
      return VtmError.of(
          "client.password", find(e, ClusterHttp.PasswordUnreadable.class).getMessage());
    }
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      return VtmError.of(
          "client.tls",
          "TLS handshake failed: the server certificate is not trusted or does not match the"
              + " host (set vtm."
              + config.name()
              + ".ca-file to its CA PEM, or insecure=true): "
              + tls.getMessage());
    }
    BoundedEntity.TooLarge tooLarge = find(e, BoundedEntity.TooLarge.class);
    if (tooLarge != null) {
      return VtmError.of(
          "client.too_large",
          "the answer to " + request + " was abandoned: " + tooLarge.getMessage());
    }
    if (find(e, BoundedEntity.TooSlow.class) != null
        || find(e, SocketTimeoutException.class) != null
        || find(e, InterruptedIOException.class) != null) {
      // Headers and body together: a body that trickles in forever times out as well.
      return VtmError.of(
          "client.timeout", "no answer within " + config.timeout().toMillis() + " ms");
    }
    if (find(e, ConnectException.class) != null) {
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
