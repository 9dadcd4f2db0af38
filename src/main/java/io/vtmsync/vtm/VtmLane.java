package io.vtmsync.vtm;

import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.pool.SafeWritePolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The bean behind one cluster's lane in routes/sink-vtm.camel.yaml ({@code vtmLane-<cluster>}): it
 * turns each job (a pool plan, a sweep, a heartbeat) into a {@link Conversation}, takes the answers
 * the route's camel-http endpoint got, and hands the result back. The decisions are the writers';
 * every request is a step of the route.
 */
public final class VtmLane {

  /** The lane job that refreshes the heartbeat extra file (service-discovery clusters). */
  public static final String HEARTBEAT = "~heartbeat";

  /** The lane job of the verifier's tick: read back the pool checked longest ago, if due. */
  public static final String VERIFY = "~verify";

  private final VtmCluster cluster;
  private final LaneWriter writer;
  private final TransportErrors errors;
  private volatile RequestObserver observer = RequestObserver.NONE;

  private VtmLane(VtmCluster cluster, LaneWriter writer) {
    this.cluster = cluster;
    this.writer = writer;
    this.errors = new TransportErrors(cluster.config());
  }

  /**
   * @param serviceDiscovery write Service Discovery extra files instead of node tables
   * @param verifyPeriod how long an acknowledged node table is trusted without reading it back
   */
  public static VtmLane create(
      VtmClusterConfig config,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPool,
      boolean adoptExisting,
      boolean serviceDiscovery,
      Duration verifyPeriod) {
    VtmCluster cluster = new VtmCluster(config);
    LaneWriter writer =
        serviceDiscovery
            ? new VtmSdWriter(cluster, policy, removedPool, adoptExisting, 10, verifyPeriod)
            : new VtmWriter(cluster, policy, removedPool, adoptExisting, verifyPeriod);
    return new VtmLane(cluster, writer);
  }

  public String cluster() {
    return cluster.name();
  }

  /** Dry-run: reads from vTM as usual, writes nothing (no PUT or DELETE is ever made). */
  public void dryRun(boolean on) {
    cluster.dryRun(on);
  }

  /** Reports every request (method, status, duration) to {@code observer}. */
  public void observe(RequestObserver observer) {
    this.observer = observer;
  }

  /** False while the cluster fails with retryable errors, or nothing can be sent to it. */
  public boolean healthy() {
    return writer.health().healthy();
  }

  /** Why the cluster counts as down (the newest failure), or null while it answers. */
  public String problem() {
    return writer.health().problem();
  }

  /** Counts the cluster as down until a request succeeds (its password is not readable yet). */
  public void markDown(String why) {
    writer.health().markDown(why);
  }

  /** Whether this lane takes the job: a plan only when its Service targets this cluster. */
  public boolean takes(Object job) {
    return !(job instanceof PoolPlan plan) || plan.targets(cluster.name());
  }

  /**
   * Reports a member ready in Kubernetes but dead on vTM for longer than {@code downAfter}, once
   * per episode: (service key, pool, member address, seconds down).
   */
  public void onMemberDown(Duration downAfter, MemberDownListener listener) {
    writer.onMemberDown(
        downAfter, d -> listener.down(d.service(), d.pool(), d.member(), d.forSeconds()));
  }

  /** Called when a member is down on vTM although Kubernetes calls it ready. */
  @FunctionalInterface
  public interface MemberDownListener {
    void down(String service, String pool, String member, long forSeconds);
  }

  /** Runs after every member read (for metrics that follow the readings). */
  public void onHealthRead(Runnable listener) {
    writer.onHealthRead(listener);
  }

  /** Members of this cluster's pools by vTM state (alive, dead, ...), as last read. */
  public Map<String, Long> membersByState() {
    return writer.members.byState();
  }

  /** Per pool, the members Kubernetes calls ready and vTM calls dead (pools with none left out). */
  public Map<String, Long> membersDeadButReady() {
    return writer.members.deadButReady();
  }

  /** vTM's state of each member of a pool, by address, as last read. */
  public Map<String, String> memberStates(String pool) {
    return writer.members.pool(pool);
  }

  /** Pools acknowledged and re-checked by the verifier (for tests and status). */
  int verifiedPools() {
    return writer.verified.size();
  }

  /** Starts a job; the route then makes the requests it asks for, one at a time. */
  public Conversation begin(Object job) {
    return talk(
        api -> {
          if (job instanceof PoolPlan plan) {
            return writer.write(api, plan);
          }
          if (job instanceof PublishedPools published) {
            return writer.orphans(api, published);
          }
          if (VERIFY.equals(job)) {
            return writer.verifyNext(api);
          }
          if (HEARTBEAT.equals(job)) {
            return writer.heartbeat(api).handle(writer::checked);
          }
          return CompletableFuture.failedFuture(
              new IllegalArgumentException(
                  "a vTM lane takes pool plans, sweeps and heartbeats, not " + job));
        });
  }

  /** A conversation whose chain talks to this lane's cluster. */
  Conversation talk(java.util.function.Function<VtmApi, CompletableFuture<?>> chain) {
    return Conversation.start(talk -> chain.apply(new VtmApi(cluster, talk)));
  }

  /** The route's camel-http endpoint got an answer (its body already capped). */
  public void answered(Conversation talk, int status, byte[] body) {
    VtmRequest request = talk.request();
    observer.observed(
        cluster.name(), request.method(), status, System.nanoTime() - talk.sentAtNanos());
    talk.answered(new VtmAnswer(status, body));
  }

  /**
   * The request got no usable answer: refused, reset, timed out, TLS, no password (no status), or
   * too large (the status it came with).
   */
  public void failed(Conversation talk, Exception why) {
    VtmRequest request = talk.request();
    VtmException e = errors.exception(request, why);
    observer.observed(
        cluster.name(), request.method(), e.status(), System.nanoTime() - talk.sentAtNanos());
    talk.failed(e);
  }

  /**
   * What the job came to: a {@link io.vtmsync.sink.WriteResult} to report, the removals a sweep
   * found (to queue), or null. A retryable failure is thrown, for the lane's backoff.
   */
  public Object result(Conversation talk) {
    return talk.result();
  }
}
