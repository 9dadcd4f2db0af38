package io.vtmsync.pool;

import java.util.List;
import java.util.Objects;

/**
 * All a Service's pools as planned from one look at the caches, and whether its settings failed: a
 * Service whose annotations (or port selection) fail is <em>held</em>, so the registry keeps every
 * pool it published before instead of reading the failure as a removal.
 *
 * @param pools the plans to apply, named as the Service's settings name its pools
 * @param heldBecause why the Service is held (its settings failed), or null
 * @param problems errors that name no pool (a pool name that cannot be derived), for the log
 * @param mergeable its pools may take members from same-named pools of Services in other Kubernetes
 *     sources (it names its pool explicitly, or its source merges by name)
 */
public record ServicePlan(
    String service,
    List<PoolPlan> pools,
    String heldBecause,
    List<String> problems,
    boolean mergeable) {

  public ServicePlan(
      String service, List<PoolPlan> pools, String heldBecause, List<String> problems) {
    this(service, pools, heldBecause, problems, false);
  }

  public ServicePlan {
    Objects.requireNonNull(service, "service");
    pools = List.copyOf(pools);
    problems = List.copyOf(problems);
  }

  /** The Service is gone or not exposed: it publishes nothing. */
  public static ServicePlan none(String service) {
    return new ServicePlan(service, List.of(), null, List.of());
  }

  public static ServicePlan of(String service, List<PoolPlan> pools) {
    return new ServicePlan(service, pools, null, List.of());
  }

  public static ServicePlan held(String service, List<PoolPlan> pools, String because) {
    return new ServicePlan(service, pools, Objects.requireNonNull(because), List.of());
  }

  public boolean held() {
    return heldBecause != null;
  }

  public ServicePlan withMergeable(boolean shared) {
    return shared == mergeable
        ? this
        : new ServicePlan(service, pools, heldBecause, problems, shared);
  }

  public ServicePlan withProblems(List<String> more) {
    return more.isEmpty()
        ? this
        : new ServicePlan(
            service,
            pools,
            heldBecause,
            java.util.stream.Stream.concat(problems.stream(), more.stream()).toList(),
            mergeable);
  }
}
