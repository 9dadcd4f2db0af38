package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the informers: one per kind and watched namespace (one for all namespaces when none are
 * listed), indexed for the planner's look-ups. Every informer retries forever: the default would
 * give up when the first list fails, and a syncer that stops watching silently is the worst case.
 */
final class Informers {

  static final String BY_SERVICE = "byService";

  private final KubernetesClient client;
  private final List<String> namespaces;
  private final boolean watchPods;
  private final InformerErrors errors;

  Informers(
      KubernetesClient client, Set<String> namespaces, boolean watchPods, InformerErrors errors) {
    this.client = client;
    this.namespaces = namespaces.stream().sorted().toList();
    this.watchPods = watchPods;
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
            Kinds.SERVICES,
            ns ->
                ns == null
                    ? client.services().inAnyNamespace().runnableInformer(0)
                    : client.services().inNamespace(ns).runnableInformer(0)));
    out.put(
        Kinds.ENDPOINT_SLICES,
        perNamespace(
            Kinds.ENDPOINT_SLICES,
            ns ->
                sliceIndexes(
                    ns == null
                        ? client
                            .discovery()
                            .v1()
                            .endpointSlices()
                            .inAnyNamespace()
                            .runnableInformer(0)
                        : client
                            .discovery()
                            .v1()
                            .endpointSlices()
                            .inNamespace(ns)
                            .runnableInformer(0))));
    out.put(Kinds.NODES, List.of(retrying(Kinds.NODES, client.nodes().runnableInformer(0))));
    if (watchPods) {
      out.put(
          Kinds.PODS,
          perNamespace(
              Kinds.PODS,
              ns ->
                  ns == null
                      ? client.pods().inAnyNamespace().runnableInformer(0)
                      : client.pods().inNamespace(ns).runnableInformer(0)));
    }
    return out;
  }

  private List<SharedIndexInformer<? extends HasMetadata>> perNamespace(
      String kind, Function<String, SharedIndexInformer<? extends HasMetadata>> factory) {
    List<SharedIndexInformer<? extends HasMetadata>> out = new ArrayList<>();
    if (namespaces.isEmpty()) {
      out.add(retrying(kind, factory.apply(null)));
    } else {
      namespaces.forEach(ns -> out.add(retrying(kind, factory.apply(ns))));
    }
    return out;
  }

  private <T extends HasMetadata> SharedIndexInformer<T> retrying(
      String kind, SharedIndexInformer<T> i) {
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
