package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The informers of each always-watched kind, and look-ups in their caches (by key or index). */
final class InformerCaches {

  final Map<String, List<SharedIndexInformer<? extends HasMetadata>>> byKind =
      new LinkedHashMap<>();

  <T> Optional<T> get(String kind, String namespace, String name, Class<T> type) {
    String key = namespace == null ? name : KubeNames.key(namespace, name);
    for (SharedIndexInformer<? extends HasMetadata> i : byKind.getOrDefault(kind, List.of())) {
      HasMetadata hit = i.getIndexer().getByKey(key);
      if (hit != null) {
        return Optional.of(type.cast(hit));
      }
    }
    return Optional.empty();
  }

  <T> List<T> indexed(String kind, String index, String value, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SharedIndexInformer<? extends HasMetadata> i : byKind.getOrDefault(kind, List.of())) {
      i.getIndexer().byIndex(index, value).forEach(o -> out.add(type.cast(o)));
    }
    return out;
  }

  <T> List<T> list(String kind, Class<T> type) {
    List<T> out = new ArrayList<>();
    byKind
        .getOrDefault(kind, List.of())
        .forEach(i -> i.getIndexer().list().forEach(o -> out.add(type.cast(o))));
    return out;
  }
}
