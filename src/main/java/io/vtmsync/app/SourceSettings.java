package io.vtmsync.app;

import io.vtmsync.k8s.AddressType;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.LabelSelector;
import io.vtmsync.pool.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One Kubernetes source: the API it reads and what it reads there. With {@code k8s.clusters} empty
 * there is one, the default source (name {@code ""}), configured by the plain {@code k8s.*} keys
 * exactly as before. With {@code k8s.clusters = east, west} there is one per name, each key {@code
 * k8s.<name>.<key>} falling back to {@code k8s.<key>} (so a shared kubeconfig needs only a context
 * per source).
 *
 * @param name {@code ""} for the default source, else the name its Service keys carry ({@code
 *     east:shop/web})
 * @param priority vTM node priority of this source's members (higher preferred while the pool has
 *     {@code priority_enabled}); 1, vTM's default, unless set
 * @param mergeByName whether this source's Services feed the pool of the same-named Service of
 *     another source (same {@code namespace/name}) without a {@code pool} annotation
 */
public record SourceSettings(
    String name,
    String kubeconfig,
    String context,
    String masterUrl,
    Set<String> namespaces,
    boolean watchPods,
    ExposureDefaults exposure,
    int priority,
    boolean mergeByName) {

  /** What {@code k8s.<name>.} may be followed by. */
  static final List<String> KEYS =
      List.of(
          "kubeconfig",
          "context",
          "master-url",
          "namespaces",
          "watch-pods",
          "address-type",
          "node-selector",
          "priority",
          "merge-by-name");

  private static final String NAME = "[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?";

  /** The names in {@code k8s.clusters}, checked: DNS labels of at most 32 characters, no repeat. */
  static List<String> names(String raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : raw.split(",")) {
      String name = n.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (!name.matches(NAME)) {
        throw new IllegalArgumentException(
            "'" + name + "' is not a source name (lower-case letters, digits and '-', at most 32)");
      }
      if (!out.add(name)) {
        throw new IllegalArgumentException("'" + name + "' is listed twice");
      }
    }
    return List.copyOf(out);
  }

  /** A key under {@code k8s.<name>.} that names no source in the list, or no key a source takes. */
  static void checkKeys(Collection<String> keys, List<String> names) {
    for (String key : keys) {
      if (!key.startsWith("k8s.") || key.indexOf('.', 4) < 0) {
        continue;
      }
      String name = key.substring(4, key.indexOf('.', 4));
      String sub = key.substring(key.indexOf('.', 4) + 1);
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "config key '"
                + key
                + "': no Kubernetes source '"
                + name
                + "' in k8s.clusters "
                + names);
      }
      if (!KEYS.contains(sub)) {
        throw new IllegalArgumentException(
            "unknown config key '" + key + "'; a Kubernetes source takes " + KEYS);
      }
    }
  }

  /** The sources, read with {@code r}; the default one alone when {@code names} is empty. */
  static List<SourceSettings> read(
      Settings.Reader r,
      List<String> names,
      ExposureDefaults global,
      Function<String, Set<String>> ns) {
    if (names.isEmpty()) {
      return List.of(
          new SourceSettings(
              "",
              r.text("k8s.kubeconfig", ""),
              r.text("k8s.context", ""),
              r.text("k8s.master-url", ""),
              r.parse("k8s.namespaces", "", ns),
              r.bool("k8s.watch-pods", true),
              global,
              Member.DEFAULT,
              false));
    }
    List<SourceSettings> out = new ArrayList<>();
    for (String name : names) {
      String p = "k8s." + name + ".";
      out.add(
          new SourceSettings(
              name,
              r.text(p + "kubeconfig", r.text("k8s.kubeconfig", "")),
              r.text(p + "context", r.text("k8s.context", "")),
              r.text(p + "master-url", r.text("k8s.master-url", "")),
              r.parse(p + "namespaces", r.text("k8s.namespaces", ""), ns),
              r.bool(p + "watch-pods", r.bool("k8s.watch-pods", true)),
              new ExposureDefaults(
                  global.mode(),
                  r.parse(
                      p + "address-type",
                      r.text("k8s.address-type", "InternalIP"),
                      AddressType::parse),
                  r.parse(
                      p + "node-selector", r.text("k8s.node-selector", ""), LabelSelector::parse),
                  global.services(),
                  global.clusters()),
              (int) r.number(p + "priority", Member.DEFAULT, 0, Member.MAX_PRIORITY),
              r.bool(p + "merge-by-name", false)));
    }
    requireDistinct(out);
    return List.copyOf(out);
  }

  /** Two sources reading the same API in the same way would publish every member twice. */
  private static void requireDistinct(List<SourceSettings> sources) {
    for (int i = 0; i < sources.size(); i++) {
      for (int j = i + 1; j < sources.size(); j++) {
        SourceSettings a = sources.get(i);
        SourceSettings b = sources.get(j);
        if (a.kubeconfig.equals(b.kubeconfig)
            && a.context.equals(b.context)
            && a.masterUrl.equals(b.masterUrl)
            && a.namespaces.equals(b.namespaces)) {
          throw new IllegalArgumentException(
              "config key k8s.clusters: sources '"
                  + a.name
                  + "' and '"
                  + b.name
                  + "' read the same API (same kubeconfig, context, master-url and namespaces);"
                  + " give each its own k8s.<name>.context, kubeconfig or master-url");
        }
      }
    }
  }

  /** How the log names it. */
  String label() {
    return name.isEmpty() ? "the Kubernetes API" : "Kubernetes source '" + name + "'";
  }
}
