package io.vtmsync.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A keyed work queue that coalesces: offers for a key that is already waiting only replace its
 * value (the newest wins), a key is handed out at most once per debounce window, and never to two
 * workers at once. Failures come back with {@link #retry} and wait an exponential backoff. This is
 * what turns a burst of Kubernetes events into one sync per pool, and what keeps only the newest
 * plan per pool for a vTM cluster that is down.
 */
public final class WorkQueue<V> {

  /** A value that names its own queue key (a pool plan is queued under its pool name). */
  public interface Keyed {
    String queueKey();
  }

  /** A key handed to a worker, with the value to work on and how long it waited. */
  public record Item<V>(String key, V value, int attempt, long offeredAtNanos) {}

  private static final class Entry<V> {
    V value;
    boolean scheduled;
    boolean inFlight;
    boolean dirty;
    int attempts;
    long generation;
    long firstOfferNanos;
  }

  private record Ticket(String key, long generation, long dueNanos) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(dueNanos, ((Ticket) o).dueNanos);
    }
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

  /** Queues {@code value} under {@code key}, replacing a value that is still waiting. */
  public synchronized void offer(String key, V value) {
    offered.incrementAndGet();
    Entry<V> e = entries.computeIfAbsent(key, k -> new Entry<>());
    e.value = value;
    if (e.inFlight) {
      e.dirty = true;
      coalesced.incrementAndGet();
    } else if (e.scheduled) {
      coalesced.incrementAndGet();
    } else {
      e.firstOfferNanos = System.nanoTime();
      schedule(key, e, debounceNanos);
    }
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
      synchronized (this) {
        Entry<V> e = entries.get(t.key());
        if (e != null && e.scheduled && e.generation == t.generation()) {
          e.scheduled = false;
          e.inFlight = true;
          return new Item<>(t.key(), e.value, e.attempts, e.firstOfferNanos);
        }
      }
    }
  }

  /** Ends a successful item; a value offered meanwhile is scheduled in a new window. */
  public synchronized void done(Item<V> item) {
    completed.incrementAndGet();
    Entry<V> e = entries.get(item.key());
    e.inFlight = false;
    e.attempts = 0;
    if (e.dirty) {
      e.dirty = false;
      e.firstOfferNanos = System.nanoTime();
      schedule(item.key(), e, debounceNanos);
    } else {
      entries.remove(item.key());
    }
  }

  /** Ends a failed item: it comes back after a backoff, with the newest value offered. */
  public synchronized void retry(Item<V> item) {
    Entry<V> e = entries.get(item.key());
    e.inFlight = false;
    e.dirty = false;
    e.attempts = item.attempt() + 1;
    retried.incrementAndGet();
    schedule(item.key(), e, backoff.delayNanos(e.attempts));
  }

  private void schedule(String key, Entry<V> e, long delayNanos) {
    e.scheduled = true;
    e.generation++;
    tickets.add(new Ticket(key, e.generation, System.nanoTime() + delayNanos));
  }

  /** Keys waiting or in flight. */
  public synchronized List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  public synchronized int size() {
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
