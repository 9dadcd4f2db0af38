package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier runs under its own queue key, beside the pool's own jobs: a drift repair of an older
 * plan must never be what the cluster keeps once a newer plan has been written (seen in the scale
 * benchmark: a pool's member came back 15 ms after its removal).
 */
class ReadBackRaceTest {

  @TempDir Path dir;

  private static PoolPlan plan(String... ips) {
    return PoolPlan.of(
        "web",
        "default/web",
        Set.of(),
        java.util.Arrays.stream(ips).map(ip -> Member.active(ip, 30080)).toList());
  }

  private static List<String> nodes(VtmSimulator sim) {
    return NodesTable.read(sim.pool("web").orElseThrow()).stream().map(Member::address).toList();
  }

  @Test
  void a_repair_that_a_newer_write_overtook_is_read_back_and_put_right_at_the_next_turn()
      throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("race"));
        LaneHarness lane =
            LaneHarness.start(LaneHarness.config(sim, dir), false, Duration.ofMillis(300))) {
      PoolPlan old = plan("10.0.0.1", "10.0.0.2", "10.0.0.3");
      lane.job(old);
      // Someone edits the pool by hand; once the verify period has run out, a read-back is due.
      sim.putPoolDirect(
          "web",
          (com.fasterxml.jackson.databind.node.ObjectNode)
              Json.MAPPER.readTree(
                  "{\"properties\":{\"basic\":{\"note\":\""
                      + ManagedNote.text("default/web")
                      + "\",\"nodes_table\":[{\"node\":\"10.0.0.9:30080\",\"state\":\"active\"}]}}}"));
      Thread.sleep(400);

      // The verifier's turn: it reads the pool back and decides to repair it with the old plan...
      Conversation verify = lane.lane.begin(VtmLane.VERIFY);
      lane.step(verify); // the GET; its answer queues the repair PUT
      assertThat(verify.isWaiting()).as("the repair PUT waits to be made").isTrue();

      // ...when the pool's own job writes a newer plan (node 10.0.0.1 went away) in between,
      PoolPlan newer = plan("10.0.0.2", "10.0.0.3");
      lane.job(newer);
      assertThat(nodes(sim)).containsExactly("10.0.0.2:30080", "10.0.0.3:30080");
      // and only then does the repair reach the cluster: the old table is back for a moment.
      lane.finish(verify);

      // The verifier's next turns read it back at once and put the newest plan back.
      for (int turn = 0; turn < 3; turn++) {
        lane.job(VtmLane.VERIFY);
      }
      assertThat(nodes(sim)).containsExactly("10.0.0.2:30080", "10.0.0.3:30080");
    }
  }
}
