package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemovedPlansTest {

  @Test
  void the_drain_policy_changes_the_state_only_and_keeps_weight_and_priority() {
    Member weighted = Member.active("10.0.0.9", 30080).withWeight(5).withPriority(2);

    assertThat(RemovedPlans.members(RemovedPoolPolicy.DRAIN, List.of(weighted)))
        .containsExactly(Member.draining("10.0.0.9", 30080).withWeight(5).withPriority(2));
    assertThat(RemovedPlans.members(RemovedPoolPolicy.EMPTY, List.of(weighted))).isEmpty();
  }
}
