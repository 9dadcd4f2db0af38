package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers' exception handler: says what stops a list or watch once, naming the HTTP status
 * and reason when the API server refuses (a revoked token, a removed RBAC grant), and retries
 * forever. fabric8 retries with backoff; one WARN per retry would bury the one line that matters.
 */
final class InformerErrors {

  private static final Logger LOG = LoggerFactory.getLogger(InformerErrors.class);

  private final Set<String> said = ConcurrentHashMap.newKeySet();
  volatile String prefix = "";

  /** Logs a problem not said since the watches were last whole; always asks fabric8 to retry. */
  boolean retry(String kind, Throwable t) {
    KubernetesClientException refused = refusal(t);
    // A token is the client's, not a resource's: its 401 is said once for every kind.
    String problem = refused != null ? refusal(kind, refused) : kind + " informer: " + brief(t);
    String key = refused != null && refused.getCode() == 401 ? "401" : problem;
    if (said.add(key)) {
      LOG.warn(
          "{}{}; retrying with backoff. Pools keep their last state meanwhile", prefix, problem);
    } else {
      LOG.debug("{}; retrying", problem);
    }
    return true;
  }

  /** The watches are whole again: the next problem is news. */
  void recovered() {
    said.clear();
  }

  private static String refusal(String kind, KubernetesClientException e) {
    Status status = e.getStatus();
    String reason =
        status != null && status.getReason() != null && !status.getReason().isBlank()
            ? status.getReason()
            : e.getCode() == 401 ? "Unauthorized" : "Forbidden";
    String hint =
        e.getCode() == 401
            ? " (token expired or revoked?)"
            : " (RBAC: may the service account still list and watch " + kind + "?)";
    return "Kubernetes API refuses the watch of " + kind + ": " + e.getCode() + " " + reason + hint;
  }

  /** The API server's 401 or 403 anywhere in the cause chain, or null. */
  private static KubernetesClientException refusal(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof KubernetesClientException k && (k.getCode() == 401 || k.getCode() == 403)) {
        return k;
      }
    }
    return null;
  }

  /** The innermost cause and the first line of its message: fabric8's are long. */
  private static String brief(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
