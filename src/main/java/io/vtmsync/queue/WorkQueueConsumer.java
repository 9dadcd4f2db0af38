package io.vtmsync.queue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works a queue off with {@code concurrency} threads. An exchange that ends with an exception is
 * retried after a backoff (errors the route handled itself are not); the newest value offered in
 * the meantime is the one retried.
 */
final class WorkQueueConsumer extends DefaultConsumer {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueueConsumer.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final WorkQueue<Object> queue;
  private final int concurrency;
  private ExecutorService workers;

  WorkQueueConsumer(WorkQueueEndpoint endpoint, Processor processor, int concurrency) {
    super(endpoint, processor);
    this.queue = endpoint.queue();
    this.concurrency = concurrency;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    workers =
        getEndpoint()
            .getCamelContext()
            .getExecutorServiceManager()
            .newFixedThreadPool(this, "workqueue-" + queue.name(), concurrency);
    for (int i = 0; i < concurrency; i++) {
      workers.execute(this::work);
    }
  }

  @Override
  protected void doStop() throws Exception {
    if (workers != null) {
      getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(workers);
      workers = null;
    }
    super.doStop();
  }

  private void work() {
    while (isRunAllowed() && !Thread.currentThread().isInterrupted()) {
      try {
        WorkQueue.Item<Object> item = queue.take(POLL);
        if (item != null) {
          handle(item);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void handle(WorkQueue.Item<Object> item) {
    Exchange exchange = createExchange(false);
    exchange.getMessage().setBody(item.value());
    exchange.setVariable(WorkQueueProducer.KEY, item.key());
    exchange.setVariable("queueAttempt", item.attempt());
    exchange.setVariable("queueOfferedAtNanos", item.offeredAtNanos());
    try {
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    Exception failure = exchange.getException();
    if (failure == null) {
      queue.done(item);
    } else {
      LOG.debug(
          "{} {}: attempt {} failed, will retry",
          queue.name(),
          item.key(),
          item.attempt(),
          failure);
      queue.retry(item);
    }
    releaseExchange(exchange, false);
  }
}
