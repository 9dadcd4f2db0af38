package io.vtmsync.pool;

import io.vtmsync.k8s.KubeNames;
import io.vtmsync.queue.WorkQueue;
import java.util.Map;
import java.util.Set;

/**
 * What the exposed Services publish now, taken from the synced caches: the pool names, the Services
 * held for bad input (their pools stay, whatever they are named), and the namespaces this process
 * watches. A target's sweep asks it whether a pool we own has been orphaned (its Service deleted or
 * no longer exposing it, perhaps while this process was down).
 *
 * @param scopes per Kubernetes source ({@code ""}: the default one), the namespaces it watches;
 *     empty = all
 */
public record PublishedPools(
    Set<String> pools, Set<String> heldServices, Map<String, Set<String>> scopes)
    implements WorkQueue.Keyed {

  /** The queue key a sweep travels under in a vTM lane (never a valid pool name: it has '~'). */
  public static final String SWEEP_KEY = "~sweep";

  public PublishedPools {
    pools = Set.copyOf(pools);
    heldServices = Set.copyOf(heldServices);
    scopes = Map.copyOf(scopes);
  }

  /** One (default) source watching these namespaces. */
  public PublishedPools(Set<String> pools, Set<String> heldServices, Set<String> namespaces) {
    this(pools, heldServices, Map.of("", Set.copyOf(namespaces)));
  }

  /**
   * Is a pool that we own (our mark names {@code owner}) orphaned? Not when some Service publishes
   * its name, not when its owner is held for bad input, and not when the owner's source or
   * namespace is one we do not watch (another instance's pool, or a source no longer configured).
   */
  public boolean orphaned(String pool, String owner) {
    Set<String> namespaces = scopes.get(KubeNames.sourceOf(owner));
    String local = KubeNames.local(owner);
    if (namespaces == null || local.indexOf('/') <= 0) {
      return false;
    }
    String namespace = local.substring(0, local.indexOf('/'));
    return !pools.contains(pool)
        && !heldServices.contains(owner)
        && (namespaces.isEmpty() || namespaces.contains(namespace));
  }

  /** The removal a target applies to an orphaned pool, under its removed-pool policy. */
  public PoolPlan removal(String pool, String owner, Set<String> clusters) {
    return PoolPlan.failed(
        pool,
        owner,
        clusters,
        PoolPlan.REMOVED,
        "pool '"
            + pool
            + "' is marked as published by Service '"
            + owner
            + "', which no longer publishes it (found by the sweep: deleted or changed, perhaps"
            + " while vtm-k8s-sync was down)");
  }

  @Override
  public String queueKey() {
    return SWEEP_KEY;
  }
}
