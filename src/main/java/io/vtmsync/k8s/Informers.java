package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Builds the informers: one per kind and watched namespace (one for all namespaces when none are
 * listed), indexed for the planner's look-ups, each caching trimmed objects ({@link
 * ObjectTrimmer}). Pods are not among them: {@link PodWatch} starts their informers per namespace.
 * Every informer retries forever: the default would give up when the first list fails, and a syncer
 * that stops watching silently is the worst case.
 */
final class Informers {

  static final String BY_SERVICE = "byService";

  /**
   * Objects per list request. A list arrives whole otherwise: 20,000 real Pods are over 250 MB of
   * JSON. At 100 a page of real Pods is about 1.5 MB, and the buffers of several namespaces listing
   * at once stay small: with 500, client-go's page, RSS while Pods were listed was up to 70 MB
   * higher in the production bench.
   */
  static final long LIST_PAGE = 100;

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final InformerErrors errors;

  Informers(KubernetesClient client, Set<String> namespaces, InformerErrors errors) {
    this.client = client;
    this.namespaces = namespaces.stream().sorted().toList();
    this.errors = errors;
  }

  String scope() {
    return namespaces.isEmpty() ? "all namespaces" : "namespaces " + namespaces;
  }

  Map<String, List<SharedIndexInformer<? extends HasMetadata>>> create() {
    Map<String, List<SharedIndexInformer<? extends HasMetadata>>> out = new LinkedHashMap<>();
    out.put(
        Kinds.SERVICES,
        perNamespace(
            ns ->
                informer(
                    Kinds.SERVICES,
                    ns == null
                        ? client.services().inAnyNamespace()
                        : client.services().inNamespace(ns),
                    ObjectTrimmer::service)));
    out.put(
        Kinds.ENDPOINT_SLICES,
        perNamespace(
            ns -> {
              var slices = client.discovery().v1().endpointSlices();
              return sliceIndexes(
                  informer(
                      Kinds.ENDPOINT_SLICES,
                      ns == null ? slices.inAnyNamespace() : slices.inNamespace(ns),
                      ObjectTrimmer::endpointSlice));
            }));
    out.put(Kinds.NODES, List.of(informer(Kinds.NODES, client.nodes(), ObjectTrimmer::node)));
    return out;
  }

  /** An unstarted informer on one namespace's pods. */
  SharedIndexInformer<Pod> pods(String namespace) {
    return informer(Kinds.PODS, client.pods().inNamespace(namespace), ObjectTrimmer::pod);
  }

  private List<SharedIndexInformer<? extends HasMetadata>> perNamespace(
      Function<String, SharedIndexInformer<? extends HasMetadata>> factory) {
    List<SharedIndexInformer<? extends HasMetadata>> out = new ArrayList<>();
    if (namespaces.isEmpty()) {
      out.add(factory.apply(null));
    } else {
      namespaces.forEach(ns -> out.add(factory.apply(ns)));
    }
    return out;
  }

  private <T extends HasMetadata> SharedIndexInformer<T> informer(
      String kind, Informable<T> source, UnaryOperator<T> trim) {
    SharedIndexInformer<T> i = source.withLimit(LIST_PAGE).runnableInformer(0);
    i.itemStore(new TrimmingStore<>(trim));
    return i.exceptionHandler((started, t) -> errors.retry(kind, t));
  }

  private static SharedIndexInformer<EndpointSlice> sliceIndexes(
      SharedIndexInformer<EndpointSlice> i) {
    return i.addIndexers(Map.of(BY_SERVICE, Informers::serviceKeys));
  }

  static List<String> serviceKeys(EndpointSlice s) {
    Map<String, String> labels = s.getMetadata().getLabels();
    String svc = labels == null ? null : labels.get(KubeNames.SERVICE_NAME_LABEL);
    return svc == null ? List.of() : List.of(KubeNames.key(s.getMetadata().getNamespace(), svc));
  }
}
