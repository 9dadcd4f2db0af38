package io.vtmsync.pool;

import java.util.Locale;

/** A pool member's state, named as vTM names it in a pool's {@code nodes_table}. */
public enum MemberState {
  ACTIVE,
  DRAINING,
  DISABLED;

  /** The vTM spelling: {@code active}, {@code draining}, {@code disabled}. */
  public String vtmName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stronger of two states for the same member: active beats draining beats disabled. */
  public static MemberState strongest(MemberState a, MemberState b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }
}
