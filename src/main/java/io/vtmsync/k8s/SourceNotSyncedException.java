package io.vtmsync.k8s;

/** The caches have not listed everything yet: planning now could empty pools, so it waits. */
public final class SourceNotSyncedException extends RuntimeException {
  public SourceNotSyncedException(String message) {
    super(message, null, false, false);
  }
}
