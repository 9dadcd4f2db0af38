package io.vtmsync.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Kubernetes client. Order: an explicit kubeconfig file; else an explicit API URL (no
 * credentials, for the embedded demo); else fabric8's auto-configuration (in-cluster service
 * account, {@code KUBECONFIG}, {@code ~/.kube/config}).
 */
public final class KubeClients {

  private KubeClients() {}

  public static KubernetesClient create(
      String kubeconfig, String context, String masterUrl, long reconnectMs) throws IOException {
    String ctx = context == null || context.isBlank() ? null : context;
    Config base;
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      Path file = Path.of(kubeconfig);
      base = Config.fromKubeconfig(ctx, Files.readString(file), file.toAbsolutePath().toString());
    } else if (masterUrl != null && !masterUrl.isBlank()) {
      base = Config.empty();
    } else {
      base = Config.autoConfigure(ctx);
    }
    ConfigBuilder b = new ConfigBuilder(base).withWatchReconnectInterval((int) reconnectMs);
    if (masterUrl != null && !masterUrl.isBlank()) {
      b.withMasterUrl(masterUrl);
    }
    return new KubernetesClientBuilder().withConfig(b.build()).build();
  }
}
