package io.vtmsync.source;

import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.PoolKeys;
import io.vtmsync.k8s.ResourceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code poolKeys} bean of routes/trigger.camel.yaml over every source: an informer event is
 * turned into Service keys by its own source's {@link PoolKeys}, and the keys carry that source.
 */
public final class SourcePoolKeys {

  private final Sources sources;

  public SourcePoolKeys(Sources sources) {
    this.sources = sources;
  }

  public List<String> forService(ResourceEvent e) {
    return keys(e, PoolKeys::forService);
  }

  public List<String> forEndpointSlice(ResourceEvent e) {
    return keys(e, PoolKeys::forEndpointSlice);
  }

  public List<String> forNode(ResourceEvent e) {
    return keys(e, PoolKeys::forNode);
  }

  public List<String> forPod(ResourceEvent e) {
    return keys(e, PoolKeys::forPod);
  }

  /** Every exposed Service of every source, and every Service that still owns a pool. */
  public List<String> all() {
    List<String> out = new ArrayList<>();
    for (Source s : sources.all()) {
      s.keys().all().forEach(k -> out.add(s.key(k)));
    }
    return out;
  }

  private List<String> keys(
      ResourceEvent e, java.util.function.BiFunction<PoolKeys, ResourceEvent, List<String>> f) {
    Source s = sources.byName(e.source());
    List<String> local = f.apply(s.keys(), e);
    return s.name().isEmpty() ? local : local.stream().map(s::key).toList();
  }

  /** Of the Services that own pools, those of one source, without their source. */
  public static List<String> known(java.util.Collection<String> all, String source) {
    return all.stream()
        .filter(k -> KubeNames.sourceOf(k).equals(source))
        .map(KubeNames::local)
        .toList();
  }
}
