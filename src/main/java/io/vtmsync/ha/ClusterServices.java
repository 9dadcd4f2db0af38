package io.vtmsync.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.HaSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.camel.cluster.CamelClusterService;

/**
 * Builds the cluster service behind the {@code master:} routes: a {@link LeaseClusterService} that
 * follows the Kubernetes Lease {@code ha.lease-name} when {@code ha.enabled}, else {@link
 * SoloClusterService}.
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
    String identity = identity(ha);
    KubernetesClient client = clients.create();
    return new LeaseClusterService(client, ha, namespace(ha, client), identity);
  }

  private static String namespace(HaSettings ha, KubernetesClient client) {
    if (!ha.namespace().isBlank()) {
      return ha.namespace();
    }
    // The client's namespace: the pod's own in-cluster, else the kubeconfig context's.
    String ns = client.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  private static String identity(HaSettings ha) {
    if (!ha.podName().isBlank()) {
      return ha.podName();
    }
    String host = System.getenv("HOSTNAME"); // a pod's name, in a container
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "config key ha.pod-name is empty and the host name is unknown: set ha.pod-name", e);
    }
  }
}
