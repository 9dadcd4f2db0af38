package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.Annotations;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PoolPlanner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Measures one {@link PoolPlanner#plan(String)} per policy and mode, and reading annotations. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBench {

  /** A cluster of {@code members} nodes in a {@link SnapshotView}, built once per trial. */
  @State(Scope.Benchmark)
  public static class Cluster {

    @Param({"10", "100", "1000"})
    public int members;

    PoolPlanner planner;

    @Setup(Level.Trial)
    public void build() {
      planner =
          new PoolPlanner(
              new SnapshotView(SyntheticCluster.objects(members)),
              new ExposureReader(ExposureDefaults.standard()),
              50);
      expect(SyntheticCluster.LOCAL, members);
      expect(SyntheticCluster.CLUSTER, members);
      expect(SyntheticCluster.POD, members + SyntheticCluster.TERMINATING);
    }

    private void expect(String service, int size) {
      List<PoolPlan> plans = planner.plan(service);
      if (plans.size() != 1 || !plans.get(0).ok() || plans.get(0).members().size() != size) {
        throw new IllegalStateException(service + " planned " + plans + ", expected " + size);
      }
    }
  }

  /** One Service with the usual annotations, and a reader with the standard defaults. */
  @State(Scope.Benchmark)
  public static class Annotated {

    ExposureReader reader;
    Service service;

    @Setup(Level.Trial)
    public void build() {
      reader = new ExposureReader(ExposureDefaults.standard());
      service =
          SyntheticCluster.service(
              "web",
              "NodePort",
              "Local",
              30080,
              Map.of(
                  Annotations.POOL, "web-prod",
                  Annotations.ADDRESS_TYPE, "InternalIP",
                  Annotations.NODE_SELECTOR, "role!=infra"));
      if (!(reader.read(service) instanceof Exposure.Spec)) {
        throw new IllegalStateException("not exposed: " + reader.read(service));
      }
    }
  }

  /** externalTrafficPolicy Local: one member per node hosting a ready endpoint. */
  @Benchmark
  public List<PoolPlan> planNodePortLocal(Cluster c) {
    return c.planner.plan(SyntheticCluster.LOCAL);
  }

  /** externalTrafficPolicy Cluster: every forwarding node. */
  @Benchmark
  public List<PoolPlan> planNodePortCluster(Cluster c) {
    return c.planner.plan(SyntheticCluster.CLUSTER);
  }

  /** Pod mode: one member per endpoint, terminating ones draining. */
  @Benchmark
  public List<PoolPlan> planPod(Cluster c) {
    return c.planner.plan(SyntheticCluster.POD);
  }

  @Benchmark
  public Exposure readExposure(Annotated a) {
    return a.reader.read(a.service);
  }
}
