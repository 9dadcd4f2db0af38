package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link ClusterView} over a fixed list of objects: for the render command and for tests. */
public final class SnapshotView implements ClusterView {

  private final List<HasMetadata> objects;

  public SnapshotView(Collection<? extends HasMetadata> objects) {
    this.objects = List.copyOf(objects);
  }

  @Override
  public Optional<Service> service(String namespace, String name) {
    return find(Service.class, namespace, name);
  }

  @Override
  public List<EndpointSlice> endpointSlices(String namespace, String service) {
    List<EndpointSlice> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof EndpointSlice slice
          && Objects.equals(namespace, slice.getMetadata().getNamespace())
          && service.equals(labels(slice).get(KubeNames.SERVICE_NAME_LABEL))) {
        out.add(slice);
      }
    }
    return out;
  }

  @Override
  public Optional<Node> node(String name) {
    return find(Node.class, null, name);
  }

  @Override
  public Collection<Node> nodes() {
    return objects.stream().filter(Node.class::isInstance).map(Node.class::cast).toList();
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return find(Pod.class, namespace, name);
  }

  private <T extends HasMetadata> Optional<T> find(Class<T> type, String namespace, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName()))
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
        .findFirst();
  }

  private static Map<String, String> labels(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
