package io.vtmsync.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changes between two member lists: added, removed, and members whose state, weight or
 * priority changed (a weight change is written like a state change, so it is reported like one).
 *
 * @param changed the changed members as they are now
 * @param was the same members as they were before, index for index with {@code changed}
 */
public record PoolDiff(
    List<Member> added, List<Member> removed, List<Member> changed, List<Member> was) {

  public static PoolDiff between(List<Member> before, List<Member> after) {
    Map<String, Member> old = new HashMap<>();
    before.forEach(m -> old.put(m.address(), m));
    List<Member> added = new ArrayList<>();
    List<Member> changed = new ArrayList<>();
    List<Member> was = new ArrayList<>();
    for (Member m : after) {
      Member prior = old.remove(m.address());
      if (prior == null) {
        added.add(m);
      } else if (!prior.equals(m)) {
        changed.add(m);
        was.add(prior);
      }
    }
    List<Member> removed = Members.sortedUnique(old.values());
    return new PoolDiff(added, removed, changed, was);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /**
   * E.g. {@code +10.0.0.3:30080 -10.0.0.1:30080 10.0.0.2:30080=draining 10.0.0.4:30080 weight=5}:
   * an added member shows what is not default, a changed one only what changed.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Member m : added) {
      sb.append(" +").append(m.address()).append(changes(Member.active(m.ip(), m.port()), m));
    }
    removed.forEach(m -> sb.append(" -").append(m.address()));
    for (int i = 0; i < changed.size(); i++) {
      Member now = changed.get(i);
      sb.append(' ').append(now.address()).append(changes(was.get(i), now));
    }
    return sb.toString().trim();
  }

  private static String changes(Member before, Member now) {
    StringBuilder sb = new StringBuilder();
    if (before.state() != now.state()) {
      sb.append('=').append(now.state().vtmName());
    }
    if (before.weight() != now.weight()) {
      sb.append(" weight=").append(now.weight());
    }
    if (before.priority() != now.priority()) {
      sb.append(" priority=").append(now.priority());
    }
    return sb.toString();
  }
}
