package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VtmClientNegotiationTest {
  @TempDir Path dir;

  private static VtmSimulator sim(String name, String... versions) {
    return VtmSimulator.start(VtmSimulator.Options.defaults(name).withVersions(versions));
  }

  @Test
  void picks_the_newest_version_each_simulator_offers() {
    try (VtmSimulator nineTen = sim("nine-ten", "3.9", "3.10");
        VtmSimulator modern = sim("modern", "4.0", "5.2", "8.3");
        VtmSimulator old = sim("old", "1.0", "2.0")) {
      assertThat(SimClusters.client(nineTen, dir).negotiate()).hasToString("3.10");
      assertThat(SimClusters.client(modern, dir).negotiate()).hasToString("8.3");
      assertThat(SimClusters.client(old, dir).negotiate()).hasToString("2.0");
    }
  }

  @Test
  void negotiates_once_and_then_uses_the_cached_version() {
    try (VtmSimulator sim = sim("cached", "3.9", "3.10")) {
      VtmClient client = SimClusters.client(sim, dir);

      client.getPool("a");
      client.getPool("b");

      assertThat(sim.requests().stream().filter(r -> r.path().equals("/api/tm/"))).hasSize(1);
      assertThat(sim.count("GET", "/api/tm/3.10/config/active/pools/")).isEqualTo(2);
    }
  }

  @Test
  void after_an_upgrade_invalidate_makes_the_next_call_use_the_new_version() {
    try (VtmSimulator sim = sim("upgraded", "3.9", "3.10")) {
      VtmClient client = SimClusters.client(sim, dir);
      client.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note");

      sim.setApiVersions("3.10", "8.3");
      client.getPool("web");
      assertThat(sim.count("GET", "/api/tm/3.10/config/active/pools/web")).isEqualTo(1);

      client.invalidate();
      assertThat(client.getPool("web")).isPresent();
      assertThat(sim.count("GET", "/api/tm/8.3/config/active/pools/web")).isEqualTo(1);
    }
  }

  @Test
  void a_put_answered_404_forgets_the_version_so_the_next_call_renegotiates() {
    try (VtmSimulator sim = sim("dropped", "3.10", "8.3")) {
      VtmClient client = SimClusters.client(sim, dir);
      client.negotiate();
      sim.setApiVersions("3.10");

      VtmException gone =
          catchThrowableOfType(VtmException.class, () -> client.putPool("web", List.of(), "note"));
      PutResult created = client.putPool("web", List.of(), "note");

      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.errorId()).isEqualTo("resource.not_found");
      assertThat(gone.retryable()).isFalse();
      assertThat(created.created()).isTrue();
      assertThat(sim.count("PUT", "/api/tm/3.10/config/active/pools/web")).isEqualTo(1);
    }
  }

  @Test
  void pinned_version_is_used_and_a_pinned_version_not_offered_fails_naming_both() {
    try (VtmSimulator sim = sim("pinned", "3.9", "5.2", "8.3")) {
      VtmClient pinned = new VtmClient(SimClusters.config(sim, dir).withApiVersion("5.2"));
      VtmClient missing = new VtmClient(SimClusters.config(sim, dir).withApiVersion("4.0"));

      assertThat(pinned.negotiate()).hasToString("5.2");
      VtmException e = catchThrowableOfType(VtmException.class, missing::negotiate);

      assertThat(e.errorId()).isEqualTo("client.no_usable_version");
      assertThat(e.retryable()).isFalse();
      assertThat(e.getMessage()).contains("4.0", "[3.9, 5.2, 8.3]", VersionChoice.SUPPORTED);
    }
  }

  @Test
  void a_cluster_offering_nothing_usable_fails_clearly() {
    try (VtmSimulator sim = sim("ancient", "1.1")) {
      VtmException e =
          catchThrowableOfType(VtmException.class, SimClusters.client(sim, dir)::listPools);

      assertThat(e.getMessage())
          .startsWith("vtm ancient: GET /api/tm/ -> HTTP 200 client.no_usable_version")
          .contains("offered [1.1]");
    }
  }
}
