package io.vtmsync.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes correlated Events through the fabric8 client, as client-go's recorder does: a repeat is a
 * merge patch of count, lastTimestamp and message; a new Event, or one the patch finds expired, is
 * created. Needs only {@code create} and {@code patch} on {@code events}.
 */
final class EventWriter implements Predicate<EventCorrelator.Write> {

  static final String COMPONENT = "vtm-k8s-sync";
  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

  private final KubernetesClient client;
  private final String instance;
  private volatile boolean failing;

  /**
   * @param instance this replica's name (its pod), the Events' {@code reportingInstance}
   */
  EventWriter(KubernetesClient client, String instance) {
    this.client = client;
    this.instance = instance.length() > 128 ? instance.substring(0, 128) : instance;
  }

  /** Writes it; false (logged once per streak of failures) when the API server would not. */
  @Override
  public boolean test(EventCorrelator.Write w) {
    try {
      if (!w.patch() || !patched(w)) {
        client.v1().events().inNamespace(w.event().namespace()).resource(event(w)).create();
      }
      if (failing) {
        failing = false;
        LOG.info("Kubernetes Events are written again");
      }
      return true;
    } catch (RuntimeException e) {
      failed(w, e);
      return false;
    }
  }

  /** False when the Event is gone (expired after its TTL, or never created: rate-limited). */
  private boolean patched(EventCorrelator.Write w) {
    Map<String, Object> patch =
        Map.of(
            "count", w.count(),
            "lastTimestamp", time(w.last()),
            "message", w.event().message());
    try {
      client
          .v1()
          .events()
          .inNamespace(w.event().namespace())
          .withName(w.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  Event event(EventCorrelator.Write w) {
    ServiceEvent e = w.event();
    return new EventBuilder()
        .withNewMetadata()
        .withName(w.name())
        .withNamespace(e.namespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withKind("Service")
        .withApiVersion("v1")
        .withNamespace(e.namespace())
        .withName(e.service())
        .withUid(e.uid())
        .endInvolvedObject()
        .withType(e.type())
        .withReason(e.reason())
        .withMessage(e.message())
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .withReportingInstance(instance)
        .withFirstTimestamp(time(w.first()))
        .withLastTimestamp(time(w.last()))
        .withCount(w.count())
        .build();
  }

  private void failed(EventCorrelator.Write w, RuntimeException e) {
    String line =
        String.format(
            "Kubernetes API refuses Event %s on Service %s/%s: %s; syncing goes on, Events are"
                + " dropped until it accepts them",
            w.event().reason(), w.event().namespace(), w.event().service(), why(e));
    if (failing) {
      LOG.debug(line);
    } else {
      failing = true;
      LOG.warn(line);
    }
  }

  private static String why(RuntimeException e) {
    if (!(e instanceof KubernetesClientException k) || k.getCode() <= 0) {
      return String.valueOf(e.getMessage());
    }
    String reason = k.getStatus() == null ? null : k.getStatus().getReason();
    return k.getCode()
        + (reason == null ? "" : " " + reason)
        + (k.getCode() == 403 ? " (RBAC: create and patch on events, see k8s/README.md)" : "");
  }

  /** The replica's name: {@code ha.pod-name}, else $HOSTNAME (a pod's name), else the host's. */
  static String instance(String podName) {
    if (podName != null && !podName.isBlank()) {
      return podName;
    }
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return COMPONENT;
    }
  }

  /** RFC 3339 in whole seconds, as Kubernetes stores first- and lastTimestamp. */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
