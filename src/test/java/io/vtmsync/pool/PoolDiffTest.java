package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolDiffTest {

  private static final Member A = Member.active("10.0.0.9", 30080);
  private static final Member B = Member.active("10.0.0.10", 30080);

  @Test
  void a_weight_change_is_a_changed_member_and_the_line_says_so() {
    PoolDiff diff = PoolDiff.between(List.of(A, B), List.of(A.withWeight(5), B));

    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).containsExactly(A.withWeight(5));
    assertThat(diff.was()).containsExactly(A);
    assertThat(diff).hasToString("10.0.0.9:30080 weight=5");
  }

  @Test
  void a_priority_change_and_a_weight_back_to_the_default_are_changes_too() {
    Member weighted = A.withWeight(5);

    assertThat(PoolDiff.between(List.of(weighted), List.of(A)))
        .hasToString("10.0.0.9:30080 weight=1");
    assertThat(PoolDiff.between(List.of(A), List.of(A.withPriority(2))))
        .hasToString("10.0.0.9:30080 priority=2");
  }

  @Test
  void a_changed_member_shows_only_what_changed() {
    Member before = A.withWeight(5);
    Member after = before.withState(MemberState.DRAINING);

    assertThat(PoolDiff.between(List.of(before), List.of(after)))
        .hasToString("10.0.0.9:30080=draining");
    assertThat(PoolDiff.between(List.of(A), List.of(after)))
        .hasToString("10.0.0.9:30080=draining weight=5");
  }

  @Test
  void an_added_member_shows_what_is_not_default_and_default_lines_are_as_before() {
    PoolDiff diff =
        PoolDiff.between(
            List.of(B), List.of(A.withWeight(5).withPriority(3), Member.draining("10.0.0.11", 80)));

    assertThat(diff)
        .hasToString("+10.0.0.9:30080 weight=5 priority=3 +10.0.0.11:80=draining -10.0.0.10:30080");
  }

  @Test
  void equal_lists_make_an_empty_diff() {
    PoolDiff diff = PoolDiff.between(List.of(A.withWeight(7)), List.of(A.withWeight(7)));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff).hasToString("");
  }
}
