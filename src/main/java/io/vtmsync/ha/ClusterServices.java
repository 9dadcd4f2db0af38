package io.vtmsync.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.HaSettings;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * Builds the cluster service behind the {@code master:} routes: camel-kubernetes' Lease-based
 * election when {@code ha.enabled}, else {@link SoloClusterService}. Camel's election counts a
 * leader only while its pod is Running and Ready with the cluster labels, and a new leader waits
 * one lease duration before it acts, so two writers never overlap.
 */
public final class ClusterServices {

  private ClusterServices() {}

  /** A source of Kubernetes clients that may fail to read its kubeconfig. */
  @FunctionalInterface
  public interface Clients {
    KubernetesClient create() throws java.io.IOException;
  }

  /**
   * @param clients makes the election's own client (only when election is on): the cluster service
   *     closes it when it stops
   */
  public static CamelClusterService create(HaSettings ha, Clients clients)
      throws java.io.IOException {
    if (!ha.enabled()) {
      return new SoloClusterService();
    }
    KubernetesConfiguration config = new KubernetesConfiguration();
    config.setKubernetesClient(clients.create());
    KubernetesClusterService service = new KubernetesClusterService(config);
    service.setId("kubernetes-lease");
    service.setLeaseResourceType(LeaseResourceType.Lease);
    service.setKubernetesResourceName(ha.leaseName());
    if (!ha.namespace().isBlank()) {
      // 4.18 keeps the lock's namespace apart from the client's: set both.
      service.setKubernetesNamespace(ha.namespace());
      service.setKubernetesResourcesNamespace(ha.namespace());
    }
    if (!ha.podName().isBlank()) {
      service.setPodName(ha.podName());
    }
    service.setClusterLabels(ha.clusterLabels());
    service.setLeaseDurationMillis(ha.leaseDurationMs());
    service.setRenewDeadlineMillis(ha.renewDeadlineMs());
    service.setRetryPeriodMillis(ha.retryPeriodMs());
    return service;
  }
}
