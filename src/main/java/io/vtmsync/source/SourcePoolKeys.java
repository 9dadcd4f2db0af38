package io.vtmsync.source;

import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.PoolKeys;
import io.vtmsync.k8s.ResourceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

  /** A source's view of the Services that own pools: its own keys, without their source. */
  public static Function<String, List<String>> known(
      java.util.function.Supplier<? extends java.util.Collection<String>> all) {
    return name ->
        all.get().stream()
            .filter(k -> KubeNames.sourceOf(k).equals(name))
            .map(KubeNames::local)
            .toList();
  }
}
