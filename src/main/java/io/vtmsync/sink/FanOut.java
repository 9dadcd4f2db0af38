package io.vtmsync.sink;

import io.vtmsync.pool.PoolPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the sink routes a pool plan goes to: the file sink when it is on, and (with the REST
 * fan-out) one lane per vTM cluster the plan targets. Used by the {@code sync} route's
 * recipientList, so adding a sink route is adding its endpoint here.
 */
public final class FanOut {

  private final boolean fileSink;

  public FanOut(boolean fileSink) {
    this.fileSink = fileSink;
  }

  public List<String> targets(PoolPlan plan) {
    List<String> out = new ArrayList<>();
    if (fileSink) {
      out.add("direct:sink-file");
    }
    return out;
  }
}
