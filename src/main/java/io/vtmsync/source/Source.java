package io.vtmsync.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.KubernetesSource;
import io.vtmsync.k8s.PoolKeys;
import io.vtmsync.pool.PoolPlanner;
import java.util.Set;

/**
 * One Kubernetes API the pipeline reads: its informer caches, the doorbells and planner over them,
 * and how its members enter a shared pool.
 *
 * @param name {@code ""} for the default (single) source; else the prefix of its Service keys
 * @param namespaces the namespaces it watches (empty: all)
 * @param priority vTM node priority of its members
 * @param mergeByName its Services feed same-named Services' pools in other sources
 * @param client the API client (Events are written through it)
 */
public record Source(
    String name,
    KubernetesSource cache,
    ExposureReader exposure,
    PoolKeys keys,
    PoolPlanner planner,
    Set<String> namespaces,
    int priority,
    boolean mergeByName,
    KubernetesClient client) {

  public Source {
    namespaces = Set.copyOf(namespaces);
  }

  /** The Service key of {@code namespace/name} read from this source. */
  public String key(String local) {
    return KubeNames.sourced(name, local);
  }

  /** How logs and errors name it. */
  public String label() {
    return name.isEmpty() ? "Kubernetes" : "Kubernetes source '" + name + "'";
  }
}
