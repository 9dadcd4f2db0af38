package io.vtmsync.pool;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses and orders IP literals numerically, so that 10.0.0.9 sorts before 10.0.0.10 (the original
 * plugin sorted them as text). Never resolves names: only literals are accepted.
 */
public final class IpOrder {

  private static final Pattern IPV4 =
      Pattern.compile(
          "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
  private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

  private IpOrder() {}

  /** True for an IPv4 or IPv6 literal (no brackets, no zone). */
  public static boolean isLiteral(String ip) {
    return ip != null && (IPV4.matcher(ip).matches() || parseV6(ip) != null);
  }

  /** The address bytes: 4 for IPv4, 16 for IPv6; throws for anything that is not a literal. */
  public static byte[] bytes(String ip) {
    if (ip != null && IPV4.matcher(ip).matches()) {
      String[] parts = ip.split("\\.");
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        out[i] = (byte) Integer.parseInt(parts[i]);
      }
      return out;
    }
    byte[] v6 = parseV6(ip);
    if (v6 == null) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    return v6;
  }

  /** Numeric for literals; a name (an admin may put one in a vTM node table) sorts after them. */
  public static int compare(String a, String b) {
    boolean la = isLiteral(a);
    boolean lb = isLiteral(b);
    if (!la || !lb) {
      return la != lb ? (la ? -1 : 1) : a.compareTo(b);
    }
    byte[] x = bytes(a);
    byte[] y = bytes(b);
    if (x.length != y.length) {
      return Integer.compare(x.length, y.length);
    }
    return java.util.Arrays.compareUnsigned(x, y);
  }

  private static byte[] parseV6(String ip) {
    // InetAddress only parses (never resolves) a string made of hex digits, colons and dots that
    // starts with a hex digit or a colon; one starting with a dot (".1::") goes to the resolver.
    if (ip == null
        || ip.indexOf(':') < 0
        || ip.startsWith(".")
        || !IPV6_CHARS.matcher(ip).matches()) {
      return null;
    }
    try {
      byte[] raw = InetAddress.getByName(ip).getAddress();
      return raw.length == 16 ? raw : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
