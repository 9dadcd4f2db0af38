package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.SnapshotView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5, bad input fuzzing: random Services, EndpointSlices, nodes and pods never crash the
 * planner; every plan is well formed or a failed plan with a clear error; two canary Services that
 * are always present keep their exact pools whatever the rest of the cluster looks like.
 */
class FuzzPlannerTest {

  private static final long SEED = 20_250_505L;
  private static final int ROUNDS = 300;

  /** Every HUGE_EVERY-th round, one Service has a slice of 5,000 endpoints. */
  private static final int HUGE_EVERY = 25;

  private static final ExposureReader READER =
      new ExposureReader(ExposureDefaults.standard().withClusters(Set.of("east", "west")));

  @Test
  void random_clusters_never_crash_the_planner_and_every_plan_is_well_formed() {
    Map<Integer, Integer> codes = new TreeMap<>();
    int conflictRounds = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long seed = SEED + round;
      Random rnd = new Random(seed);
      List<HasMetadata> objects = new ArrayList<>(FuzzFixtures.canaries());
      objects.addAll(new FuzzInputs(rnd).cluster(round % HUGE_EVERY == 0));
      PoolPlanner planner = new PoolPlanner(new SnapshotView(objects), READER, 50);
      Map<String, List<PoolPlan>> byService = new TreeMap<>();
      for (HasMetadata o : objects) {
        if (o instanceof Service svc) {
          String key = KubeNames.key(svc);
          ServicePlan planned = plan(planner, key, seed);
          List<PoolPlan> plans = planned.pools();
          FuzzChecks.plans(seed, svc, READER.read(svc), planned);
          assertThat(plan(planner, key, seed))
              .as("seed %d, %s: pure", seed, key)
              .isEqualTo(planned);
          plans.forEach(p -> codes.merge(p.code(), 1, Integer::sum));
          byService.put(key, plans);
        }
      }
      assertThat(byService.get("canary/web"))
          .as("seed %d: other pools unaffected", seed)
          .containsExactly(FuzzFixtures.CANARY_WEB);
      assertThat(byService.get("canary/pods"))
          .as("seed %d: other pools unaffected", seed)
          .containsExactly(FuzzFixtures.CANARY_PODS);
      conflictRounds += hasConflict(byService) ? 1 : 0;
      FuzzChecks.registry(seed, byService, rnd);
    }
    assertThat(codes).as("the fuzzer reaches every outcome").containsKeys(200, 204, 400);
    assertThat(conflictRounds).as("two Services claim one pool now and then").isGreaterThan(5);
  }

  @ParameterizedTest
  @EnumSource(BackendMode.class)
  void a_service_with_5000_endpoints_is_planned_within_seconds(BackendMode mode) {
    long seed = SEED;
    List<HasMetadata> objects = FuzzFixtures.huge("big", "svc", mode, 5_000);
    PoolPlanner planner = new PoolPlanner(new SnapshotView(objects), READER, 50);
    List<PoolPlan> plans =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> plan(planner, "big/svc", seed))
            .pools();
    int expected = mode == BackendMode.NODEPORT ? 50 : 5_000;
    assertThat(plans).singleElement().extracting(p -> p.members().size()).isEqualTo(expected);
  }

  private static ServicePlan plan(PoolPlanner planner, String key, long seed) {
    try {
      return planner.planService(key);
    } catch (RuntimeException e) {
      return fail("seed " + seed + ", Service " + key + ": the planner threw " + e, e);
    }
  }

  private static boolean hasConflict(Map<String, List<PoolPlan>> byService) {
    Map<String, Integer> claimants = new TreeMap<>();
    for (List<PoolPlan> plans : byService.values()) {
      plans.stream()
          .map(PoolPlan::pool)
          .distinct()
          .forEach(p -> claimants.merge(p, 1, Integer::sum));
    }
    return claimants.values().stream().anyMatch(n -> n > 1);
  }
}
