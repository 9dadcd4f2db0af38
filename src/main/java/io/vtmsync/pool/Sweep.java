package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The start of a sweep (routes/sweep.camel.yaml): what the exposed Services in the synced caches
 * publish now, by name only (no members are planned), plus every pool the registry still holds for
 * a Service. Each target then lists its own pools once and reads back only names not in it.
 */
public final class Sweep {

  /**
   * One Kubernetes source as the sweep sees it.
   *
   * @param source {@code ""} for the default source, else the prefix of its Service keys
   * @param namespaces the namespaces it watches (empty = all): pools of Services elsewhere are
   *     never ours to sweep
   */
  public record Scope(
      String source,
      Supplier<? extends Collection<Service>> services,
      ExposureReader exposure,
      Set<String> namespaces) {}

  private final List<Scope> scopes;
  private final PoolRegistry registry;

  public Sweep(List<Scope> scopes, PoolRegistry registry) {
    this.scopes = List.copyOf(scopes);
    this.registry = registry;
  }

  /** One (default) source. */
  public Sweep(
      Supplier<? extends Collection<Service>> services,
      ExposureReader exposure,
      PoolRegistry registry,
      Set<String> namespaces) {
    this(List.of(new Scope("", services, exposure, Set.copyOf(namespaces))), registry);
  }

  public PublishedPools published() {
    Set<String> pools = new HashSet<>(registry.pools());
    Set<String> held = new HashSet<>(registry.held().keySet());
    Map<String, Set<String>> watched = new HashMap<>();
    for (Scope scope : scopes) {
      watched.put(scope.source(), Set.copyOf(scope.namespaces()));
      for (Service svc : scope.services().get()) {
        String key = KubeNames.sourced(scope.source(), KubeNames.key(svc));
        Exposure e = scope.exposure().read(svc);
        if (e instanceof Exposure.Invalid invalid) {
          held.add(key);
          pools.addAll(PoolPlanner.poolNames(svc, invalid.names()));
        } else if (e instanceof Exposure.Spec spec) {
          try {
            PortSelection.select(svc, spec); // a selection that fails holds the Service, as in plan
          } catch (PlanException ex) {
            held.add(key);
          }
          pools.addAll(PoolPlanner.poolNames(svc, spec.names()));
        }
      }
    }
    return new PublishedPools(pools, held, watched);
  }
}
