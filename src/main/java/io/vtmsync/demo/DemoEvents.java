package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.App;
import io.vtmsync.events.ServiceEvents;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prints a Service's Events as {@code kubectl describe service} shows them. */
final class DemoEvents {

  private DemoEvents() {}

  static void print(App app, KubernetesClient client, String ns, String svc, PrintStream out)
      throws InterruptedException {
    ServiceEvents events = app.bean("serviceEvents", ServiceEvents.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (events != null && !events.idle() && System.nanoTime() < deadline) {
      Thread.sleep(20); // the worker writes them off the sync's thread
    }
    List<Event> items =
        new ArrayList<>(
            client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> svc.equals(e.getInvolvedObject().getName()))
                .filter(e -> "Service".equals(e.getInvolvedObject().getKind()))
                .toList());
    items.sort(Comparator.comparing(Event::getLastTimestamp));
    out.println();
    out.println("kubectl describe service " + svc + " (its Events):");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Type", "Reason", "Age", "From", "Message"});
    rows.add(new String[] {"----", "------", "----", "----", "-------"});
    Instant now = Instant.now();
    for (Event e : items) {
      rows.add(
          new String[] {
            e.getType(), e.getReason(), age(e, now), e.getSource().getComponent(), e.getMessage()
          });
    }
    table(rows, out);
    if (events != null) {
      out.println(
          "  (at most "
              + io.vtmsync.events.EventCorrelator.BURST
              + " writes at once per Service, then one per "
              + io.vtmsync.events.EventCorrelator.REFILL.toSeconds()
              + " s; held back here: "
              + events.dropped(ServiceEvents.RATE_LIMITED)
              + ")");
    }
  }

  /** kubectl's Age column: {@code 12s}, or {@code 3s (x4 over 12s)} for a repeated Event. */
  private static String age(Event e, Instant now) {
    String last = since(Instant.parse(e.getLastTimestamp()), now);
    Integer count = e.getCount();
    return count == null || count <= 1
        ? last
        : last + " (x" + count + " over " + since(Instant.parse(e.getFirstTimestamp()), now) + ")";
  }

  private static String since(Instant t, Instant now) {
    long s = Math.max(0, Duration.between(t, now).toSeconds());
    return s < 120 ? s + "s" : (s / 60) + "m";
  }

  private static void table(List<String[]> rows, PrintStream out) {
    int[] width = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < width.length; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
      }
      out.println(line.append(r[4]));
    }
  }
}
