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
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns informer events into the Service keys ({@code namespace/name}) whose pools may have
 * changed: the doorbells of the pipeline. Updates that cannot change a plan (status heartbeats,
 * resourceVersion bumps) ring no bell.
 */
public final class PoolKeys {

  private final KubernetesSource source;
  private final ExposureReader exposure;
  private final Supplier<Collection<String>> knownServices;

  /**
   * @param knownServices Services that own pools now (so a resync also revisits deleted ones)
   */
  public PoolKeys(
      KubernetesSource source,
      ExposureReader exposure,
      Supplier<Collection<String>> knownServices) {
    this.source = source;
    this.exposure = exposure;
    this.knownServices = knownServices;
  }

  public List<String> forService(ResourceEvent e) {
    if (e.type() == ResourceEvent.Type.UPDATED) {
      Service a = (Service) e.before();
      Service b = (Service) e.after();
      if (Objects.equals(a.getSpec(), b.getSpec())
          && Objects.equals(a.getMetadata().getAnnotations(), b.getMetadata().getAnnotations())) {
        return List.of();
      }
    }
    return List.of(KubeNames.key(e.object()));
  }

  public List<String> forEndpointSlice(ResourceEvent e) {
    TreeSet<String> keys = new TreeSet<>();
    if (e.before() != null) {
      keys.addAll(Informers.serviceKeys((EndpointSlice) e.before()));
    }
    if (e.after() != null) {
      keys.addAll(Informers.serviceKeys((EndpointSlice) e.after()));
    }
    return new ArrayList<>(keys);
  }

  /** A node change that matters (readiness, cordon, labels, addresses) can touch every pool. */
  public List<String> forNode(ResourceEvent e) {
    if (e.type() == ResourceEvent.Type.UPDATED
        && fingerprint((Node) e.before()).equals(fingerprint((Node) e.after()))) {
      return List.of();
    }
    return exposed();
  }

  /** Pods matter to hostport pools only: ring the hostport Services that select the pod. */
  public List<String> forPod(ResourceEvent e) {
    Pod pod = (Pod) e.object();
    if (e.type() == ResourceEvent.Type.UPDATED && samePlacement((Pod) e.before(), pod)) {
      return List.of();
    }
    Map<String, String> labels = labels(pod);
    return source.services(pod.getMetadata().getNamespace()).stream()
        .filter(s -> s.getSpec() != null && s.getSpec().getSelector() != null)
        .filter(s -> !s.getSpec().getSelector().isEmpty())
        .filter(s -> labels.entrySet().containsAll(s.getSpec().getSelector().entrySet()))
        .filter(exposure::readsPods)
        .map(KubeNames::key)
        .toList();
  }

  /** Every exposed Service and every Service that still owns a pool: what a resync revisits. */
  public List<String> all() {
    TreeSet<String> keys = new TreeSet<>(exposed());
    keys.addAll(knownServices.get());
    return new ArrayList<>(keys);
  }

  private List<String> exposed() {
    return source.services().stream()
        .filter(s -> !(exposure.read(s) instanceof Exposure.NotExposed))
        .map(KubeNames::key)
        .toList();
  }

  private static List<Object> fingerprint(Node n) {
    return List.of(
        Nodes.ready(n),
        Nodes.schedulable(n),
        Nodes.labels(n),
        n.getStatus() == null || n.getStatus().getAddresses() == null
            ? List.of()
            : n.getStatus().getAddresses());
  }

  private static boolean samePlacement(Pod a, Pod b) {
    return Objects.equals(labels(a), labels(b))
        && Objects.equals(nodeName(a), nodeName(b))
        && Objects.equals(
            a.getStatus() == null ? null : a.getStatus().getHostIP(),
            b.getStatus() == null ? null : b.getStatus().getHostIP());
  }

  private static String nodeName(Pod p) {
    return p.getSpec() == null ? null : p.getSpec().getNodeName();
  }

  private static Map<String, String> labels(HasMetadata o) {
    Map<String, String> l = o.getMetadata().getLabels();
    return l == null ? Map.of() : l;
  }
}
