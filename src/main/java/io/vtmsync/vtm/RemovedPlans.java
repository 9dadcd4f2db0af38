package io.vtmsync.vtm;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolPlan;
import java.util.List;

/** The members a removed pool keeps under the drain and empty policies. */
final class RemovedPlans {

  private RemovedPlans() {}

  static List<Member> members(RemovedPoolPolicy policy, List<Member> current) {
    return policy == RemovedPoolPolicy.EMPTY || current == null
        ? List.of()
        // Weight and priority stay: draining changes the state only, not a member's share.
        : current.stream().map(m -> m.withState(MemberState.DRAINING)).toList();
  }

  /** A 200 plan holding those members, to be written in place of the removal. */
  static PoolPlan apply(RemovedPoolPolicy policy, PoolPlan removed, List<Member> current) {
    return PoolPlan.of(
        removed.pool(), removed.service(), removed.clusters(), members(policy, current));
  }
}
