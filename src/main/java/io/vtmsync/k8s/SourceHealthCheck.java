package io.vtmsync.k8s;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the Kubernetes source: DOWN until every informer has listed its resources (no plan
 * is made before that), with each watch's state in the details. A watch that is reconnecting does
 * not make the app unready: the caches still hold the last known state and pools stay as they are.
 */
public final class SourceHealthCheck extends AbstractHealthCheck {

  private final KubernetesSource source;

  public SourceHealthCheck(KubernetesSource source) {
    super("vtm-k8s-sync", "kubernetes-source");
    this.source = source;
  }

  @Override
  public boolean isLiveness() {
    return false;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    Map<String, Boolean> watching = source.watching();
    watching.forEach((kind, open) -> builder.detail("watching." + kind, open));
    if (source.isSynced()) {
      builder.up();
    } else {
      builder.message("Kubernetes caches not synced yet: no pool is planned until they are");
      builder.down();
    }
  }
}
