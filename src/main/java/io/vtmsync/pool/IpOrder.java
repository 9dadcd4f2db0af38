package io.vtmsync.pool;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Parses and orders IP literals numerically, so that 10.0.0.9 sorts before 10.0.0.10 (the original
 * plugin sorted them as text). Never resolves names: only literals are accepted. Parsing is on the
 * planner's hot path (see BENCHMARKS.md), hence the hand-written IPv4 scanner.
 */
public final class IpOrder {

  private IpOrder() {}

  /** True for an IPv4 or IPv6 literal (no brackets, no zone). */
  public static boolean isLiteral(String ip) {
    return parse(ip) != null;
  }

  /** The address bytes: 4 for IPv4, 16 for IPv6; throws for anything that is not a literal. */
  public static byte[] bytes(String ip) {
    byte[] b = parse(ip);
    if (b == null) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    return b;
  }

  /** The address bytes, or null when {@code ip} is not a literal. */
  public static byte[] parse(String ip) {
    if (ip == null || ip.isEmpty()) {
      return null;
    }
    byte[] v4 = parseV4(ip);
    return v4 != null ? v4 : parseV6(ip);
  }

  /** Numeric for literals; a name (an admin may put one in a vTM node table) sorts after them. */
  public static int compare(String a, String b) {
    return compareParsed(parse(a), a, parse(b), b);
  }

  /** {@link #compare} on already parsed addresses (null for a name). */
  static int compareParsed(byte[] x, String a, byte[] y, String b) {
    if (x == null || y == null) {
      return x != y ? (x != null ? -1 : 1) : a.compareTo(b);
    }
    if (x.length != y.length) {
      return Integer.compare(x.length, y.length);
    }
    return Arrays.compareUnsigned(x, y);
  }

  /** Dotted quad, each part 0-255 without leading zeros (as the old pattern required). */
  private static byte[] parseV4(String ip) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= ip.length(); i++) {
      char c = i < ip.length() ? ip.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return null; // leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (++digits > 3 || value > 255) {
          return null;
        }
      } else if (c == '.' && digits > 0 && part < 4) {
        out[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else {
        return null;
      }
    }
    return part == 4 ? out : null;
  }

  private static byte[] parseV6(String ip) {
    // InetAddress only parses (never resolves) a string made of hex digits, colons and dots that
    // starts with a hex digit or a colon; one starting with a dot (".1::") goes to the resolver.
    if (ip.indexOf(':') < 0 || ip.charAt(0) == '.') {
      return null;
    }
    for (int i = 0; i < ip.length(); i++) {
      char c = ip.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return null;
      }
    }
    try {
      byte[] raw = InetAddress.getByName(ip).getAddress();
      return raw.length == 16 ? raw : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
