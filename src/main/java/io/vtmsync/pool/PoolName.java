package io.vtmsync.pool;

import java.util.regex.Pattern;

/**
 * Pool names that are safe everywhere we use them: as a vTM pool name, in a REST path and as a file
 * name in the Service Discovery directory. No name can reach outside that directory.
 */
public final class PoolName {

  private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$");

  private PoolName() {}

  public static boolean isValid(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }

  /** Returns the name, or throws with a message that says what a valid name looks like. */
  public static String require(String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(problem(name));
    }
    return name;
  }

  /** What is wrong with an invalid name, and what a valid one looks like. */
  public static String problem(String name) {
    return "invalid pool name '"
        + name
        + "': use 1-200 characters from A-Z a-z 0-9 . _ -, not starting with '.' or '-',"
        + " without '..'";
  }

  /** The default pool name of a Service port: {@code <namespace>-<service>-<port name|number>}. */
  public static String derive(String namespace, String service, String port) {
    return namespace + "-" + service + "-" + port;
  }
}
