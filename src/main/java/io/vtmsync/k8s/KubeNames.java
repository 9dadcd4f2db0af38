package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Well-known Kubernetes names and the {@code namespace/name} keys we queue work under. */
public final class KubeNames {

  /** The label the EndpointSlice controller puts on every slice of a Service. */
  public static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** Nodes with this label are left out of load balancers (as cloud providers do). */
  public static final String EXCLUDE_LB_LABEL =
      "node.kubernetes.io/exclude-from-external-load-balancers";

  private KubeNames() {}

  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  public static String key(HasMetadata o) {
    return key(o.getMetadata().getNamespace(), o.getMetadata().getName());
  }

  /**
   * The Service key of a Service read from a named Kubernetes source: {@code source:namespace/name}
   * (the default source, {@code ""}, keeps plain {@code namespace/name}). A colon never appears in
   * a namespace or name, so the key stays unambiguous.
   */
  public static String sourced(String source, String key) {
    return source == null || source.isEmpty() ? key : source + ":" + key;
  }

  /** The source a Service key was read from: {@code ""} for a plain {@code namespace/name}. */
  public static String sourceOf(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    return colon < 0 ? "" : key.substring(0, colon);
  }

  /** The {@code namespace/name} part of a Service key, without its source. */
  public static String local(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    return colon < 0 ? key : key.substring(colon + 1);
  }

  /** Splits {@code namespace/name}; throws with the offending text when it is not of that form. */
  public static String[] split(String key) {
    int slash = key == null ? -1 : key.indexOf('/');
    if (slash <= 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("expected NAMESPACE/NAME, got '" + key + "'");
    }
    return new String[] {key.substring(0, slash), key.substring(slash + 1)};
  }
}
