package io.vtmsync.app;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.events.ServiceEvents;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads the Events the app wrote on a Service, as kubectl describe would. */
final class KubeEvents {

  private final KubernetesClient client;

  KubeEvents(KubernetesClient client) {
    this.client = client;
  }

  /** Every Event in the namespace {@code default} about the Service. */
  List<Event> on(String service) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> service.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  List<Event> on(String service, String reason) {
    return on(service).stream().filter(e -> reason.equals(e.getReason())).toList();
  }

  /** Waits for an Event on the Service with this reason whose message passes; returns it. */
  Event awaitOne(String service, String reason, Predicate<String> message) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                on(service, reason).stream()
                    .filter(e -> message.test(e.getMessage()))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  /** Waits until the app has written (or dropped) every Event it raised. */
  static void settle(App app) {
    ServiceEvents events = app.bean("serviceEvents", ServiceEvents.class);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(events::idle);
  }
}
