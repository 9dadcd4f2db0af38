package io.vtmsync.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.vtmsync.app.HaSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs fabric8's client-go-style election on one Lease, round after round, and says when this
 * replica starts or stops leading: it leads from an accepted write naming it until it misses the
 * renew deadline or sees another holder.
 */
final class LeaseElection {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseElection.class);

  private final KubernetesClient client;
  private final HaSettings ha;
  private final String namespace;
  private final String identity;
  private final Runnable changed;
  private ExecutorService calls;
  private ScheduledExecutorService timer;
  private Round round; // the round that counts; null while stopped
  private ScheduledFuture<?> deadline;
  private volatile boolean leading;
  private volatile String holder;

  /** One run of fabric8's elector, which cannot be started twice. */
  private final class Round {
    final LeaderElector elector;
    CompletableFuture<?> future;

    Round() {
      var lock =
          new RenewalLock(
              new LeaseLock(namespace, ha.leaseName(), identity), read -> renewed(this, read));
      var config =
          new LeaderElectionConfigBuilder()
              .withName(ha.leaseName())
              .withLock(lock)
              .withLeaseDuration(Duration.ofMillis(ha.leaseDurationMs()))
              .withRenewDeadline(Duration.ofMillis(ha.renewDeadlineMs()))
              .withRetryPeriod(Duration.ofMillis(ha.retryPeriodMs()))
              .withLeaderCallbacks(new LeaderCallbacks(() -> {}, () -> {}, id -> holder = id))
              // fabric8 would also release at the renew deadline, before it reports the loss, in
              // a call that may hang while the API server is away: stop() releases instead.
              .withReleaseOnCancel(false)
              .build();
      elector = new LeaderElector(client, config, calls);
    }
  }

  /**
   * @param changed runs, in order, each time {@link #leading()} changes
   */
  LeaseElection(
      KubernetesClient client, HaSettings ha, String namespace, String identity, Runnable changed) {
    this.client = client;
    this.ha = ha;
    this.namespace = namespace;
    this.identity = identity;
    this.changed = changed;
  }

  boolean leading() {
    return leading;
  }

  /** The holder last seen in the Lease (this replica's identity while it leads), or null. */
  String holder() {
    return holder;
  }

  synchronized void start() {
    // Election calls wait on the API; deadlines run on their own thread so a hung call cannot
    // delay a demotion.
    calls = Executors.newSingleThreadExecutor(named("vtm-k8s-sync-election"));
    timer = Executors.newSingleThreadScheduledExecutor(named("vtm-k8s-sync-election-deadline"));
    LOG.info("{} joins the election for Lease {}", identity, lease());
    next();
  }

  /** Stops leading at once, then hands the Lease over if this replica still holds it. */
  void stop() {
    Round last;
    ExecutorService lastCalls;
    synchronized (this) {
      last = round;
      lastCalls = calls;
      round = null;
      if (last == null) {
        return;
      }
      cancelDeadline();
      lose("stopping");
    }
    var released =
        lastCalls.submit(
            () -> {
              last.future.cancel(true);
              return last.elector.release();
            });
    try {
      released.get(ha.renewDeadlineMs(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("{} could not release Lease {}: it expires on its own ({})", identity, lease(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lastCalls.shutdownNow();
      timer.shutdownNow();
    }
  }

  private void next() {
    Round r = new Round();
    round = r;
    r.future = r.elector.start();
    // The future ends when a leading round stops renewing: a demoted replica runs for the Lease
    // again, as a standby.
    r.future.whenComplete((ok, failure) -> ended(r));
  }

  private synchronized void renewed(Round r, long readNanos) {
    long left = readNanos + TimeUnit.MILLISECONDS.toNanos(ha.renewDeadlineMs()) - System.nanoTime();
    if (r != round || left <= 0) {
      return;
    }
    cancelDeadline();
    deadline = timer.schedule(() -> expired(r), left, TimeUnit.NANOSECONDS);
    if (!leading) {
      leading = true;
      LOG.info("{} leads now (Lease {}): the master: routes start", identity, lease());
      changed.run();
    }
  }

  /** client-go bounds each renewal by the deadline; fabric8 waits for a hung call, so we don't. */
  private synchronized void expired(Round r) {
    if (r == round) {
      lose("not renewed within ha.renew-deadline-ms (" + ha.renewDeadlineMs() + " ms)");
      restart(r);
    }
  }

  private synchronized void ended(Round r) {
    if (r == round) {
      String h = holder;
      lose(
          h == null || h.isEmpty() || h.equals(identity)
              ? "not renewed within ha.renew-deadline-ms (" + ha.renewDeadlineMs() + " ms)"
              : "the Lease is held by " + h);
      restart(r);
    }
  }

  private void restart(Round old) {
    cancelDeadline();
    // Cancelling waits for fabric8's attempt in flight: do it on the election thread, after it.
    calls.execute(() -> old.future.cancel(true));
    next();
  }

  private void lose(String why) {
    if (leading) {
      leading = false;
      LOG.info(
          "{} stopped leading (Lease {}): {}; the master: routes stop", identity, lease(), why);
      changed.run();
      // camel-master starts a consumer 1 s after it hears of a gain, without asking again: tell
      // the loss once more after that, so a consumer started late stops too.
      timer.schedule(this::repeatLoss, 1500, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void repeatLoss() {
    if (!leading && round != null) {
      changed.run();
    }
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  private String lease() {
    return namespace + "/" + ha.leaseName();
  }

  private static ThreadFactory named(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    };
  }
}
