package io.vtmsync.queue;

import java.util.Collection;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Offers to a work queue. A {@link WorkQueue.Keyed} body is queued under its own key (a vTM lane
 * queues plans by pool); else, with a {@code queueKey} variable, under that key; otherwise the body
 * is a key, or a collection of keys (doorbells) or of keyed values.
 */
final class WorkQueueProducer extends DefaultProducer {

  static final String KEY = "queueKey";

  private final WorkQueue<Object> queue;

  WorkQueueProducer(WorkQueueEndpoint endpoint) {
    super(endpoint);
    this.queue = endpoint.queue();
  }

  @Override
  public void process(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    Object key = exchange.getVariable(KEY);
    if (body instanceof WorkQueue.Keyed keyed) {
      queue.offer(keyed.queueKey(), body);
    } else if (body instanceof Collection<?> items) {
      // Before the variable: a worker re-queueing a list (a sweep's removals) still has its own
      // key.
      items.forEach(
          i -> queue.offer(i instanceof WorkQueue.Keyed k ? k.queueKey() : i.toString(), i));
    } else if (key != null) {
      queue.offer(key.toString(), body);
    } else if (body != null) {
      queue.offer(body.toString(), body);
    }
  }
}
