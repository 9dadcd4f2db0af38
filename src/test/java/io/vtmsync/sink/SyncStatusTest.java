package io.vtmsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.SyncStatus.Counts;
import io.vtmsync.sink.SyncStatus.Entry;
import io.vtmsync.sink.WriteResult.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the status keeps per target and pool for the status page. */
class SyncStatusTest {

  private final SyncStatus status = new SyncStatus();

  private static PoolPlan plan(long triggeredAt, Member... members) {
    return PoolPlan.of("web", "shop/web", Set.of(), List.of(members)).triggeredAt(triggeredAt);
  }

  private static WriteResult result(PoolPlan plan, Outcome outcome, String detail) {
    return new WriteResult(
            "vtm:east",
            plan.pool(),
            outcome,
            plan.code(),
            PoolDiff.between(List.of(), plan.members()),
            detail)
        .triggeredAt(plan.triggeredAtNanos());
  }

  private Entry entry() {
    return status.entries().get("vtm:east/web");
  }

  private PoolPlan send(PoolPlan p, Outcome outcome, String detail) {
    status.planned(p);
    status.record(result(p, outcome, detail));
    return p;
  }

  @Test
  void a_written_plan_gives_its_owner_member_counts_change_time_and_lag() {
    long t0 = System.nanoTime() - 5_000_000;
    send(
        plan(t0, Member.active("10.0.0.1", 80), Member.draining("10.0.0.2", 80)),
        Outcome.WRITTEN,
        null);
    Entry e = entry();
    assertThat(e.service()).isEqualTo("shop/web");
    assertThat(e.members()).isEqualTo(new Counts(1, 1));
    assertThat(e.lastChange()).isEqualTo(e.at());
    assertThat(e.lagNanos()).isGreaterThanOrEqualTo(5_000_000);
    assertThat(e.lastError()).isNull();
    assertThat(status.plans().get("web").members()).isEqualTo(new Counts(1, 1));
  }

  @Test
  void a_held_or_failed_plan_keeps_the_members_the_target_holds_and_says_why() {
    send(plan(System.nanoTime(), Member.active("10.0.0.1", 80)), Outcome.WRITTEN, null);
    Entry written = entry();
    send(plan(System.nanoTime()), Outcome.HELD_EMPTY, "0 members");
    assertThat(entry().members()).isEqualTo(new Counts(1, 0));
    assertThat(entry().lastError()).isEqualTo("last members held: plan is empty (0 members)");
    assertThat(entry().lastChange()).as("nothing changed on the target").isEqualTo(written.at());
    Entry held = entry();
    send(plan(System.nanoTime()), Outcome.FAILED, "HTTP 401 auth.invalid");
    assertThat(entry().members()).isEqualTo(new Counts(1, 0));
    assertThat(entry().lastError()).isEqualTo("HTTP 401 auth.invalid");
    assertThat(entry().lastSuccess()).isEqualTo(held.at());
  }

  @Test
  void a_result_for_an_older_plan_does_not_claim_the_newer_plans_members() {
    PoolPlan older = plan(System.nanoTime(), Member.active("10.0.0.1", 80));
    send(older, Outcome.WRITTEN, null);
    PoolPlan newer =
        plan(System.nanoTime(), Member.active("10.0.0.1", 80), Member.active("10.0.0.2", 80));
    status.planned(newer);
    status.record(result(older, Outcome.UNCHANGED, null)); // a lane that is behind, or a verify
    assertThat(entry().members()).isEqualTo(new Counts(1, 0));
    status.record(result(newer, Outcome.WRITTEN, null));
    assertThat(entry().members()).isEqualTo(new Counts(2, 0));
  }

  @Test
  void the_last_problem_stays_with_its_time_after_the_target_recovers() {
    send(plan(System.nanoTime()), Outcome.FAILED, "HTTP 400 resource.validation_error");
    Entry failed = entry();
    send(plan(System.nanoTime(), Member.active("10.0.0.1", 80)), Outcome.WRITTEN, null);
    assertThat(entry().lastError()).isEqualTo("HTTP 400 resource.validation_error");
    assertThat(entry().lastErrorAt()).isEqualTo(failed.at());
    assertThat(SyncStatus.state(entry().last().outcome())).isEqualTo("synced");
  }

  @Test
  void a_removed_or_foreign_pool_has_no_member_count_and_a_removal_is_a_change() {
    send(plan(System.nanoTime(), Member.active("10.0.0.1", 80)), Outcome.WRITTEN, null);
    PoolPlan gone = PoolPlan.failed("web", "shop/web", Set.of(), PoolPlan.REMOVED, "gone");
    send(gone.triggeredAt(System.nanoTime()), Outcome.REMOVED, "deleted");
    assertThat(entry().members()).isNull();
    assertThat(entry().lastChange()).isEqualTo(entry().at());
    send(plan(System.nanoTime()), Outcome.FOREIGN, "not ours");
    assertThat(entry().members()).isNull();
    assertThat(entry().lastError()).isEqualTo("not ours");
  }

  @Test
  void a_result_without_a_plan_keeps_what_was_known() {
    status.record(
        new WriteResult(
            "file",
            "old",
            Outcome.WRITTEN,
            200,
            PoolDiff.between(List.of(), List.of()),
            "repaired"));
    Entry e = status.entries().get("file/old");
    assertThat(e.service()).isNull();
    assertThat(e.members()).isNull();
    assertThat(e.lagNanos()).isEqualTo(-1);
    assertThat(e.lastChange()).isNotNull();
  }
}
