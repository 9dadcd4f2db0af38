package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One informer notification: which kind, what happened, and the object before and after. */
public record ResourceEvent(String kind, Type type, HasMetadata before, HasMetadata after) {

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
    return type + " " + kind + " " + (ns == null ? "" : ns + "/") + o.getMetadata().getName();
  }
}
