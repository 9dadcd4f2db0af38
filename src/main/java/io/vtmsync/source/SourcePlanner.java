package io.vtmsync.source;

import io.vtmsync.k8s.KubeNames;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.ServicePlan;
import java.util.List;

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
    // Shared across sources: a pool named explicitly (the planner says so), or the same
    // namespace/name where the source merges by name (k8s.<name>.merge-by-name).
    return sourced(plan, s, serviceKey, s.mergeByName() || plan.mergeable());
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

  private static Member prioritised(Member m, int priority) {
    return m.priority() == priority ? m : m.withPriority(priority);
  }

  /** Errors name the Service as the pipeline knows it: with its source. */
  private static String renamed(String text, String local, String key) {
    return text == null ? null : text.replace("'" + local + "'", "'" + key + "'");
  }
}
