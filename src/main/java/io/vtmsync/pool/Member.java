package io.vtmsync.pool;

import java.util.Objects;

/**
 * One backend of a pool: an IP literal, a port, a state, and vTM's node weight and priority (facts
 * file section 6). Two members are equal only when all five agree, so a changed weight or priority
 * is a change the sinks write; {@link #compareTo} orders by address alone.
 *
 * @param weight relative share under vTM's weighted algorithms, 1..100 as vTM validates it; 1
 *     (vTM's default) unless a Service asks for another
 * @param priority vTM node priority, higher preferred while the pool has {@code priority_enabled};
 *     vTM accepts any int >= 0, and we cap it at 65535 (the range of the pool's own {@code
 *     priority_nodes}): ample for failover groups, and accepted by every release
 */
public record Member(String ip, int port, MemberState state, int weight, int priority)
    implements Comparable<Member> {

  /** vTM's default for both weight and priority; what a row without them means. */
  public static final int DEFAULT = 1;

  public static final int MIN_WEIGHT = 1;
  public static final int MAX_WEIGHT = 100;
  public static final int MAX_PRIORITY = 65535;

  public Member {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(state, "state");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range 1-65535: " + port);
    }
    if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("weight out of range 1-100: " + weight);
    }
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority out of range 0-65535: " + priority);
    }
  }

  /** A member with vTM's default weight and priority (1 and 1). */
  public Member(String ip, int port, MemberState state) {
    this(ip, port, state, DEFAULT, DEFAULT);
  }

  public static Member active(String ip, int port) {
    return new Member(ip, port, MemberState.ACTIVE);
  }

  public static Member draining(String ip, int port) {
    return new Member(ip, port, MemberState.DRAINING);
  }

  public Member withState(MemberState newState) {
    return new Member(ip, port, newState, weight, priority);
  }

  public Member withWeight(int newWeight) {
    return new Member(ip, port, state, newWeight, priority);
  }

  public Member withPriority(int newPriority) {
    return new Member(ip, port, state, weight, newPriority);
  }

  /** The address part as vTM writes it: IPv6 literals in brackets. */
  public String address() {
    String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
    return host + ":" + port;
  }

  /** Numeric order: by IP (IPv4 before IPv6), then port; nothing else takes part. */
  @Override
  public int compareTo(Member other) {
    int byIp = IpOrder.compare(ip, other.ip);
    return byIp != 0 ? byIp : Integer.compare(port, other.port);
  }
}
