package io.vtmsync.vtm;

/**
 * A failed call to one vTM cluster: what was asked, what came back, and whether trying again later
 * may help. The message is one log-ready line and never holds the password or the auth header.
 */
public final class VtmException extends RuntimeException {
  /** The status of failures that got no HTTP answer: refused, reset, timed out, TLS. */
  public static final int NO_STATUS = -1;

  private final String cluster;
  private final String method;
  private final String path;
  private final int status;
  private final VtmError error;
  private final boolean retryable;

  VtmException(
      String cluster,
      String method,
      String path,
      int status,
      VtmError error,
      boolean retryable,
      Throwable cause) {
    super(message(cluster, method, path, status, error, retryable), cause);
    this.cluster = cluster;
    this.method = method;
    this.path = path;
    this.status = status;
    this.error = error;
    this.retryable = retryable;
  }

  /**
   * 5xx and 429 (and 408) mean "not now"; other 4xx mean the request itself or the credentials are
   * wrong, so repeating it cannot help.
   */
  static boolean retryableStatus(int status) {
    return status >= 500 || status == 429 || status == 408;
  }

  public String cluster() {
    return cluster;
  }

  public String method() {
    return method;
  }

  /** The raw (URL-encoded) request path. */
  public String path() {
    return path;
  }

  /** The HTTP status, or {@link #NO_STATUS} when no answer came. */
  public int status() {
    return status;
  }

  /**
   * vTM's {@code error_id}, or a {@code client.*} id for failures found on this side; may be "".
   */
  public String errorId() {
    return error.errorId();
  }

  public String errorText() {
    return error.errorText();
  }

  /** {@code error_info} flattened, e.g. "basic.nodes_table.10.1.1.1:80.weight: num... "; or "". */
  public String errorInfo() {
    return error.errorInfo();
  }

  public boolean retryable() {
    return retryable;
  }

  private static String message(
      String cluster, String method, String path, int status, VtmError error, boolean retryable) {
    StringBuilder b = new StringBuilder("vtm ").append(cluster).append(": ");
    b.append(method).append(' ').append(path).append(" -> ");
    b.append(status == NO_STATUS ? "no HTTP answer" : "HTTP " + status);
    if (!error.errorId().isEmpty()) {
      b.append(' ').append(error.errorId());
    }
    if (!error.errorText().isEmpty()) {
      b.append(": ").append(error.errorText());
    }
    if (!error.errorInfo().isEmpty()) {
      b.append(" [").append(error.errorInfo()).append(']');
    }
    return b.append(retryable ? " (retryable)" : " (not retryable)").toString();
  }
}
