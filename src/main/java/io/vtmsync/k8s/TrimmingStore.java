package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer's item store that trims each object as it is stored ({@link ObjectTrimmer}): fabric8
 * 7.5 has no informer transform, and this is the one place every listed or watched object passes.
 * The trim works in place and fabric8 hands the same instance to the event handlers, so they see
 * what the cache holds.
 */
final class TrimmingStore<T extends HasMetadata> implements ItemStore<T> {

  private final ItemStore<T> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final UnaryOperator<T> trim;

  /**
   * @param trim changes the object in place and returns it
   */
  TrimmingStore(UnaryOperator<T> trim) {
    this.trim = trim;
  }

  @Override
  public String getKey(T obj) {
    return items.getKey(obj);
  }

  @Override
  public T put(String key, T obj) {
    return items.put(key, trim.apply(obj));
  }

  @Override
  public T remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet();
  }

  @Override
  public Stream<T> values() {
    return items.values();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return items.get(key);
  }
}
