package io.vtmsync.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a pool node string "host:port" where host is IPv4, a DNS name or a bracketed IPv6 literal.
 */
final class NodeAddress {
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern NUMERIC_NAME = Pattern.compile("[\\d.]+");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private NodeAddress() {}

  /** Returns why the node string is invalid, or empty when it is acceptable. */
  static Optional<String> problem(String node) {
    int colon = node.lastIndexOf(':');
    if (colon <= 0) {
      return Optional.of("expected host:port");
    }
    String host = node.substring(0, colon);
    String port = node.substring(colon + 1);
    if (!validPort(port)) {
      return Optional.of("port must be a number within 1-65535");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      return validIpv6(host.substring(1, host.length() - 1))
          ? Optional.empty()
          : Optional.of("invalid IPv6 address");
    }
    if (host.contains(":")) {
      // Open question 7 (section 14): the IPv6 form is unknown. The safer reading accepts only
      // "[addr]:port", because an unbracketed "2001:db8::1:80" is ambiguous about the port.
      return Optional.of("an IPv6 address must be written in brackets, e.g. [2001:db8::1]:80");
    }
    return validHost(host) ? Optional.empty() : Optional.of("invalid host name or IPv4 address");
  }

  private static boolean validPort(String port) {
    if (!PORT.matcher(port).matches()) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  private static boolean validHost(String host) {
    if (NUMERIC_NAME.matcher(host).matches()) {
      return IPV4.matcher(host).matches();
    }
    if (host.length() > 253) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean validIpv6(String literal) {
    if (!literal.contains(":") || !IPV6_CHARS.matcher(literal).matches()) {
      return false;
    }
    try {
      // With brackets and only hex/colon/dot characters the JDK parses a literal and never
      // resolves a name, so this stays offline and fast.
      return InetAddress.getByName("[" + literal + "]") != null;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
