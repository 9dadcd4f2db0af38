package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes side of the pipeline: fabric8 informers (list + watch, re-list on 410 Gone and
 * after API-server restarts, retried forever) on Services, EndpointSlices and Nodes in the
 * configured namespaces, and on Pods where hostport Services need them ({@link PodWatch}). Their
 * caches, trimmed to what planning reads, are the {@link ClusterView} the planner reads.
 */
public final class KubernetesSource extends ServiceSupport implements ClusterView {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSource.class);

  private final Informers informers;
  private final PodWatch pods;
  private final InformerCaches caches = new InformerCaches();
  private final Map<String, List<SharedIndexInformer<? extends HasMetadata>>> byKind =
      caches.byKind;
  private final InformerErrors errors = new InformerErrors();
  private final WatchMonitor monitor =
      new WatchMonitor(this::watching, this::isSynced, errors::recovered);
  private final Map<String, AtomicLong> events = new ConcurrentHashMap<>();

  /**
   * @param watchPods k8s.watch-pods: whether Pods may be watched at all
   * @param readsPods true for a Service whose plan reads pods (hostport mode)
   */
  public KubernetesSource(
      KubernetesClient client,
      Set<String> namespaces,
      boolean watchPods,
      Predicate<Service> readsPods) {
    this.informers = new Informers(client, namespaces, errors);
    this.pods = new PodWatch(watchPods, readsPods, informers::pods);
  }

  /**
   * Names this source in its log lines ("Kubernetes source 'east': caches synced"), when there are
   * several. Call before start.
   */
  public KubernetesSource named(String name) {
    if (name != null && !name.isEmpty()) {
      monitor.label = "Kubernetes source '" + name + "':";
      errors.prefix = "Kubernetes source '" + name + "': ";
      label = "Kubernetes source '" + name + "': ";
    }
    return this;
  }

  private volatile String label = "";

  /**
   * Runs once when every informer has first listed (within about 10 ms), e.g. to retry at once the
   * keys that came during the list and failed for want of whole caches. Call before start.
   */
  public void onFirstSync(Runnable r) {
    monitor.onFirstSync(r);
  }

  /** Informer notifications received for that kind since start. */
  public long eventCount(String kind) {
    AtomicLong n = events.get(kind);
    return n == null ? 0 : n.get();
  }

  @Override
  protected void doStart() {
    byKind.putAll(informers.create());
    byKind.get(Kinds.SERVICES).forEach(i -> addHandler(i, pods));
    byKind.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::start);
    LOG.info(
        "{}watching {} in {}; pods {}",
        label,
        byKind.keySet(),
        informers.scope(),
        pods.allowed() ? "only in namespaces with hostport Services" : "never (k8s.watch-pods)");
    monitor.start();
  }

  @Override
  protected void doStop() {
    monitor.stop();
    byKind.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::stop);
    byKind.clear();
    pods.stop(); // after the Service informers: no Service event can start a pod informer again
  }

  /**
   * True once the Service, EndpointSlice and Node informers have listed at least once. Pods are
   * judged per namespace, when a hostport plan needs them ({@link #pods(String)}).
   */
  public boolean isSynced() {
    return !byKind.isEmpty()
        && byKind.values().stream().flatMap(List::stream).allMatch(SharedIndexInformer::hasSynced);
  }

  /** How long the watches have been lost (zero while they are open). */
  public Duration watchesLostFor() {
    return monitor.lostFor();
  }

  /** Per kind: is its watch open right now (false while it reconnects or re-lists)? */
  public Map<String, Boolean> watching() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    byKind.forEach(
        (k, list) -> out.put(k, list.stream().allMatch(SharedIndexInformer::isWatching)));
    pods.watching().ifPresent(open -> out.put(Kinds.PODS, open));
    return out;
  }

  /** Throws until the caches are whole: plans are never made from a partial view (fail static). */
  public void requireSynced() {
    if (!isSynced()) {
      throw new SourceNotSyncedException("Kubernetes caches are not synced yet");
    }
  }

  /** May this kind fire events (pods: unless k8s.watch-pods is false)? */
  public boolean watches(String kind) {
    return byKind.containsKey(kind) || (Kinds.PODS.equals(kind) && pods.allowed());
  }

  /** Calls {@code listener} for every change of that kind; the returned handle unsubscribes. */
  public AutoCloseable subscribe(String kind, Consumer<ResourceEvent> listener) {
    if (!watches(kind)) {
      throw new IllegalArgumentException(
          "not watching '" + kind + "'; watching " + byKind.keySet());
    }
    AtomicLong counter = events.computeIfAbsent(kind, k -> new AtomicLong());
    ResourceEventHandler<HasMetadata> handler =
        new InformerHandler(
            kind,
            e -> {
              counter.incrementAndGet();
              listener.accept(e);
            });
    if (Kinds.PODS.equals(kind)) {
      return pods.subscribe(handler);
    }
    List<SharedIndexInformer<? extends HasMetadata>> list = byKind.get(kind);
    list.forEach(i -> addHandler(i, handler));
    return () -> list.forEach(i -> i.removeEventHandler(cast(handler)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addHandler(SharedIndexInformer i, ResourceEventHandler h) {
    i.addEventHandler(h);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResourceEventHandler cast(ResourceEventHandler h) {
    return h;
  }

  @Override
  public Optional<Service> service(String namespace, String name) {
    return caches.get(Kinds.SERVICES, namespace, name, Service.class);
  }

  @Override
  public List<EndpointSlice> endpointSlices(String namespace, String service) {
    return caches.indexed(
        Kinds.ENDPOINT_SLICES,
        Informers.BY_SERVICE,
        KubeNames.key(namespace, service),
        EndpointSlice.class);
  }

  @Override
  public Optional<Node> node(String name) {
    return caches.get(Kinds.NODES, null, name, Node.class);
  }

  @Override
  public Collection<Node> nodes() {
    return caches.list(Kinds.NODES, Node.class);
  }

  @Override
  public Optional<Pod> pod(String namespace, String name) {
    return pods.pod(namespace, name);
  }

  @Override
  public Pods pods(String namespace) {
    return pods.state(namespace);
  }

  public List<Service> services() {
    return caches.list(Kinds.SERVICES, Service.class);
  }

  /** Services in one namespace (from the informers' namespace index). */
  public List<Service> services(String namespace) {
    return caches.indexed(Kinds.SERVICES, Cache.NAMESPACE_INDEX, namespace, Service.class);
  }
}
