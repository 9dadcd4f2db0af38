package io.vtmsync.sink;

import io.vtmsync.pool.PoolPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the sink endpoints a pool plan goes to: the file sink when it is on, and the lane ({@code
 * workqueue:vtm-<cluster>}) of every vTM cluster the plan targets. The {@code sync} route's
 * recipientList calls it, so adding a sink route is adding its endpoint here.
 */
public final class FanOut {

  private final boolean fileSink;
  private final List<String> clusters;

  public FanOut(boolean fileSink, List<String> clusters) {
    this.fileSink = fileSink;
    this.clusters = List.copyOf(clusters);
  }

  public List<String> targets(PoolPlan plan) {
    List<String> out = new ArrayList<>();
    if (fileSink) {
      out.add("direct:sink-file");
    }
    for (String c : clusters) {
      if (plan.targets(c)) {
        out.add("workqueue:vtm-" + c);
      }
    }
    return out;
  }

  /** Where a sweep goes: every target, each to list its own pools. */
  public List<String> sweeps() {
    List<String> out = new ArrayList<>();
    if (fileSink) {
      out.add("direct:sweep-file");
    }
    clusters.forEach(c -> out.add("workqueue:vtm-" + c));
    return out;
  }
}
