package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One pool fed by Services of several Kubernetes sources (the registry and PoolMerge). */
class SharedPoolTest {

  private static final String EAST = "east:shop/web";
  private static final String WEST = "west:shop/web";

  private static Member m(String ip, int priority) {
    return Member.active(ip, 30080).withPriority(priority);
  }

  private static ServicePlan shared(String service, PoolPlan... plans) {
    return new ServicePlan(service, List.of(plans), null, List.of(), true);
  }

  private static PoolPlan ok(String service, Member... members) {
    return PoolPlan.of("web", service, Set.of(), List.of(members));
  }

  private static List<String> addresses(PoolPlan p) {
    return p.members().stream().map(x -> x.address() + "@" + x.priority()).toList();
  }

  @Test
  void services_of_two_sources_that_opted_in_feed_one_pool_with_each_members_priority() {
    PoolRegistry r = new PoolRegistry();
    r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2))));
    List<PoolPlan> out = r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1))));
    assertThat(out)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.service()).as("owned by the first in key order").isEqualTo(EAST);
              assertThat(addresses(p)).containsExactly("10.1.0.1:30080@2", "10.2.0.1:30080@1");
            });
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void a_part_whose_plan_fails_keeps_its_last_members_while_the_other_updates() {
    PoolRegistry r = new PoolRegistry();
    r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2))));
    r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1))));
    // east's Service gets a bad annotation: held, its members stay
    List<PoolPlan> held =
        r.claim(
            EAST,
            new ServicePlan(
                EAST,
                List.of(PoolPlan.failed("web", EAST, Set.of(), PoolPlan.BAD_INPUT, "bad")),
                "bad",
                List.of(),
                true));
    assertThat(held).as("nothing changed in the pool").isEmpty();
    List<PoolPlan> out = r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1), m("10.2.0.2", 1))));
    assertThat(out)
        .singleElement()
        .satisfies(
            p ->
                assertThat(addresses(p))
                    .containsExactly("10.1.0.1:30080@2", "10.2.0.1:30080@1", "10.2.0.2:30080@1"));
  }

  @Test
  void a_part_with_nothing_ready_leaves_the_pool_to_the_other_sources() {
    PoolRegistry r = new PoolRegistry();
    r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2))));
    r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1))));
    List<PoolPlan> out =
        r.claim(
            EAST,
            shared(
                EAST,
                PoolPlan.failed("web", EAST, Set.of(), PoolPlan.EMPTY, "no ready endpoints")));
    assertThat(out)
        .singleElement()
        .satisfies(p -> assertThat(addresses(p)).containsExactly("10.2.0.1:30080@1"));
  }

  @Test
  void a_deleted_part_leaves_the_others_members_at_once_and_the_last_part_removes_the_pool() {
    PoolRegistry r = new PoolRegistry();
    r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2))));
    r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1))));
    List<PoolPlan> out = r.claim(EAST, ServicePlan.none(EAST));
    assertThat(out)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.ok()).isTrue();
              assertThat(p.service()).isEqualTo(WEST);
              assertThat(addresses(p)).containsExactly("10.2.0.1:30080@1");
            });
    assertThat(r.claim(WEST, ServicePlan.none(WEST)))
        .extracting(PoolPlan::code)
        .containsExactly(PoolPlan.REMOVED);
  }

  @Test
  void the_same_member_from_two_sources_goes_to_the_higher_priority_and_is_reported() {
    PoolRegistry r = new PoolRegistry();
    r.claim(WEST, shared(WEST, ok(WEST, m("10.9.0.1", 1))));
    List<PoolPlan> out = r.claim(EAST, shared(EAST, ok(EAST, m("10.9.0.1", 3))));
    assertThat(out)
        .singleElement()
        .satisfies(p -> assertThat(addresses(p)).containsExactly("10.9.0.1:30080@3"));
    assertThat(r.memberConflicts().get("web"))
        .singleElement()
        .asString()
        .contains("10.9.0.1:30080", EAST, WEST, "'" + EAST + "' keeps it", "higher priority");
  }

  @Test
  void services_that_did_not_opt_in_are_a_conflict_settled_by_name_order() {
    PoolRegistry r = new PoolRegistry();
    r.claim(WEST, ServicePlan.of(WEST, List.of(ok(WEST, m("10.2.0.1", 1)))));
    List<PoolPlan> out = r.claim(EAST, ServicePlan.of(EAST, List.of(ok(EAST, m("10.1.0.1", 1)))));
    assertThat(out)
        .singleElement()
        .satisfies(p -> assertThat(addresses(p)).containsExactly("10.1.0.1:30080@1"));
    r.claim(WEST, ServicePlan.of(WEST, List.of(ok(WEST, m("10.2.0.1", 1))))); // its resync
    assertThat(r.conflicts().get("web")).contains(EAST, WEST);
  }

  @Test
  void one_side_opting_in_is_not_enough() {
    PoolRegistry r = new PoolRegistry();
    r.claim(EAST, ServicePlan.of(EAST, List.of(ok(EAST, m("10.1.0.1", 1)))));
    assertThat(r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1))))).isEmpty();
    assertThat(r.conflicts()).containsKey("web");
  }

  @Test
  void two_services_of_one_source_never_share() {
    PoolRegistry r = new PoolRegistry();
    r.claim("east:shop/a", shared("east:shop/a", ok("east:shop/a", m("10.1.0.1", 1))));
    assertThat(r.claim("east:shop/b", shared("east:shop/b", ok("east:shop/b", m("10.1.0.2", 1)))))
        .isEmpty();
    assertThat(r.conflicts()).containsKey("web");
  }

  @Test
  void a_shared_pool_waits_until_every_source_has_synced_and_planned_its_services() {
    PoolRegistry r = new PoolRegistry();
    AtomicBoolean synced = new AtomicBoolean(false);
    r.shareWhen(synced::get, () -> List.of(EAST, WEST, "west:shop/other"));
    assertThat(r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2)))))
        .as("west still lists: east alone would shrink the pool")
        .isEmpty();
    synced.set(true);
    assertThat(r.claim(WEST, shared(WEST, ok(WEST, m("10.2.0.1", 1)))))
        .as("west:shop/other not planned yet")
        .isEmpty();
    assertThat(r.claim("west:shop/other", ServicePlan.none("west:shop/other")))
        .as("the last key planned: what waited goes out, whole")
        .singleElement()
        .satisfies(p -> assertThat(p.members()).hasSize(2));
    assertThat(r.claim(EAST, shared(EAST, ok(EAST, m("10.1.0.1", 2))))).isEmpty();
  }

  @Test
  void a_pool_with_no_member_in_any_source_is_empty_or_carries_the_failed_parts_error() {
    PoolPlan bad = PoolPlan.failed("web", WEST, Set.of(), PoolPlan.SOURCE_ERROR, "boom");
    PoolPlan empty = PoolPlan.failed("web", EAST, Set.of(), PoolPlan.EMPTY, "none ready");
    assertThat(
            PoolMerge.merge(
                    "web",
                    List.of(
                        new PoolMerge.Part(EAST, empty, List.of()),
                        new PoolMerge.Part(WEST, bad, List.of())))
                .plan()
                .code())
        .isEqualTo(PoolPlan.SOURCE_ERROR);
    assertThat(
            PoolMerge.merge("web", List.of(new PoolMerge.Part(EAST, empty, List.of())))
                .plan()
                .code())
        .isEqualTo(PoolPlan.EMPTY);
  }
}
