package io.vtmsync.source;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.ServicePlan;
import java.util.List;
import java.util.Optional;

/**
 * The {@code poolPlanner} bean of routes/sync.camel.yaml over every source: a Service key is
 * planned by its own source's planner, from that source's caches. A named source's plans carry its
 * Service key ({@code east:shop/web}) in every field and error, its priority on every member, and
 * whether the Service may share its pools with other sources.
 */
public final class SourcePlanner {

  private final Sources sources;

  public SourcePlanner(Sources sources) {
    this.sources = sources;
  }

  public ServicePlan planService(String serviceKey) {
    Source s = sources.of(serviceKey);
    String local = KubeNames.local(serviceKey);
    ServicePlan plan = s.planner().planService(local);
    if (s.name().isEmpty()) {
      return plan; // the single source: as it always was
    }
    return sourced(plan, s, serviceKey, mergeable(s, local));
  }

  /** The plans of this source's Service, named by its sourced key, with the source's priority. */
  static ServicePlan sourced(ServicePlan plan, Source s, String key, boolean mergeable) {
    String local = KubeNames.local(key);
    List<PoolPlan> pools =
        plan.pools().stream()
            .map(
                p ->
                    new PoolPlan(
                        p.pool(),
                        key,
                        p.clusters(),
                        p.code(),
                        renamed(p.error(), local, key),
                        p.members().stream().map(m -> prioritised(m, s.priority())).toList(),
                        p.triggeredAtNanos()))
            .toList();
    return new ServicePlan(
        key,
        pools,
        renamed(plan.heldBecause(), local, key),
        plan.problems().stream().map(t -> renamed(t, local, key)).toList(),
        mergeable);
  }

  /**
   * A Service shares its pools across sources when it names its pool explicitly (the {@code pool}
   * annotation: the same pool name in two clusters is a deliberate choice), or when its source
   * merges by name ({@code k8s.<name>.merge-by-name}: the same {@code namespace/name}).
   */
  private static boolean mergeable(Source s, String local) {
    if (s.mergeByName()) {
      return true;
    }
    String[] ns = KubeNames.split(local);
    Optional<Service> svc = s.cache().service(ns[0], ns[1]);
    if (svc.isEmpty()) {
      return false;
    }
    Exposure e = s.exposure().read(svc.get());
    Exposure.Names names =
        e instanceof Exposure.Spec spec
            ? spec.names()
            : e instanceof Exposure.Invalid invalid ? invalid.names() : null;
    return names != null && names.pool() != null;
  }

  private static Member prioritised(Member m, int priority) {
    return m.priority() == priority ? m : m.withPriority(priority);
  }

  /** Errors name the Service as the pipeline knows it: with its source. */
  private static String renamed(String text, String local, String key) {
    return text == null ? null : text.replace("'" + local + "'", "'" + key + "'");
  }
}
