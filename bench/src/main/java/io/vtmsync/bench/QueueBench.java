package io.vtmsync.bench;

import io.vtmsync.queue.Backoff;
import io.vtmsync.queue.WorkQueue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Measures the cost per offer of a burst: 1,000 offers for 100 keys into a {@link WorkQueue}, then
 * draining it with take and done on one thread (100 items come out: the rest coalesced).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class QueueBench {

  static final int OFFERS = 1_000;
  static final int KEYS = 100;

  private final String[] keys = new String[KEYS];
  private WorkQueue<String> queue;

  @Setup(Level.Trial)
  public void build() {
    for (int i = 0; i < KEYS; i++) {
      keys[i] = SyntheticCluster.NAMESPACE + "/web-" + i;
    }
    // No debounce, so that a drain right after the burst finds every key due.
    queue =
        new WorkQueue<>(
            "bench", Duration.ZERO, new Backoff(Duration.ofMillis(1), Duration.ofSeconds(1)));
  }

  @Benchmark
  @OperationsPerInvocation(OFFERS)
  public int burstThenDrain() throws InterruptedException {
    for (int i = 0; i < OFFERS; i++) {
      queue.offer(keys[i % KEYS], keys[i % KEYS]);
    }
    int taken = 0;
    for (WorkQueue.Item<String> item = queue.take(Duration.ZERO);
        item != null;
        item = queue.take(Duration.ZERO)) {
      queue.done(item);
      taken++;
    }
    return taken;
  }

  /** Fails the run when the queue did not coalesce as designed (1 item per key per burst). */
  @TearDown(Level.Trial)
  public void check() {
    if (queue.size() != 0 || queue.completedCount() * (OFFERS / KEYS) != queue.offeredCount()) {
      throw new IllegalStateException(
          "offered " + queue.offeredCount() + ", completed " + queue.completedCount());
    }
  }
}
