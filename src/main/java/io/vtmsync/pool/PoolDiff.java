package io.vtmsync.pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What changes between two member lists: added, removed, and members whose state changed. */
public record PoolDiff(List<Member> added, List<Member> removed, List<Member> changed) {

  public static PoolDiff between(List<Member> before, List<Member> after) {
    Map<String, Member> old = new HashMap<>();
    before.forEach(m -> old.put(m.address(), m));
    List<Member> added = new ArrayList<>();
    List<Member> changed = new ArrayList<>();
    for (Member m : after) {
      Member was = old.remove(m.address());
      if (was == null) {
        added.add(m);
      } else if (was.state() != m.state()) {
        changed.add(m);
      }
    }
    List<Member> removed = Members.sortedUnique(old.values());
    return new PoolDiff(added, removed, changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** E.g. {@code +10.0.0.3:30080 -10.0.0.1:30080 10.0.0.2:30080=draining}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    added.forEach(m -> sb.append(" +").append(m.address()).append(state(m)));
    removed.forEach(m -> sb.append(" -").append(m.address()));
    changed.forEach(
        m -> sb.append(' ').append(m.address()).append('=').append(m.state().vtmName()));
    return sb.toString().trim();
  }

  private static String state(Member m) {
    return m.state() == MemberState.ACTIVE ? "" : "=" + m.state().vtmName();
  }
}
