package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which REST API version a lane chooses, when it asks again, and what it says when none fits. */
class VtmApiNegotiationTest {
  @TempDir Path dir;

  private static VtmSimulator sim(String name, String... versions) {
    return VtmSimulator.start(VtmSimulator.Options.defaults(name).withVersions(versions));
  }

  private ApiVersion version(VtmSimulator sim) throws Exception {
    try (LaneHarness lane = LaneHarness.start(sim, dir)) {
      return lane.call(VtmApi::version);
    }
  }

  @Test
  void picks_the_newest_version_each_simulator_offers() throws Exception {
    try (VtmSimulator nineTen = sim("nine-ten", "3.9", "3.10");
        VtmSimulator modern = sim("modern", "4.0", "5.2", "8.3");
        VtmSimulator old = sim("old", "1.0", "2.0")) {
      assertThat(version(nineTen)).hasToString("3.10");
      assertThat(version(modern)).hasToString("8.3");
      assertThat(version(old)).hasToString("2.0");
    }
  }

  @Test
  void negotiates_once_and_then_uses_the_cached_version() throws Exception {
    try (VtmSimulator sim = sim("cached", "3.9", "3.10");
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      lane.call(api -> api.getPool("a"));
      lane.call(api -> api.getPool("b"));

      assertThat(sim.requests().stream().filter(r -> r.path().equals("/api/tm/"))).hasSize(1);
      assertThat(sim.count("GET", "/api/tm/3.10/config/active/pools/")).isEqualTo(2);
    }
  }

  @Test
  void a_cluster_that_was_unreachable_is_asked_again_and_its_upgrade_is_used() throws Exception {
    try (VtmSimulator sim = sim("upgraded", "3.9", "3.10");
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      lane.call(api -> api.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note"));

      sim.setApiVersions("3.10", "8.3");
      lane.call(api -> api.getPool("web"));
      assertThat(sim.count("GET", "/api/tm/3.10/config/active/pools/web")).isEqualTo(1);

      sim.goDown(); // a lane job that cannot reach the cluster forgets the version
      VtmException down =
          catchThrowableOfType(
              VtmException.class, () -> lane.job(new PublishedPools(Set.of(), Set.of(), Set.of())));
      assertThat(down.retryable()).isTrue();
      sim.comeUp();

      Optional<RemotePool> web = lane.call(api -> api.getPool("web"));
      assertThat(web).isPresent();
      assertThat(sim.count("GET", "/api/tm/8.3/config/active/pools/web")).isEqualTo(1);
    }
  }

  @Test
  void a_put_answered_404_forgets_the_version_so_the_next_call_renegotiates() throws Exception {
    try (VtmSimulator sim = sim("dropped", "3.10", "8.3");
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      lane.call(VtmApi::version);
      sim.setApiVersions("3.10");

      VtmException gone =
          catchThrowableOfType(
              VtmException.class, () -> lane.call(api -> api.putPool("web", List.of(), "note")));
      PutResult created = lane.call(api -> api.putPool("web", List.of(), "note"));

      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.errorId()).isEqualTo("resource.not_found");
      assertThat(gone.retryable()).isFalse();
      assertThat(created.created()).isTrue();
      assertThat(sim.count("PUT", "/api/tm/3.10/config/active/pools/web")).isEqualTo(1);
    }
  }

  @Test
  void pinned_version_is_used_and_a_pinned_version_not_offered_fails_naming_both()
      throws Exception {
    try (VtmSimulator sim = sim("pinned", "3.9", "5.2", "8.3");
        LaneHarness pinned = LaneHarness.start(sim, dir, c -> c.withApiVersion("5.2"));
        LaneHarness missing = LaneHarness.start(sim, dir, c -> c.withApiVersion("4.0"))) {
      assertThat(pinned.call(VtmApi::version)).hasToString("5.2");
      VtmException e =
          catchThrowableOfType(VtmException.class, () -> missing.call(VtmApi::version));

      assertThat(e.errorId()).isEqualTo("client.no_usable_version");
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("4.0", "[3.9, 5.2, 8.3]", VersionChoice.SUPPORTED);
    }
  }

  @Test
  void a_cluster_offering_nothing_usable_fails_clearly() throws Exception {
    try (VtmSimulator sim = sim("ancient", "1.1");
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      VtmException e = catchThrowableOfType(VtmException.class, () -> lane.call(VtmApi::listPools));

      assertThat(e.getMessage())
          .startsWith("vtm ancient: GET /api/tm/ -> HTTP 200 client.no_usable_version")
          .contains("offered [1.1]");
    }
  }
}
