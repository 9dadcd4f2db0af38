package io.vtmsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import io.vtmsync.status.StatusTable.Cell;
import io.vtmsync.status.StatusTable.Row;
import io.vtmsync.status.StatusTable.Table;
import io.vtmsync.status.StatusTable.Target;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status table built from what the sinks reported. */
class StatusTableTest {

  private final SyncStatus status = new SyncStatus();
  private static final List<Target> UP =
      List.of(
          new Target("file", null, null),
          new Target("vtm:east", true, null),
          new Target("vtm:west", true, null));

  private PoolPlan plan(String pool, Set<String> clusters) {
    PoolPlan p =
        PoolPlan.of(pool, "shop/" + pool, clusters, List.of(Member.active("10.0.0.1", 80)))
            .triggeredAt(System.nanoTime());
    status.planned(p);
    return p;
  }

  private void report(PoolPlan p, String target, Outcome outcome, int code, String detail) {
    status.record(
        new WriteResult(
                target, p.pool(), outcome, code, PoolDiff.between(List.of(), p.members()), detail)
            .triggeredAt(p.triggeredAtNanos()));
  }

  private Table table(List<Target> targets, MemberHealth health) {
    return StatusTable.build(status, targets, true, health, Instant.now());
  }

  private static Row row(Table t, String pool) {
    return t.pools().stream().filter(r -> r.pool().equals(pool)).findFirst().orElseThrow();
  }

  @Test
  void a_target_the_plan_goes_to_and_has_not_answered_is_pending() {
    PoolPlan web = plan("web", Set.of());
    report(web, "file", Outcome.WRITTEN, 200, null);
    Row r = row(table(UP, MemberHealth.NONE), "web");
    assertThat(r.namespace()).isEqualTo("shop");
    assertThat(r.plannedActive()).isEqualTo(1);
    assertThat(r.cells().keySet()).containsExactly("file", "vtm:east", "vtm:west");
    assertThat(r.cells().get("file").converged()).isTrue();
    assertThat(r.cells().get("vtm:east").state()).isEqualTo("pending");
    assertThat(r.converged()).isFalse();
  }

  @Test
  void a_pool_annotated_for_one_cluster_has_no_cell_for_the_others() {
    PoolPlan web = plan("web", Set.of("east"));
    report(web, "file", Outcome.WRITTEN, 200, null);
    report(web, "vtm:east", Outcome.UNCHANGED, 200, null);
    Table t = table(UP, MemberHealth.NONE);
    assertThat(row(t, "web").cells().keySet()).containsExactly("file", "vtm:east");
    assertThat(row(t, "web").converged()).isTrue();
    assertThat(t.cells()).isEqualTo(2);
    assertThat(t.notConverged()).isZero();
  }

  @Test
  void cells_of_a_cluster_that_does_not_answer_have_not_converged() {
    PoolPlan web = plan("web", Set.of("east"));
    report(web, "vtm:east", Outcome.WRITTEN, 200, null);
    List<Target> down =
        List.of(new Target("vtm:east", false, "vtm east: GET /api/tm/ -> no HTTP answer"));
    Cell east = row(table(down, MemberHealth.NONE), "web").cells().get("vtm:east");
    assertThat(east.state()).isEqualTo("synced");
    assertThat(east.converged()).isFalse();
  }

  @Test
  void an_error_document_written_is_a_problem_and_not_converged() {
    PoolPlan bad = plan("bad", Set.of());
    report(bad, "file", Outcome.WRITTEN, 400, "invalid mode");
    Cell file = row(table(UP, MemberHealth.NONE), "bad").cells().get("file");
    assertThat(file.problem()).isTrue();
    assertThat(file.converged()).isFalse();
    assertThat(file.lastError()).isEqualTo("wrote code 400: invalid mode");
    report(bad, "file", Outcome.UNCHANGED, 400, "invalid mode");
    Cell again = row(table(UP, MemberHealth.NONE), "bad").cells().get("file");
    assertThat(again.problem()).as("the document is still there").isTrue();
    assertThat(again.converged()).isFalse();
  }

  @Test
  void a_sink_added_in_yaml_gets_a_column_and_member_health_fills_the_vtm_counts() {
    PoolPlan web = plan("web", Set.of("east"));
    report(web, "vtm:east", Outcome.WRITTEN, 200, null);
    report(web, "log", Outcome.WRITTEN, 200, null);
    Table t = table(UP, (cluster, pool) -> new MemberHealth.Counts(1, 2));
    assertThat(t.targets()).extracting(Target::name).endsWith("log");
    Cell east = row(t, "web").cells().get("vtm:east");
    assertThat(east.vtmAlive()).isEqualTo(1);
    assertThat(east.vtmDead()).isEqualTo(2);
    assertThat(row(t, "web").cells().get("log").vtmAlive()).isNull();
  }

  @Test
  void a_dry_run_that_would_write_is_a_difference() {
    PoolPlan web = plan("web", Set.of("east"));
    status.record(
        new WriteResult(
                "vtm:east",
                "web",
                Outcome.WRITTEN,
                200,
                PoolDiff.between(List.of(), web.members()),
                null)
            .asDryRun(true));
    Cell east = row(table(UP, MemberHealth.NONE), "web").cells().get("vtm:east");
    assertThat(east.dryRun()).isTrue();
    assertThat(east.converged()).isFalse();
  }
}
