package io.vtmsync.queue;

import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * When a {@link WorkQueue} key is due (to be handed out, or to be forgotten once quiet). A ticket
 * whose generation no longer matches its key's entry is stale: the entry moved on, it is ignored.
 */
record Ticket(String key, long generation, long dueNanos) implements Delayed {

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed o) {
    // Subtraction, not Long.compare: nanoTime values are only comparable as differences.
    return Long.signum(dueNanos - ((Ticket) o).dueNanos);
  }
}
