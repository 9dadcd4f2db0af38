package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberOrderTest {

  @Test
  void members_sort_numerically_by_ip_then_port_unlike_the_original_text_sort() {
    List<Member> sorted =
        List.copyOf(
            new TreeSet<>(
                List.of(
                    Member.active("10.0.0.10", 80),
                    Member.active("10.0.0.9", 81),
                    Member.active("10.0.0.9", 80),
                    Member.active("2001:db8::1", 80),
                    Member.active("9.255.255.255", 80))));
    assertThat(sorted)
        .extracting(Member::address)
        .containsExactly(
            "9.255.255.255:80", "10.0.0.9:80", "10.0.0.9:81", "10.0.0.10:80", "[2001:db8::1]:80");
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, true",
    "255.255.255.255, true",
    "2001:db8::1, true",
    "::1, true",
    "256.0.0.1, false",
    "10.0.0, false",
    "example.com, false",
    "'', false",
    "fe80::1%eth0, false",
    "'.1::', false",
    "'..:', false"
  })
  void only_ip_literals_are_accepted_and_names_are_never_resolved(String ip, boolean literal) {
    assertThat(IpOrder.isLiteral(ip)).isEqualTo(literal);
  }

  @Test
  void a_plan_deduplicates_members_and_keeps_them_sorted() {
    PoolPlan plan =
        PoolPlan.of(
            "p",
            "ns/s",
            java.util.Set.of(),
            List.of(
                Member.active("10.0.0.10", 80),
                Member.active("10.0.0.9", 80),
                Member.active("10.0.0.9", 80)));
    assertThat(plan.members()).extracting(Member::ip).containsExactly("10.0.0.9", "10.0.0.10");
  }

  @Test
  void member_ports_outside_1_to_65535_are_rejected() {
    assertThatThrownBy(() -> Member.active("10.0.0.1", 0)).hasMessageContaining("1-65535");
  }

  @Test
  void of_two_numerically_equal_members_the_active_one_is_kept() {
    PoolPlan plan =
        PoolPlan.of(
            "p",
            "ns/s",
            java.util.Set.of(),
            List.of(Member.draining("FD00::1", 80), Member.active("fd00::1", 80)));
    assertThat(plan.members()).extracting(Member::state).containsExactly(MemberState.ACTIVE);
  }

  @Test
  void of_one_address_in_one_state_the_higher_priority_then_the_higher_weight_is_kept() {
    Member base = Member.active("10.0.0.9", 80);
    List<Member> members =
        List.of(
            base.withWeight(90),
            base.withPriority(2).withWeight(3),
            base.withPriority(2).withWeight(4),
            Member.draining("10.0.0.9", 80).withPriority(9));

    assertThat(Members.sortedUnique(members)).containsExactly(base.withPriority(2).withWeight(4));
    List<Member> reversed = new java.util.ArrayList<>(members);
    java.util.Collections.reverse(reversed);
    assertThat(Members.sortedUnique(reversed)).containsExactly(base.withPriority(2).withWeight(4));
  }

  @Test
  void defaults_are_weight_1_and_priority_1_and_out_of_range_values_are_rejected() {
    Member m = new Member("10.0.0.1", 80, MemberState.ACTIVE);

    assertThat(m).isEqualTo(new Member("10.0.0.1", 80, MemberState.ACTIVE, 1, 1));
    assertThat(Member.draining("10.0.0.1", 80).weight()).isEqualTo(1);
    assertThat(m.withWeight(100).withPriority(0).withPriority(65535).weight()).isEqualTo(100);
    assertThatThrownBy(() -> m.withWeight(0)).hasMessageContaining("weight out of range 1-100");
    assertThatThrownBy(() -> m.withWeight(101)).hasMessageContaining("weight");
    assertThatThrownBy(() -> m.withPriority(-1)).hasMessageContaining("priority out of range");
    assertThatThrownBy(() -> m.withPriority(65536)).hasMessageContaining("priority");
  }

  @Test
  void weight_and_priority_take_part_in_equality_but_not_in_the_order() {
    Member m = Member.active("10.0.0.1", 80);

    assertThat(m.withWeight(5)).isNotEqualTo(m);
    assertThat(m.withPriority(5)).isNotEqualTo(m);
    assertThat(m.withWeight(5).compareTo(m)).isZero();
  }
}
