package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verifier reads back the pool checked longest ago, and only once its period has run out. */
class VerifiedTest {

  private static PoolPlan plan(String pool) {
    return PoolPlan.of(pool, "ns/s", Set.of(), List.of(Member.active("10.0.0.1", 80)));
  }

  @Test
  void the_pool_checked_longest_ago_is_due_first_and_then_moves_to_the_back() throws Exception {
    Verified v = new Verified(50_000_000L); // 50 ms
    v.acknowledged(plan("a"), List.of());
    v.acknowledged(plan("b"), List.of());
    assertThat(v.takeDue()).as("fresh: nothing due").isEmpty();
    Thread.sleep(120);
    assertThat(v.takeDue()).map(PoolPlan::pool).contains("a");
    assertThat(v.takeDue()).map(PoolPlan::pool).contains("b");
    assertThat(v.takeDue()).as("both just taken: fresh again").isEmpty();
    v.acknowledged(plan("c"), List.of());
    v.forget("c");
    assertThat(v.size()).isEqualTo(2);
  }

  @Test
  void an_acknowledgement_makes_a_pool_the_newest_check() throws Exception {
    Verified v = new Verified(50_000_000L);
    v.acknowledged(plan("a"), List.of());
    v.acknowledged(plan("b"), List.of());
    Thread.sleep(120);
    v.acknowledged(plan("a"), List.of()); // written again: a is now the newest
    assertThat(v.takeDue()).map(PoolPlan::pool).contains("b");
    assertThat(v.takeDue()).isEmpty();
  }
}
