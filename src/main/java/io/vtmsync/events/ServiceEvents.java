package io.vtmsync.events;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.k8s.ClusterView;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.pool.RegistryListener;
import io.vtmsync.sink.WriteResult;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Kubernetes Events on each exposed Service, raised from sink results (routes/report.camel.yaml)
 * and registry problems, and written off the sync's thread: a bounded queue and one worker that
 * correlates ({@link EventCorrelator}) and writes; a full queue drops the Event and counts it.
 */
public final class ServiceEvents extends ServiceSupport implements RegistryListener {

  /** client-go's broadcaster queue is as long; a burst past it is dropped, never waited for. */
  public static final int QUEUE_CAPACITY = 1000;

  public static final String QUEUE_FULL = "queue_full";
  public static final String RATE_LIMITED = "rate_limited";
  public static final String FAILED = "failed";

  private final boolean enabled;
  private final EventCorrelator correlator;
  private final Predicate<EventCorrelator.Write> writer;
  private final Function<String, String> uids;
  private final BooleanSupplier leading;
  private final BlockingQueue<ServiceEvent> queue;
  private final Map<String, AtomicLong> dropped =
      Map.of(
          QUEUE_FULL, new AtomicLong(), RATE_LIMITED, new AtomicLong(), FAILED, new AtomicLong());
  private final AtomicLong pending = new AtomicLong();
  private volatile Thread worker;

  /**
   * @param writer writes one correlated Event, false when it could not
   * @param uids a Service key's uid from the informer cache, or null
   * @param leading true while this replica leads: a standby raises nothing
   */
  public ServiceEvents(
      boolean enabled,
      EventCorrelator correlator,
      Predicate<EventCorrelator.Write> writer,
      Function<String, String> uids,
      BooleanSupplier leading,
      int capacity) {
    this.enabled = enabled;
    this.correlator = correlator;
    this.writer = writer;
    this.uids = uids;
    this.leading = leading;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** The app's recorder: Events through {@code client}, uids from the informer caches. */
  public static ServiceEvents of(
      boolean enabled,
      KubernetesClient client,
      ClusterView view,
      String podName,
      BooleanSupplier leading) {
    return ofSources(enabled, source -> client, key -> view, podName, leading);
  }

  /**
   * The recorder over several Kubernetes sources: an Event on {@code east:shop/web} is written
   * through east's client, with the uid from east's caches.
   *
   * @param clients a source's client by name ({@code ""}: the default source)
   * @param views the caches of a Service key's source
   */
  public static ServiceEvents ofSources(
      boolean enabled,
      Function<String, KubernetesClient> clients,
      Function<String, ClusterView> views,
      String podName,
      BooleanSupplier leading) {
    String instance = EventWriter.instance(podName);
    Map<String, EventWriter> writers = new java.util.concurrent.ConcurrentHashMap<>();
    return new ServiceEvents(
        enabled,
        new EventCorrelator(Clock.systemUTC()),
        w ->
            writers
                .computeIfAbsent(
                    w.event().source(), name -> new EventWriter(clients.apply(name), instance))
                .test(w),
        key -> uid(views.apply(key), key),
        leading,
        QUEUE_CAPACITY);
  }

  private static String uid(ClusterView view, String key) {
    String[] ns = KubeNames.split(KubeNames.local(key));
    return view.service(ns[0], ns[1]).map(s -> s.getMetadata().getUid()).orElse(null);
  }

  /** A sink's result (routes/report.camel.yaml): PoolSynced, PoolEmpty, PoolHeld, and so on. */
  public void result(WriteResult r) {
    String reason = Reasons.of(r);
    if (reason != null && r.service() != null && !r.dryRun()) {
      raise(r.service(), Reasons.type(reason), reason, r.toString());
    }
  }

  @Override
  public void held(String service, String because) {
    warning(service, Reasons.INVALID_ANNOTATION, because);
  }

  @Override
  public void conflict(String service, String pool, String message) {
    warning(service, Reasons.POOL_CONFLICT, message);
  }

  /** A Warning on a Service, e.g. {@link Reasons#MEMBER_DOWN} from the health read-back. */
  public void warning(String service, String reason, String message) {
    raise(service, ServiceEvent.WARNING, reason, message);
  }

  private void raise(String service, String type, String reason, String message) {
    if (!enabled || !leading.getAsBoolean()) {
      return;
    }
    ServiceEvent e;
    try {
      e = ServiceEvent.of(service, uids.apply(service), type, reason, message);
    } catch (RuntimeException notAServiceKeyOrNoCache) {
      return; // this runs on the sync's thread: no Event is worth failing a sync for
    }
    pending.incrementAndGet();
    if (!queue.offer(e)) {
      pending.decrementAndGet();
      dropped.get(QUEUE_FULL).incrementAndGet();
    }
  }

  /** Events not written, by cause: {@code queue_full}, {@code rate_limited}, {@code failed}. */
  public long dropped(String cause) {
    return dropped.get(cause).get();
  }

  /** True when nothing waits or is being written (the demo waits for this before it prints). */
  public boolean idle() {
    return pending.get() == 0;
  }

  public boolean enabled() {
    return enabled;
  }

  @Override
  protected void doStart() {
    if (enabled) {
      Thread t = new Thread(this::work, "vtm-k8s-sync-events");
      t.setDaemon(true); // never what keeps the JVM up
      worker = t;
      t.start();
    }
  }

  /** Stops taking Events; the worker writes what is queued for up to two seconds more. */
  @Override
  protected void doStop() throws InterruptedException {
    Thread t = worker;
    worker = null;
    if (t != null) {
      t.join(2000);
      t.interrupt();
    }
  }

  private void work() {
    Thread self = Thread.currentThread();
    while (worker == self || !queue.isEmpty()) {
      try {
        ServiceEvent e = queue.poll(100, TimeUnit.MILLISECONDS);
        if (e != null) {
          try {
            write(e);
          } finally {
            pending.decrementAndGet();
          }
        }
      } catch (InterruptedException stop) {
        return;
      }
    }
  }

  private void write(ServiceEvent e) {
    Optional<EventCorrelator.Write> w = correlator.correlate(e);
    if (w.isEmpty()) {
      dropped.get(RATE_LIMITED).incrementAndGet();
    } else if (!writer.test(w.get())) {
      dropped.get(FAILED).incrementAndGet();
    }
  }
}
