package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoolRegistryTest {

  private static PoolPlan plan(String pool, String service) {
    return PoolPlan.of(pool, service, Set.of("east"), List.of(Member.active("10.0.0.1", 80)));
  }

  @Test
  void a_pool_the_service_no_longer_publishes_becomes_an_explicit_removal() {
    PoolRegistry r = new PoolRegistry();
    r.claim("ns/a", List.of(plan("p1", "ns/a"), plan("p2", "ns/a")));
    List<PoolPlan> out = r.claim("ns/a", List.of(plan("p1", "ns/a")));
    assertThat(out)
        .as("p1 is unchanged: not handed out again")
        .extracting(PoolPlan::pool, PoolPlan::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("p2", 404));
    assertThat(out.get(0).clusters()).containsExactly("east");
  }

  @Test
  void a_deleted_service_removes_all_its_pools_and_is_forgotten() {
    PoolRegistry r = new PoolRegistry();
    r.claim("ns/a", List.of(plan("p1", "ns/a")));
    assertThat(r.claim("ns/a", List.of())).extracting(PoolPlan::code).containsExactly(404);
    assertThat(r.services()).isEmpty();
    assertThat(r.claim("ns/a", List.of())).isEmpty();
  }

  @Test
  void two_services_claiming_one_pool_name_the_first_in_name_order_wins_whatever_the_event_order() {
    PoolRegistry r = new PoolRegistry();
    assertThat(r.claim("ns/b", List.of(plan("shared", "ns/b")))).hasSize(1);
    assertThat(r.claim("ns/a", List.of(plan("shared", "ns/a"))))
        .extracting(PoolPlan::service)
        .containsExactly("ns/a");
    assertThat(r.claim("ns/b", List.of(plan("shared", "ns/b")))).isEmpty();
    assertThat(r.conflicts()).containsKey("shared");
    assertThat(r.conflicts().get("shared")).contains("ns/a", "ns/b");
  }

  @Test
  void a_conflict_stays_reported_when_a_resync_plans_the_owner_after_the_other() {
    PoolRegistry r = new PoolRegistry();
    r.claim("ns/a", List.of(plan("shared", "ns/a")));
    r.claim("ns/b", List.of(plan("shared", "ns/b")));
    assertThat(r.conflicts()).containsKey("shared");
    assertThat(r.claim("ns/a", List.of(plan("shared", "ns/a"))))
        .as("unchanged, but a pool in conflict goes out again: the loser's may have raced it")
        .hasSize(1);
    assertThat(r.conflicts()).containsKey("shared");
    assertThat(r.claim("ns/b", List.of())).isEmpty();
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void when_the_owner_lets_go_the_other_claimant_is_woken_and_nothing_is_removed() {
    PoolRegistry r = new PoolRegistry();
    List<String> woken = new ArrayList<>();
    r.onWake(woken::add);
    r.claim("ns/a", List.of(plan("shared", "ns/a")));
    r.claim("ns/b", List.of(plan("shared", "ns/b")));
    assertThat(r.claim("ns/a", List.of())).isEmpty();
    assertThat(woken).containsExactly("ns/b");
    assertThat(r.claim("ns/b", List.of(plan("shared", "ns/b")))).hasSize(1);
    assertThat(r.conflicts()).isEmpty();
  }

  @Test
  void a_held_service_keeps_every_pool_it_published_under_its_error_and_removes_none() {
    PoolRegistry r = new PoolRegistry();
    r.claim("ns/a", List.of(plan("p1", "ns/a"), plan("p2", "ns/a")));
    ServicePlan held = ServicePlan.held("ns/a", List.of(), "Service 'ns/a': invalid mode");
    List<PoolPlan> out = r.claim("ns/a", held);
    assertThat(out)
        .extracting(PoolPlan::pool, PoolPlan::code, PoolPlan::error)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("p1", 400, "Service 'ns/a': invalid mode"),
            org.assertj.core.groups.Tuple.tuple("p2", 400, "Service 'ns/a': invalid mode"));
    assertThat(out).allSatisfy(p -> assertThat(p.clusters()).containsExactly("east"));
    assertThat(r.held()).containsKey("ns/a");
    assertThat(r.pools()).containsExactlyInAnyOrder("p1", "p2");
    // Fixed, and now publishing only p1: p2 is really gone.
    assertThat(r.claim("ns/a", List.of(plan("p1", "ns/a"))))
        .extracting(PoolPlan::pool, PoolPlan::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p2", 404),
            org.assertj.core.groups.Tuple.tuple("p1", 200));
    assertThat(r.held()).isEmpty();
  }

  @Test
  void a_held_service_that_never_published_gets_only_the_names_its_settings_give() {
    PoolRegistry r = new PoolRegistry();
    PoolPlan named = PoolPlan.failed("web-prod", "ns/a", Set.of(), 400, "bad");
    assertThat(r.claim("ns/a", ServicePlan.held("ns/a", List.of(named), "bad")))
        .containsExactly(named);
    assertThat(r.claim("ns/b", ServicePlan.held("ns/b", List.of(), "bad"))).isEmpty();
    assertThat(r.held()).containsOnlyKeys("ns/a", "ns/b");
  }

  @Test
  void an_unchanged_plan_is_handed_out_once_unless_a_target_wants_it_again() {
    PoolRegistry r = new PoolRegistry();
    java.util.Set<String> wanted = new java.util.HashSet<>();
    r.resendWhen(wanted::contains);
    assertThat(r.claim("ns/a", List.of(plan("p1", "ns/a")))).hasSize(1);
    assertThat(r.claim("ns/a", List.of(plan("p1", "ns/a")))).as("a resync, nothing new").isEmpty();
    wanted.add("p1"); // a cluster refused it (4xx) or holds a foreign pool of that name
    assertThat(r.claim("ns/a", List.of(plan("p1", "ns/a")))).hasSize(1);
    wanted.clear();
    PoolPlan changed =
        PoolPlan.of("p1", "ns/a", Set.of("east"), List.of(Member.active("10.0.0.2", 80)));
    assertThat(r.claim("ns/a", List.of(changed))).containsExactly(changed);
  }
}
