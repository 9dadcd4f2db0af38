package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PoolPlanner;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.vtm.NodesTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Compares every simulated cluster's pools with a fresh plan of what the API server holds now. */
final class SoakCheck {

  record Result(int pools, List<String> mismatches) {}

  private final E2eRig rig;

  SoakCheck(E2eRig rig) {
    this.rig = rig;
  }

  Result awaitConverged(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Result r = check();
    while (!r.mismatches().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      r = check();
    }
    return r;
  }

  private Result check() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(rig.client.services().inNamespace("default").list().getItems());
    objects.addAll(
        rig.client.discovery().v1().endpointSlices().inNamespace("default").list().getItems());
    objects.addAll(rig.client.nodes().list().getItems());
    SnapshotView view = new SnapshotView(objects);
    PoolPlanner planner =
        new PoolPlanner(view, new ExposureReader(ExposureDefaults.standard()), 50);
    List<String> mismatches = new ArrayList<>();
    int pools = 0;
    for (int i = 0; i < SoakPart.SERVICES; i++) {
      for (PoolPlan plan : planner.plan("default/" + Churn.service(i))) {
        pools++;
        Set<String> want =
            plan.members().stream()
                .map(m -> m.address() + "=" + m.state().vtmName())
                .collect(Collectors.toCollection(TreeSet::new));
        for (VtmSimulator sim : rig.sims) {
          Set<String> have =
              sim.pool(plan.pool()).map(NodesTable::read).orElse(List.of()).stream()
                  .map(m -> m.address() + "=" + m.state().vtmName())
                  .collect(Collectors.toCollection(TreeSet::new));
          if (!want.equals(have) && mismatches.size() < 5) {
            mismatches.add(sim.name() + "/" + plan.pool() + " has " + have + ", plan " + want);
          }
        }
      }
    }
    return new Result(pools, mismatches);
  }
}
