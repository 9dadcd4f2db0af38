package io.vtmsync.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The Lease lock under the election, reporting each write that names this replica as holder: only a
 * write the API server accepted makes this replica the leader.
 */
final class RenewalLock implements Lock {

  private final Lock lease;
  private final LongConsumer renewed;
  private volatile long readNanos;

  /**
   * @param renewed gets the {@link System#nanoTime()} of the read that preceded an accepted write
   *     naming this replica: the renewTime written is no older, so the Lease lasts at least a lease
   *     duration from then
   */
  RenewalLock(Lock lease, LongConsumer renewed) {
    this.lease = lease;
    this.renewed = renewed;
  }

  @Override
  public LeaderElectionRecord get(KubernetesClient client) {
    readNanos = System.nanoTime();
    return retryable(() -> lease.get(client));
  }

  @Override
  public void create(KubernetesClient client, LeaderElectionRecord record) {
    write(record, () -> lease.create(client, record));
  }

  @Override
  public void update(KubernetesClient client, LeaderElectionRecord record) {
    write(record, () -> lease.update(client, record));
  }

  private void write(LeaderElectionRecord record, Runnable write) {
    long read = readNanos;
    retryable(
        () -> {
          write.run();
          return null;
        });
    if (identity().equals(record.getHolderIdentity())) {
      renewed.accept(read);
    }
  }

  /**
   * fabric8's election loop retries only client exceptions; any other one (a Lease without a
   * renewTime makes a NullPointerException) would end it silently and leave this replica out of the
   * election for good.
   */
  private <T> T retryable(Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KubernetesClientException("cannot use " + describe() + ": " + e, e);
    }
  }

  @Override
  public String identity() {
    return lease.identity();
  }

  @Override
  public String describe() {
    return lease.describe();
  }
}
