package io.vtmsync.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts members numerically (IP, then port) parsing each IP once, not once per comparison, and
 * drops duplicates: the planner's hot path (see BENCHMARKS.md).
 *
 * <p>Of two members with one address the stronger state stays (active, then draining, then
 * disabled); for equal states the higher priority, then the higher weight. Both tie-breaks keep the
 * member that would take the most traffic, as the state rule does, and make the result independent
 * of input order.
 */
public final class Members {

  private record Keyed(Member member, byte[] ip) {}

  /** Among members of one address, the one to keep comes first. */
  private static final Comparator<Member> STRONGEST_FIRST =
      Comparator.comparing(Member::state)
          .thenComparing(Comparator.comparingInt(Member::priority).reversed())
          .thenComparing(Comparator.comparingInt(Member::weight).reversed());

  private static final Comparator<Keyed> ORDER =
      (a, b) -> {
        int byIp = IpOrder.compareParsed(a.ip, a.member.ip(), b.ip, b.member.ip());
        if (byIp != 0) {
          return byIp;
        }
        int byPort = Integer.compare(a.member.port(), b.member.port());
        return byPort != 0 ? byPort : STRONGEST_FIRST.compare(a.member, b.member);
      };

  private Members() {}

  /** Sorted numerically, without duplicates (of one address, the strongest member stays). */
  public static List<Member> sortedUnique(Collection<Member> members) {
    List<Keyed> keyed = new ArrayList<>(members.size());
    for (Member m : members) {
      keyed.add(new Keyed(m, IpOrder.parse(m.ip())));
    }
    keyed.sort(ORDER);
    List<Member> out = new ArrayList<>(keyed.size());
    Keyed last = null;
    for (Keyed k : keyed) {
      if (last == null || !sameAddress(last, k)) {
        out.add(k.member);
        last = k;
      }
    }
    return out;
  }

  private static boolean sameAddress(Keyed a, Keyed b) {
    return a.member.port() == b.member.port()
        && IpOrder.compareParsed(a.ip, a.member.ip(), b.ip, b.member.ip()) == 0;
  }
}
