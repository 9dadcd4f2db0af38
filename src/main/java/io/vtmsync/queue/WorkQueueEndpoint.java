package io.vtmsync.queue;

import java.time.Duration;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One named work queue; options time the consumer side (see {@link WorkQueueComponent}). */
public final class WorkQueueEndpoint extends DefaultEndpoint {

  private final String name;
  private long debounce = 0;
  private int concurrency = 1;
  private long backoffBase = 200;
  private long backoffMax = 30_000;

  WorkQueueEndpoint(String uri, WorkQueueComponent component, String name) {
    super(uri, component);
    this.name = name;
  }

  WorkQueue<Object> queue() {
    return ((WorkQueueComponent) getComponent()).queue(name);
  }

  @Override
  public Producer createProducer() {
    return new WorkQueueProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    queue()
        .configure(
            Duration.ofMillis(debounce),
            new Backoff(Duration.ofMillis(backoffBase), Duration.ofMillis(backoffMax)));
    WorkQueueConsumer consumer = new WorkQueueConsumer(this, processor, concurrency);
    configureConsumer(consumer);
    return consumer;
  }

  /**
   * The coalescing window in milliseconds: a quiet key is handed out at once, and whatever is
   * offered for it within this long after that becomes one trailing item (a burst: one sync now,
   * then at most one per window). 0: every offer of an idle key is due at once.
   */
  public void setDebounce(long debounce) {
    this.debounce = debounce;
  }

  /** Worker threads; each key is still handled by one worker at a time. */
  public void setConcurrency(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    this.concurrency = concurrency;
  }

  /** First retry delay in milliseconds; it doubles per failure up to {@code backoffMax}. */
  public void setBackoffBase(long backoffBase) {
    this.backoffBase = backoffBase;
  }

  public void setBackoffMax(long backoffMax) {
    this.backoffMax = backoffMax;
  }

  public long getDebounce() {
    return debounce;
  }

  public int getConcurrency() {
    return concurrency;
  }

  public long getBackoffBase() {
    return backoffBase;
  }

  public long getBackoffMax() {
    return backoffMax;
  }
}
