package io.vtmsync.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A keyed work queue that coalesces, leading-edge: the first offer of a quiet key is due at once;
 * offers while that key is in flight, or within one debounce window after its hand-out, merge into
 * one trailing item due when the window ends (the newest value wins). A key is never handed to two
 * workers at once, and is handed out at most once per window. Failures come back with {@link
 * #retry} after an exponential backoff (which, not the window, then times them). This is what turns
 * a burst of Kubernetes events into one sync now plus one per window, and what keeps only the
 * newest plan per pool for a vTM cluster that is down. With no debounce, every offer of an idle key
 * is simply due at once.
 */
public final class WorkQueue<V> {

  /** A value that names its own queue key (a pool plan is queued under its pool name). */
  public interface Keyed {
    String queueKey();
  }

  /** A key handed to a worker, with the value to work on and how long it waited. */
  public record Item<V>(String key, V value, int attempt, long offeredAtNanos) {}

  /**
   * Per key: waiting (scheduled), in flight (with dirty = a trailing item waits for done), or
   * cooling (neither: handed out less than a window ago, kept only so that the next offer trails).
   */
  private static final class Entry<V> {
    V value;
    boolean scheduled;
    boolean inFlight;
    boolean dirty;
    int attempts;
    long generation;
    long offeredAtNanos;
    long quietAtNanos;
  }

  private final String name;
  private final Map<String, Entry<V>> entries = new HashMap<>();
  private final DelayQueue<Ticket> tickets = new DelayQueue<>();
  private volatile long debounceNanos;
  private volatile Backoff backoff;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong coalesced = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();

  public WorkQueue(String name, Duration debounce, Backoff backoff) {
    this.name = name;
    configure(debounce, backoff);
  }

  public void configure(Duration debounce, Backoff backoff) {
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("debounce must not be negative: " + debounce);
    }
    this.debounceNanos = debounce.toNanos();
    this.backoff = backoff;
  }

  public String name() {
    return name;
  }

  /** Queues {@code value} under {@code key}: now if the key is quiet, else as its trailing item. */
  public synchronized void offer(String key, V value) {
    offered.incrementAndGet();
    long now = System.nanoTime();
    Entry<V> e = entries.get(key);
    if (e == null) {
      e = new Entry<>();
      e.quietAtNanos = now;
      entries.put(key, e);
    }
    e.value = value;
    if (e.scheduled || e.dirty) {
      coalesced.incrementAndGet(); // an item with this key waits already: no extra sync
      return;
    }
    e.offeredAtNanos = now;
    if (e.inFlight) {
      e.dirty = true; // done() schedules it, so that one worker at a time has the key
    } else {
      schedule(key, e, notBefore(e.quietAtNanos, now));
    }
  }

  /**
   * Makes the keys {@code which} selects that wait out a retry backoff due now, with their newest
   * value (a source whose caches have just synced: its keys failed only for want of them).
   */
  public synchronized void retryNow(java.util.function.Predicate<String> which) {
    long now = System.nanoTime();
    entries.forEach(
        (key, e) -> {
          if (e.scheduled && e.attempts > 0 && which.test(key)) {
            schedule(key, e, now);
          }
        });
  }

  /** Queues each key as its own value (doorbells). */
  @SuppressWarnings("unchecked")
  public void offerAll(java.util.Collection<String> keys) {
    keys.forEach(k -> offer(k, (V) k));
  }

  /** Waits up to {@code timeout} for a due key; null on timeout. The caller must end it. */
  public Item<V> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Ticket t = tickets.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (t == null) {
        return null;
      }
      Item<V> item = handOut(t);
      if (item != null) {
        return item;
      }
    }
  }

  /** The item a ticket is due for; null for a stale ticket or a cooling key now quiet (dropped). */
  private synchronized Item<V> handOut(Ticket t) {
    Entry<V> e = entries.get(t.key());
    if (e == null || e.generation != t.generation() || e.inFlight) {
      return null;
    }
    if (!e.scheduled) {
      entries.remove(t.key()); // its window has passed: forget it, or key churn grows the map
      return null;
    }
    e.scheduled = false;
    e.inFlight = true;
    e.quietAtNanos = System.nanoTime() + debounceNanos;
    return new Item<>(t.key(), e.value, e.attempts, e.offeredAtNanos);
  }

  /** Ends a successful item; a value offered meanwhile is due when the window ends. */
  public synchronized void done(Item<V> item) {
    completed.incrementAndGet();
    Entry<V> e = entries.get(item.key());
    e.inFlight = false;
    e.attempts = 0;
    long now = System.nanoTime();
    if (e.dirty) {
      e.dirty = false;
      schedule(item.key(), e, notBefore(e.quietAtNanos, now));
    } else if (e.quietAtNanos - now <= 0) {
      entries.remove(item.key());
    } else {
      e.generation++; // the ticket that drops it once quiet; an offer before then makes it stale
      tickets.add(new Ticket(item.key(), e.generation, e.quietAtNanos));
    }
  }

  /** Ends a failed item: it comes back after a backoff, with the newest value offered. */
  public synchronized void retry(Item<V> item) {
    Entry<V> e = entries.get(item.key());
    e.inFlight = false;
    e.dirty = false;
    e.attempts = item.attempt() + 1;
    e.offeredAtNanos = item.offeredAtNanos(); // the oldest event still not served
    retried.incrementAndGet();
    schedule(item.key(), e, System.nanoTime() + backoff.delayNanos(e.attempts));
  }

  private void schedule(String key, Entry<V> e, long dueNanos) {
    e.scheduled = true;
    e.generation++;
    tickets.add(new Ticket(key, e.generation, dueNanos));
  }

  /** The later of two {@link System#nanoTime()} values (overflow-safe, as nanoTime requires). */
  private static long notBefore(long a, long b) {
    return a - b > 0 ? a : b;
  }

  /** Keys waiting or in flight (not the cooling ones: they have nothing to do). */
  public synchronized int size() {
    return (int) entries.values().stream().filter(WorkQueue::pending).count();
  }

  private static boolean pending(Entry<?> e) {
    return e.scheduled || e.inFlight;
  }

  /** Keys remembered, cooling ones included: bounded by the keys active in the last window. */
  public synchronized int tracked() {
    return entries.size();
  }

  public long offeredCount() {
    return offered.get();
  }

  /** Offers that only replaced a waiting value: the work a burst did not cause. */
  public long coalescedCount() {
    return coalesced.get();
  }

  /** Items worked off successfully. */
  public long completedCount() {
    return completed.get();
  }

  public long retriedCount() {
    return retried.get();
  }
}
