package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches Pods only where hostport mode needs them: a namespace's pods are watched while some
 * exposed Service there uses hostport mode, from its first such Service to its last (then the
 * informer stops and its cache is dropped). Only hostport plans read pods, and a cluster's Pods
 * outweigh everything else the app caches; with no hostport Service no Pod is held at all. Fed by
 * the Service informer.
 */
final class PodWatch implements ResourceEventHandler<Service> {

  private static final Logger LOG = LoggerFactory.getLogger(PodWatch.class);

  private final boolean allowed;
  private final Predicate<Service> needsPods;
  private final Function<String, SharedIndexInformer<Pod>> informerFor;
  private final Map<String, Set<String>> demand = new HashMap<>(); // namespace -> Service keys
  private final Map<String, SharedIndexInformer<Pod>> running = new ConcurrentHashMap<>();
  private final Set<String> seenWatching = ConcurrentHashMap.newKeySet();
  private final List<ResourceEventHandler<HasMetadata>> handlers = new CopyOnWriteArrayList<>();

  /**
   * @param allowed k8s.watch-pods: false never watches any Pod
   * @param needsPods true for a Service whose plan reads pods (exposed in hostport mode)
   * @param informerFor a new, unstarted pod informer for a namespace
   */
  PodWatch(
      boolean allowed,
      Predicate<Service> needsPods,
      Function<String, SharedIndexInformer<Pod>> informerFor) {
    this.allowed = allowed;
    this.needsPods = needsPods;
    this.informerFor = informerFor;
  }

  boolean allowed() {
    return allowed;
  }

  @Override
  public void onAdd(Service svc) {
    changed(svc, needsPods.test(svc));
  }

  @Override
  public void onUpdate(Service before, Service after) {
    changed(after, needsPods.test(after));
  }

  @Override
  public void onDelete(Service svc, boolean finalStateUnknown) {
    changed(svc, false);
  }

  /** Can hostport plans in this namespace read its pods now? */
  ClusterView.Pods state(String namespace) {
    if (!allowed) {
      return ClusterView.Pods.NOT_WATCHED;
    }
    SharedIndexInformer<Pod> i = running.get(namespace);
    return i != null && i.hasSynced() ? ClusterView.Pods.CACHED : ClusterView.Pods.SYNCING;
  }

  Optional<Pod> pod(String namespace, String name) {
    SharedIndexInformer<Pod> i = running.get(namespace);
    return i == null
        ? Optional.empty()
        : Optional.ofNullable(i.getIndexer().getByKey(KubeNames.key(namespace, name)));
  }

  /**
   * Whether every pod watch that has opened since its informer started is open now; empty while
   * none has (a watch being set up for a new namespace is not a watch lost).
   */
  Optional<Boolean> watching() {
    boolean any = false;
    boolean all = true;
    for (Map.Entry<String, SharedIndexInformer<Pod>> e : running.entrySet()) {
      boolean open = e.getValue().isWatching();
      if (open) {
        seenWatching.add(e.getKey());
      }
      if (seenWatching.contains(e.getKey())) {
        any = true;
        all &= open;
      }
    }
    return any ? Optional.of(all) : Optional.empty();
  }

  /** Adds a handler to every pod informer, now and later; closing the handle removes it. */
  synchronized AutoCloseable subscribe(ResourceEventHandler<HasMetadata> handler) {
    handlers.add(handler);
    running.values().forEach(i -> add(i, handler));
    return () -> {
      synchronized (this) {
        handlers.remove(handler);
        running.values().forEach(i -> remove(i, handler));
      }
    };
  }

  synchronized void stop() {
    List.copyOf(running.keySet()).forEach(this::unwatch);
    demand.clear();
  }

  private synchronized void changed(Service svc, boolean needs) {
    String ns = svc.getMetadata().getNamespace();
    Set<String> keys = demand.computeIfAbsent(ns, k -> new HashSet<>());
    boolean changed = needs ? keys.add(KubeNames.key(svc)) : keys.remove(KubeNames.key(svc));
    if (keys.isEmpty()) {
      demand.remove(ns);
    }
    if (!changed || !allowed) {
      return;
    }
    if (needs && !running.containsKey(ns)) {
      watch(ns, KubeNames.key(svc));
    } else if (!needs && keys.isEmpty()) {
      unwatch(ns);
      LOG.info("no hostport Service left in namespace {}: its pods are no longer watched", ns);
    }
  }

  private void watch(String namespace, String because) {
    SharedIndexInformer<Pod> i = informerFor.apply(namespace);
    handlers.forEach(h -> add(i, h));
    running.put(namespace, i);
    i.start();
    LOG.info(
        "watching the pods of namespace {}: Service {} uses hostport mode", namespace, because);
  }

  private void unwatch(String namespace) {
    SharedIndexInformer<Pod> i = running.remove(namespace);
    seenWatching.remove(namespace);
    if (i != null) {
      i.stop(); // unreferenced from here on: the cache goes with it
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void add(SharedIndexInformer i, ResourceEventHandler h) {
    i.addEventHandler(h);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void remove(SharedIndexInformer i, ResourceEventHandler h) {
    i.removeEventHandler(h);
  }
}
