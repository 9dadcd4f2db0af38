package io.vtmsync.pool;

import java.util.Objects;

/** One backend of a pool: an IP literal, a port and a state. */
public record Member(String ip, int port, MemberState state) implements Comparable<Member> {

  public Member {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(state, "state");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1-65535: " + port);
    }
  }

  public static Member active(String ip, int port) {
    return new Member(ip, port, MemberState.ACTIVE);
  }

  public static Member draining(String ip, int port) {
    return new Member(ip, port, MemberState.DRAINING);
  }

  /** The address part as vTM writes it: IPv6 literals in brackets. */
  public String address() {
    String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
    return host + ":" + port;
  }

  /** Numeric order: by IP (IPv4 before IPv6), then port; state does not take part. */
  @Override
  public int compareTo(Member other) {
    int byIp = IpOrder.compare(ip, other.ip);
    return byIp != 0 ? byIp : Integer.compare(port, other.port);
  }
}
