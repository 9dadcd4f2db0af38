package io.vtmsync.app;

import java.util.ArrayList;
import java.util.List;

/** One line for a failed Kubernetes request in render's error document. */
final class Failures {

  private Failures() {}

  /**
   * fabric8's message says what failed; its causes say why: the deepest one with a message (Vert.x:
   * "ConnectException: Connection refused"), else the chain of types, as the JDK client's causes
   * carry none ("IOException: ConnectException: ClosedChannelException").
   */
  static String describe(Exception e) {
    String what =
        e.getMessage() == null ? "request failed" : e.getMessage().lines().findFirst().orElse("");
    String why = "";
    List<String> types = new ArrayList<>();
    for (Throwable c = e.getCause(); c != null && types.size() < 8; c = c.getCause()) {
      types.add(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        why = c.getClass().getSimpleName() + ": " + c.getMessage();
      }
      if (c.getCause() == c) {
        break;
      }
    }
    if (why.isEmpty() && !types.isEmpty()) {
      why = String.join(": ", types);
    }
    return what.trim() + (why.isEmpty() ? "" : " (" + why + ")");
  }
}
