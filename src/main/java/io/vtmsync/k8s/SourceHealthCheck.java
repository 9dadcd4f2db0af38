package io.vtmsync.k8s;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the Kubernetes source: DOWN until every informer has listed its resources (no plan
 * is made before that), and DOWN while the watches have been lost for longer than {@code
 * k8s.unready-after-ms}, with each watch's state in the details. A short loss does not make the app
 * unready: the caches still hold the last known state and pools stay as they are.
 */
public final class SourceHealthCheck extends AbstractHealthCheck {

  private final KubernetesSource source;
  private final java.time.Duration unreadyAfter;
  private final String label;

  /**
   * @param unreadyAfter how long lost watches are tolerated before readiness says so (zero: never)
   */
  public SourceHealthCheck(KubernetesSource source, java.time.Duration unreadyAfter) {
    this(source, "", unreadyAfter);
  }

  /**
   * @param name the source's name ({@code ""}: the default one); a named source's check is {@code
   *     kubernetes-source-<name>}, so each source has its own readiness
   */
  public SourceHealthCheck(KubernetesSource source, String name, java.time.Duration unreadyAfter) {
    super("vtm-k8s-sync", name.isEmpty() ? "kubernetes-source" : "kubernetes-source-" + name);
    this.label = name.isEmpty() ? "Kubernetes" : "Kubernetes source '" + name + "':";
    this.source = source;
    this.unreadyAfter = unreadyAfter;
  }

  @Override
  public boolean isLiveness() {
    return false;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    Map<String, Boolean> watching = source.watching();
    watching.forEach((kind, open) -> builder.detail("watching." + kind, open));
    java.time.Duration lost = source.watchesLostFor();
    builder.detail("watches.lost.seconds", lost.toSeconds());
    if (!source.isSynced()) {
      builder.message(
          label + " caches not synced yet: no pool is planned from them until they are");
      builder.down();
    } else if (!unreadyAfter.isZero() && lost.compareTo(unreadyAfter) > 0) {
      builder.message(
          label
              + " watches lost for "
              + lost.toSeconds()
              + " s: pools are held as they are until the API server answers again");
      builder.down();
    } else {
      builder.up();
    }
  }
}
