package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** Adapts fabric8's informer callbacks to {@link ResourceEvent}s for one kind. */
record InformerHandler(String kind, Consumer<ResourceEvent> listener)
    implements ResourceEventHandler<HasMetadata> {
  @Override
  public void onAdd(HasMetadata obj) {
    listener.accept(new ResourceEvent(kind, ResourceEvent.Type.ADDED, null, obj));
  }

  @Override
  public void onUpdate(HasMetadata before, HasMetadata after) {
    listener.accept(new ResourceEvent(kind, ResourceEvent.Type.UPDATED, before, after));
  }

  @Override
  public void onDelete(HasMetadata obj, boolean finalStateUnknown) {
    listener.accept(new ResourceEvent(kind, ResourceEvent.Type.DELETED, obj, null));
  }
}
