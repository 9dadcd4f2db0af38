package io.vtmsync.pool;

/** A Service that cannot be planned, with the plugin result code that says why. */
public final class PlanException extends RuntimeException {

  private final int code;

  public PlanException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
