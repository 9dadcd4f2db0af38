package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient.Factory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the Kubernetes client. Order: an explicit kubeconfig file; else an explicit API URL (no
 * credentials, for the embedded demo); else fabric8's auto-configuration (in-cluster service
 * account, {@code KUBECONFIG}, {@code ~/.kube/config}). A kubeconfig that is missing, unreadable or
 * not a kubeconfig, or a context it lacks, is an {@link IllegalArgumentException} naming the file.
 */
public final class KubeClients {

  private KubeClients() {}

  public static KubernetesClient create(
      String kubeconfig, String context, String masterUrl, long reconnectMs) {
    return create(kubeconfig, context, masterUrl, reconnectMs, null, false);
  }

  /**
   * As above, over this HTTP client.
   *
   * @param http {@code null}: fabric8's choice by priority
   * @param lean read objects with {@link LeanJson}: for clients that only read what the planner
   *     reads (the informers, render), never for one that writes objects back
   */
  public static KubernetesClient create(
      String kubeconfig,
      String context,
      String masterUrl,
      long reconnectMs,
      Factory http,
      boolean lean) {
    String ctx = context == null || context.isBlank() ? null : context;
    Config base;
    String source;
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      Path file = Path.of(kubeconfig).toAbsolutePath();
      base = fromFile(file, ctx);
      source = "kubeconfig file '" + file + "'";
    } else if (masterUrl != null && !masterUrl.isBlank()) {
      base = Config.empty();
      source = "no kubeconfig (an API URL is given)";
    } else {
      base = Config.autoConfigure(ctx);
      source = "the kubeconfig found (KUBECONFIG, ~/.kube/config or in-cluster)";
    }
    requireContext(base, ctx, source);
    ConfigBuilder b = new ConfigBuilder(base).withWatchReconnectInterval((int) reconnectMs);
    if (masterUrl != null && !masterUrl.isBlank()) {
      b.withMasterUrl(masterUrl);
    }
    KubernetesClientBuilder client =
        new KubernetesClientBuilder().withConfig(b.build()).withHttpClientFactory(http);
    return (lean ? client.withKubernetesSerialization(LeanJson.serialization()) : client).build();
  }

  private static Config fromFile(Path file, String ctx) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("kubeconfig file '" + file + "' is missing");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "kubeconfig file '" + file + "' cannot be read (" + e.getMessage() + ")");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("kubeconfig file '" + file + "' is empty");
    }
    try {
      return Config.fromKubeconfig(ctx, text, file.toString());
    } catch (RuntimeException e) {
      // The parser's own message may quote the file, and a kubeconfig holds tokens: name the type.
      throw new IllegalArgumentException(
          "kubeconfig file '" + file + "' is not a valid kubeconfig (" + rootType(e) + ")");
    }
  }

  /** fabric8 falls back to the current context when the asked one is absent; we refuse instead. */
  private static void requireContext(Config config, String ctx, String source) {
    if (ctx == null) {
      return;
    }
    List<String> names =
        config.getContexts() == null
            ? List.of()
            : config.getContexts().stream().map(NamedContext::getName).toList();
    if (!names.contains(ctx)) {
      throw new IllegalArgumentException(
          "no kubeconfig context '" + ctx + "' in " + source + "; contexts there: " + names);
    }
  }

  private static String rootType(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
