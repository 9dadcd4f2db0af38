package io.vtmsync.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vtmsync.events.ServiceEvents;
import io.vtmsync.k8s.Kinds;
import io.vtmsync.k8s.KubernetesSource;
import io.vtmsync.pool.PoolRegistry;
import io.vtmsync.queue.WorkQueue;
import io.vtmsync.queue.WorkQueueComponent;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.vtm.RequestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.camel.cluster.CamelClusterService;

/**
 * The app's own Prometheus metrics, beside Camel's route metrics in the same registry: events in,
 * queue coalescing and retries, writes per target and outcome, event-to-write lag, vTM requests,
 * pools by state, last success per target, source and leader state. Names in the README.
 */
final class AppMetrics implements RequestObserver {

  private static final Duration[] SLOS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final Set<String> targets = ConcurrentHashMap.newKeySet();

  AppMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A Kubernetes source's metrics, labelled {@code source} with its name ({@code default} for the
   * single, unnamed one).
   */
  void source(KubernetesSource source, String name) {
    String label = name.isEmpty() ? "default" : name;
    for (String[] kind : Kinds.READ) {
      FunctionCounter.builder("vtmsync.events", source, s -> s.eventCount(kind[1]))
          .description("Informer notifications received")
          .tag("kind", kind[1])
          .tag("source", label)
          .register(registry);
      Gauge.builder(
              "vtmsync.source.watching", source, s -> on(s.watching().getOrDefault(kind[1], false)))
          .description("1 while the watch of this kind is open")
          .tag("kind", kind[1])
          .tag("source", label)
          .register(registry);
    }
    Gauge.builder("vtmsync.source.synced", source, s -> on(s.isSynced()))
        .description("1 once every informer has listed (readiness)")
        .tag("source", label)
        .register(registry);
  }

  void queues(WorkQueueComponent component) {
    component.onNewQueue(this::queue);
  }

  private void queue(WorkQueue<Object> q) {
    String name = q.name();
    FunctionCounter.builder("vtmsync.queue.offered", q, WorkQueue::offeredCount)
        .description("Keys offered (events, resyncs, plans)")
        .tag("queue", name)
        .register(registry);
    FunctionCounter.builder("vtmsync.queue.coalesced", q, WorkQueue::coalescedCount)
        .description("Offers merged into a waiting key")
        .tag("queue", name)
        .register(registry);
    FunctionCounter.builder("vtmsync.queue.completed", q, WorkQueue::completedCount)
        .description("Items worked off (syncs for queue=pools, writes for vtm lanes)")
        .tag("queue", name)
        .register(registry);
    FunctionCounter.builder("vtmsync.queue.retries", q, WorkQueue::retriedCount)
        .description("Failed items scheduled again with backoff")
        .tag("queue", name)
        .register(registry);
    Gauge.builder("vtmsync.queue.pending", q, WorkQueue::size)
        .description("Keys waiting or in flight")
        .tag("queue", name)
        .register(registry);
  }

  void status(SyncStatus status) {
    this.statusRef = status;
    status.onRecord(this::recorded);
  }

  private volatile SyncStatus statusRef;

  private void recorded(WriteResult r) {
    Counter.builder("vtmsync.writes")
        .description("Sink results by target and outcome")
        .tags(
            "target", r.target(), "outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
    if (r.triggeredAtNanos() != 0
        && (r.outcome() == WriteResult.Outcome.WRITTEN
            || r.outcome() == WriteResult.Outcome.REMOVED)) {
      Timer.builder("vtmsync.write.lag")
          .description("From the Kubernetes event to the target's ack")
          .tag("target", r.target())
          .serviceLevelObjectives(SLOS)
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - r.triggeredAtNanos()));
    }
    if (targets.add(r.target())) {
      targetGauges(r.target());
    }
  }

  private void targetGauges(String target) {
    Gauge.builder(
            "vtmsync.last.success",
            () -> {
              Instant t = statusRef.lastSuccess(target);
              return t == null ? 0 : t.getEpochSecond();
            })
        .description("Epoch seconds of the last successful write or check")
        .tag("target", target)
        .baseUnit("seconds")
        .register(registry);
    for (String state :
        new String[] {
          "synced", "held_empty", "held_error", "failed", "foreign", "removed", "kept"
        }) {
      Gauge.builder(
              "vtmsync.pools",
              () -> statusRef.poolsByState().getOrDefault(target, Map.of()).getOrDefault(state, 0L))
          .description("Pools per target by last outcome")
          .tags("target", target, "state", state)
          .register(registry);
    }
  }

  @Override
  public void observed(String cluster, String method, int status, long nanos) {
    Timer.builder("vtmsync.vtm.request")
        .description("vTM REST requests by cluster, method and status")
        .tags(
            "cluster",
            cluster,
            "method",
            method,
            "status",
            status < 0 ? "none" : String.valueOf(status))
        .serviceLevelObjectives(SLOS)
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /**
   * vTM's view of the members of a cluster's pools: counts by vTM state (a fixed set of states, so
   * bounded), members Kubernetes calls ready but vTM calls dead, and the same per pool for the
   * pools that have any (so bounded by the pools in trouble).
   */
  void memberHealth(String cluster, io.vtmsync.vtm.VtmLane lane) {
    for (String state : new String[] {"alive", "dead", "unknown"}) {
      Gauge.builder("vtmsync.members", () -> lane.membersByState().getOrDefault(state, 0L))
          .description("Members of the cluster's pools by vTM state, as last read back")
          .tags("cluster", cluster, "state", state)
          .register(registry);
    }
    Gauge.builder(
            "vtmsync.members.dead",
            () -> lane.membersDeadButReady().values().stream().mapToLong(Long::longValue).sum())
        .description("Members ready in Kubernetes but dead on vTM")
        .tag("cluster", cluster)
        .register(registry);
    io.micrometer.core.instrument.MultiGauge perPool =
        io.micrometer.core.instrument.MultiGauge.builder("vtmsync.pool.members.dead")
            .description("Per pool with any: members ready in Kubernetes but dead on vTM")
            .register(registry);
    lane.onHealthRead(
        () ->
            perPool.register(
                lane.membersDeadButReady().entrySet().stream()
                    .map(
                        e ->
                            io.micrometer.core.instrument.MultiGauge.Row.of(
                                io.micrometer.core.instrument.Tags.of(
                                    "cluster", cluster, "pool", e.getKey()),
                                e.getValue()))
                    .toList(),
                true));
  }

  void clusterUp(String cluster, BooleanSupplier healthy) {
    Gauge.builder("vtmsync.cluster.up", () -> on(healthy.getAsBoolean()))
        .description("0 while the vTM cluster fails with retryable errors")
        .tag("cluster", cluster)
        .register(registry);
  }

  void leader(CamelClusterService cluster) {
    Gauge.builder("vtmsync.leader", () -> on(cluster.isLeader("vtm-k8s-sync")))
        .description("1 while this process holds the lease and writes")
        .register(registry);
  }

  void conflicts(PoolRegistry pools) {
    Gauge.builder("vtmsync.pool.conflicts", () -> pools.conflicts().size())
        .description("Pool names claimed by more than one Service")
        .register(registry);
    Gauge.builder("vtmsync.services.held", () -> pools.held().size())
        .description("Exposed Services whose settings fail: their pools are held as they were")
        .register(registry);
    Gauge.builder(
            "vtmsync.member.conflicts",
            () -> pools.memberConflicts().values().stream().mapToInt(java.util.List::size).sum())
        .description(
            "Member addresses published by Services of two Kubernetes sources into one pool")
        .register(registry);
  }

  void events(ServiceEvents events) {
    for (String cause :
        new String[] {ServiceEvents.QUEUE_FULL, ServiceEvents.RATE_LIMITED, ServiceEvents.FAILED}) {
      FunctionCounter.builder("vtmsync.events.dropped", events, e -> e.dropped(cause))
          .description("Kubernetes Events on Services not written, by cause")
          .tag("cause", cause)
          .register(registry);
    }
  }

  private static double on(boolean b) {
    return b ? 1 : 0;
  }
}
