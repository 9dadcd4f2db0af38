package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One informer notification: which kind, what happened, and the object before and after.
 *
 * @param source the Kubernetes source it came from ({@code ""}: the default one)
 */
public record ResourceEvent(
    String kind, Type type, HasMetadata before, HasMetadata after, String source) {

  public ResourceEvent(String kind, Type type, HasMetadata before, HasMetadata after) {
    this(kind, type, before, after, "");
  }

  /** The same notification, as coming from that source. */
  public ResourceEvent from(String name) {
    return new ResourceEvent(kind, type, before, after, name);
  }

  public enum Type {
    ADDED,
    UPDATED,
    DELETED
  }

  /** The object as it is now, or as it was last seen when it was deleted. */
  public HasMetadata object() {
    return after != null ? after : before;
  }

  @Override
  public String toString() {
    HasMetadata o = object();
    String ns = o.getMetadata().getNamespace();
    return type
        + " "
        + kind
        + " "
        + (source.isEmpty() ? "" : source + ":")
        + (ns == null ? "" : ns + "/")
        + o.getMetadata().getName();
  }
}
