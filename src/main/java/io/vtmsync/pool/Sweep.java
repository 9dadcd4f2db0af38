package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The start of a sweep (routes/sweep.camel.yaml): what the exposed Services in the synced caches
 * publish now, by name only (no members are planned), plus every pool the registry still holds for
 * a Service. Each target then lists its own pools once and reads back only names not in it.
 */
public final class Sweep {

  private final Supplier<? extends Collection<Service>> services;
  private final ExposureReader exposure;
  private final PoolRegistry registry;
  private final Set<String> namespaces;

  /**
   * @param namespaces the watched namespaces (empty = all): pools of Services elsewhere are never
   *     ours to sweep
   */
  public Sweep(
      Supplier<? extends Collection<Service>> services,
      ExposureReader exposure,
      PoolRegistry registry,
      Set<String> namespaces) {
    this.services = services;
    this.exposure = exposure;
    this.registry = registry;
    this.namespaces = Set.copyOf(namespaces);
  }

  public PublishedPools published() {
    Set<String> pools = new HashSet<>(registry.pools());
    Set<String> held = new HashSet<>(registry.held().keySet());
    for (Service svc : services.get()) {
      Exposure e = exposure.read(svc);
      if (e instanceof Exposure.Invalid invalid) {
        held.add(KubeNames.key(svc));
        pools.addAll(PoolPlanner.poolNames(svc, invalid.names()));
      } else if (e instanceof Exposure.Spec spec) {
        try {
          PortSelection.select(svc, spec); // a selection that fails holds the Service, as in plan
        } catch (PlanException ex) {
          held.add(KubeNames.key(svc));
        }
        pools.addAll(PoolPlanner.poolNames(svc, spec.names()));
      }
    }
    return new PublishedPools(pools, held, namespaces);
  }
}
