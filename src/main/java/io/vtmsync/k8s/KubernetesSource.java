package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes side of the pipeline: fabric8 informers (list + watch, re-list on 410 Gone and
 * after API-server restarts, retried forever) on Services, EndpointSlices, Nodes and optionally
 * Pods, in the configured namespaces. Their caches are the {@link ClusterView} the planner reads.
 */
public final class KubernetesSource extends ServiceSupport implements ClusterView {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSource.class);

  private final Informers informers;
  private final Map<String, List<SharedIndexInformer<? extends HasMetadata>>> byKind =
      new LinkedHashMap<>();
  private final InformerErrors errors = new InformerErrors();
  private final WatchMonitor monitor =
      new WatchMonitor(this::watching, this::isSynced, errors::recovered);
  private final Map<String, java.util.concurrent.atomic.AtomicLong> events =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Informer notifications received for that kind since start. */
  public long eventCount(String kind) {
    java.util.concurrent.atomic.AtomicLong n = events.get(kind);
    return n == null ? 0 : n.get();
  }

  public KubernetesSource(KubernetesClient client, Set<String> namespaces, boolean watchPods) {
    this.informers = new Informers(client, namespaces, watchPods, errors);
  }

  @Override
  protected void doStart() {
    byKind.putAll(informers.create());
    byKind.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::start);
    LOG.info("watching {} in {}", byKind.keySet(), informers.scope());
    monitor.start();
  }

  @Override
  protected void doStop() {
    monitor.stop();
    byKind.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::stop);
    byKind.clear();
  }

  /** True once every informer has listed its resources at least once. */
  public boolean isSynced() {
    return !byKind.isEmpty()
        && byKind.values().stream().flatMap(List::stream).allMatch(SharedIndexInformer::hasSynced);
  }

  /** How long the watches have been lost (zero while they are open). */
  public java.time.Duration watchesLostFor() {
    return monitor.lostFor();
  }

  /** Per kind: is its watch open right now (false while it reconnects or re-lists)? */
  public Map<String, Boolean> watching() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    byKind.forEach(
        (k, list) -> out.put(k, list.stream().allMatch(SharedIndexInformer::isWatching)));
    return out;
  }

  /** Throws until the caches are whole: plans are never made from a partial view (fail static). */
  public void requireSynced() {
    if (!isSynced()) {
      throw new SourceNotSyncedException("Kubernetes caches are not synced yet");
    }
  }

  public boolean watches(String kind) {
    return byKind.containsKey(kind);
  }

  /** Calls {@code listener} for every change of that kind; the returned handle unsubscribes. */
  public AutoCloseable subscribe(String kind, Consumer<ResourceEvent> listener) {
    List<SharedIndexInformer<? extends HasMetadata>> list = byKind.get(kind);
    if (list == null) {
      throw new IllegalArgumentException(
          "not watching '" + kind + "'; watching " + byKind.keySet());
    }
    java.util.concurrent.atomic.AtomicLong counter =
        events.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicLong());
    ResourceEventHandler<HasMetadata> handler =
        new InformerHandler(
            kind,
            e -> {
              counter.incrementAndGet();
              listener.accept(e);
            });
    list.forEach(i -> addHandler(i, handler));
    return () -> list.forEach(i -> removeHandler(i, handler));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addHandler(SharedIndexInformer i, ResourceEventHandler h) {
    i.addEventHandler(h);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void removeHandler(SharedIndexInformer i, ResourceEventHandler h) {
    i.removeEventHandler(h);
  }

  @Override
  public Optional<Service> service(String namespace, String name) {
    return get(Kinds.SERVICES, namespace, name, Service.class);
  }

  @Override
  public List<EndpointSlice> endpointSlices(String namespace, String service) {
    return indexed(
        Kinds.ENDPOINT_SLICES,
        Informers.BY_SERVICE,
        KubeNames.key(namespace, service),
        EndpointSlice.class);
  }

  @Override
  public Optional<Node> node(String name) {
    return get(Kinds.NODES, null, name, Node.class);
  }

  @Override
  public Collection<Node> nodes() {
    return list(Kinds.NODES, Node.class);
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return get(Kinds.PODS, namespace, name, Pod.class);
  }

  public List<Service> services() {
    return list(Kinds.SERVICES, Service.class);
  }

  /** Services in one namespace (from the informers' namespace index). */
  public List<Service> services(String namespace) {
    return indexed(
        Kinds.SERVICES,
        io.fabric8.kubernetes.client.informers.cache.Cache.NAMESPACE_INDEX,
        namespace,
        Service.class);
  }

  private <T> Optional<T> get(String kind, String namespace, String name, Class<T> type) {
    String key = namespace == null ? name : KubeNames.key(namespace, name);
    for (SharedIndexInformer<? extends HasMetadata> i : byKind.getOrDefault(kind, List.of())) {
      HasMetadata hit = i.getIndexer().getByKey(key);
      if (hit != null) {
        return Optional.of(type.cast(hit));
      }
    }
    return Optional.empty();
  }

  private <T> List<T> indexed(String kind, String index, String value, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SharedIndexInformer<? extends HasMetadata> i : byKind.getOrDefault(kind, List.of())) {
      i.getIndexer().byIndex(index, value).forEach(o -> out.add(type.cast(o)));
    }
    return out;
  }

  private <T> List<T> list(String kind, Class<T> type) {
    List<T> out = new ArrayList<>();
    byKind
        .getOrDefault(kind, List.of())
        .forEach(i -> i.getIndexer().list().forEach(o -> out.add(type.cast(o))));
    return out;
  }
}
