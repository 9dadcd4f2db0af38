package io.vtmsync.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Services are held because their settings fail, and the errors that name no pool: those have
 * no pool result to carry them to the log, so they are logged here, once per distinct text. Not
 * thread-safe: {@link PoolRegistry} calls it under its lock.
 */
final class HeldServices {

  private static final Logger LOG = LoggerFactory.getLogger("vtm-k8s-sync.changes");

  private final Map<String, String> held = new HashMap<>();
  private final Map<String, List<String>> logged = new HashMap<>();

  /**
   * @param unnamed true when the Service has no pool at all to carry its error (it published none
   *     and its settings name none)
   */
  void report(String service, ServicePlan plan, boolean unnamed) {
    if (plan.held()) {
      held.put(service, plan.heldBecause());
    } else {
      held.remove(service);
    }
    List<String> lines = new java.util.ArrayList<>(plan.problems());
    if (plan.held() && unnamed) {
      lines.add(plan.heldBecause() + "; no pool is named by its settings, none is written");
    }
    if (lines.isEmpty()) {
      logged.remove(service);
    } else if (!lines.equals(logged.put(service, lines))) {
      lines.forEach(LOG::warn);
    }
  }

  Map<String, String> held() {
    return Map.copyOf(held);
  }
}
