package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.sink.WriteResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What VtmWriter says it did with a plan it may not write. */
class VtmWriterTest {

  private static final PoolPlan BAD =
      PoolPlan.failed("web", "default/web", Set.of(), 400, "Service 'default/web': invalid mode");

  @Test
  void an_error_plan_for_a_pool_the_cluster_lacks_says_not_created_not_held(@TempDir Path dir)
      throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("east"));
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      WriteResult r = (WriteResult) lane.job(BAD);
      assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.HELD_ERROR);
      assertThat(r.toString())
          .isEqualTo(
              "vtm:east pool=web not created: plan failed with code 400"
                  + " (Service 'default/web': invalid mode)");
      assertThat(sim.pool("web")).isEmpty();
    }
  }

  @Test
  void an_error_plan_for_a_pool_with_members_holds_them(@TempDir Path dir) throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("east"));
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      lane.call(
          api ->
              api.putPool(
                  "web", List.of(Member.active("10.0.0.1", 80)), ManagedNote.text("default/web")));
      WriteResult r = (WriteResult) lane.job(BAD);
      assertThat(r.toString()).startsWith("vtm:east pool=web HELD last members: plan failed");
    }
  }

  @Test
  void a_weight_change_is_written_and_a_pool_read_back_with_its_weights_is_left_alone(
      @TempDir Path dir) throws Exception {
    Member member = Member.active("10.0.0.1", 80);
    PoolPlan five = PoolPlan.of("web", "default/web", Set.of(), List.of(member.withWeight(5)));
    PoolPlan seven = PoolPlan.of("web", "default/web", Set.of(), List.of(member.withWeight(7)));
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("east"))) {
      try (LaneHarness lane = LaneHarness.start(sim, dir)) {
        assertThat(lane.job(five).toString()).contains("+10.0.0.1:80 weight=5");
        assertThat(lane.job(seven).toString()).contains(" 10.0.0.1:80 weight=7");
      }
      long puts = sim.count("PUT", "/api/tm/8.3/config/active/pools/web");
      try (LaneHarness restarted = LaneHarness.start(sim, dir.resolve("again"))) {
        WriteResult r = (WriteResult) restarted.job(seven);
        assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
      }
      assertThat(sim.count("PUT", "/api/tm/8.3/config/active/pools/web")).isEqualTo(puts);
      assertThat(sim.pool("web").orElseThrow().at("/properties/basic/nodes_table/0/weight").asInt())
          .isEqualTo(7);
    }
  }
}
