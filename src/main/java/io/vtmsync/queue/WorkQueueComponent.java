package io.vtmsync.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code workqueue:NAME} Camel component: a producer offers keys (or values under the {@code
 * queueKey} variable) to the named {@link WorkQueue}; a consumer works them off with a few threads,
 * retrying failed exchanges with backoff. Endpoints with the same name share one queue.
 */
public final class WorkQueueComponent extends DefaultComponent {

  private final Map<String, WorkQueue<Object>> queues = new ConcurrentHashMap<>();
  private volatile java.util.function.Consumer<WorkQueue<Object>> onNew = q -> {};

  /** Called with every queue, now and as they are created (metrics register themselves here). */
  public void onNewQueue(java.util.function.Consumer<WorkQueue<Object>> listener) {
    this.onNew = listener;
    queues.values().forEach(listener);
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    WorkQueueEndpoint endpoint = new WorkQueueEndpoint(uri, this, remaining);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /** The queue of that name, created with defaults on first use; consumers set its timing. */
  public WorkQueue<Object> queue(String name) {
    return queues.computeIfAbsent(
        name,
        n -> {
          WorkQueue<Object> q =
              new WorkQueue<>(
                  n, Duration.ZERO, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)));
          onNew.accept(q);
          return q;
        });
  }

  public Map<String, WorkQueue<Object>> queues() {
    return Map.copyOf(queues);
  }
}
