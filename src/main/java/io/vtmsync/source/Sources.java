package io.vtmsync.source;

import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.SourceNotSyncedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kubernetes source, looked up by the source part of a Service key ({@code east:shop/web};
 * plain {@code shop/web} is the default source's). The sync route asks it whether the source of a
 * key has synced: a source that has not (or never could) holds only its own Services' plans.
 */
public final class Sources {

  private final Map<String, Source> byName = new LinkedHashMap<>();

  public Sources(List<Source> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no Kubernetes source");
    }
    for (Source s : sources) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("Kubernetes source '" + s.name() + "' twice");
      }
    }
  }

  /** In configuration order. */
  public List<Source> all() {
    return List.copyOf(byName.values());
  }

  /** True when the sources are named: Service keys then carry their source. */
  public boolean named() {
    return !byName.containsKey("");
  }

  public Source byName(String name) {
    Source s = byName.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "no Kubernetes source '" + name + "'; the sources are " + byName.keySet());
    }
    return s;
  }

  /** The source a Service key was read from. */
  public Source of(String serviceKey) {
    return byName(KubeNames.sourceOf(serviceKey));
  }

  /**
   * Throws until the caches of the key's source are whole: its Services are never planned from a
   * partial view, and what they published stays as it was (fail static, per source).
   */
  public void requireSynced(String serviceKey) {
    Source s = of(serviceKey);
    if (!s.cache().isSynced()) {
      throw new SourceNotSyncedException(s.label() + ": caches are not synced yet");
    }
  }

  /** Throws until every source has synced (the sweep must see every Service before it removes). */
  public void requireAllSynced() {
    for (Source s : byName.values()) {
      if (!s.cache().isSynced()) {
        throw new SourceNotSyncedException(
            s.label() + ": caches are not synced yet; no pool is swept until every source is");
      }
    }
  }

  public boolean allSynced() {
    return byName.values().stream().allMatch(s -> s.cache().isSynced());
  }
}
