package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the Kubernetes objects the planner needs. In the running app it is backed by
 * informer caches; in the render command and in tests by plain lists.
 */
public interface ClusterView {

  Optional<Service> service(String namespace, String name);

  /** The EndpointSlices labelled {@code kubernetes.io/service-name=<service>} in the namespace. */
  List<EndpointSlice> endpointSlices(String namespace, String service);

  Optional<Node> node(String name);

  Collection<Node> nodes();

  Optional<Pod> pod(String namespace, String name);

  /** Whether {@link #pod} answers from a whole cache of the namespace's pods. */
  enum Pods {
    /** Listed and watched: hostport plans may read them. */
    CACHED,
    /** Not (yet) listed: a hostport plan now could drop members, so it waits (fail static). */
    SYNCING,
    /** Never watched ({@code k8s.watch-pods=false}): hostport mode cannot work. */
    NOT_WATCHED
  }

  /** The state of the pod cache of a namespace; a fixed list of objects has all it will have. */
  default Pods pods(String namespace) {
    return Pods.CACHED;
  }
}
