package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterView} over a fixed list of objects, indexed once: for the render command, tests
 * and benchmarks (the running app reads the informers' indexed caches instead).
 */
public final class SnapshotView implements ClusterView {

  private final Map<String, HasMetadata> byKindAndKey = new HashMap<>();
  private final Map<String, List<EndpointSlice>> slicesByService = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  public SnapshotView(Collection<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      String ns = o.getMetadata().getNamespace();
      String name = o.getMetadata().getName();
      byKindAndKey.putIfAbsent(o.getKind() + " " + (ns == null ? "" : ns) + "/" + name, o);
      if (o instanceof Node n) {
        nodes.add(n);
      } else if (o instanceof EndpointSlice slice) {
        Map<String, String> labels = slice.getMetadata().getLabels();
        String svc = labels == null ? null : labels.get(KubeNames.SERVICE_NAME_LABEL);
        if (svc != null) {
          slicesByService
              .computeIfAbsent(KubeNames.key(ns, svc), k -> new ArrayList<>())
              .add(slice);
        }
      }
    }
  }

  @Override
  public Optional<Service> service(String namespace, String name) {
    return find("Service", Service.class, namespace, name);
  }

  @Override
  public List<EndpointSlice> endpointSlices(String namespace, String service) {
    return slicesByService.getOrDefault(KubeNames.key(namespace, service), List.of());
  }

  @Override
  public Optional<Node> node(String name) {
    return find("Node", Node.class, null, name);
  }

  @Override
  public Collection<Node> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return find("Pod", Pod.class, namespace, name);
  }

  private <T> Optional<T> find(String kind, Class<T> type, String namespace, String name) {
    HasMetadata o =
        byKindAndKey.get(kind + " " + (namespace == null ? "" : namespace) + "/" + name);
    return type.isInstance(o) ? Optional.of(type.cast(o)) : Optional.empty();
  }
}
