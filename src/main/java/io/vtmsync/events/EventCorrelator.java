package io.vtmsync.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what an Event costs the API server, as client-go's EventCorrelator does: similar Events
 * are aggregated, a repeat becomes a patch of the existing Event, and a token bucket per Service
 * caps the writes. Pure: no I/O, the clock is given.
 *
 * <ul>
 *   <li>Dedupe: the same Service (and uid), type, reason and message bumps {@code count} and {@code
 *       lastTimestamp} of the Event first written for it.
 *   <li>Aggregation: from the {@value #AGGREGATE_AFTER}th distinct message of one Service, type and
 *       reason within {@link #AGGREGATE_WINDOW} (since the last of them), they share one Event, its
 *       message the newest prefixed with {@value #COMBINED}.
 *   <li>Spam filter: {@value #BURST} writes per Service at once, then one per {@link #REFILL}
 *       (client-go: 25, then one per 5 minutes); a skipped occurrence still counts, so the next
 *       write carries the true count.
 * </ul>
 */
public final class EventCorrelator {

  public static final int BURST = 8;
  public static final Duration REFILL = Duration.ofSeconds(15);
  static final int AGGREGATE_AFTER = 10;
  static final Duration AGGREGATE_WINDOW = Duration.ofMinutes(10);
  static final String COMBINED = "(combined from similar events): ";
  private static final int CACHE_ENTRIES = 4096;

  /**
   * An Event to write: created when {@code count} is 1 (or when the patch finds it gone), else
   * patched with count, lastTimestamp and message.
   */
  public record Write(String name, ServiceEvent event, int count, Instant first, Instant last) {
    public boolean patch() {
      return count > 1;
    }
  }

  private record Seen(String name, int count, Instant first) {}

  private record Similar(LinkedHashSet<String> messages, Instant last) {}

  private final Clock clock;
  private final Map<String, Similar> similar = lru();
  private final Map<String, Seen> seen = lru();
  private final Map<String, TokenBucket> buckets = lru();
  private long lastNameNanos;

  public EventCorrelator(Clock clock) {
    this.clock = clock;
  }

  /** What to write for this occurrence, or empty when the spam filter holds it back. */
  public synchronized Optional<Write> correlate(ServiceEvent e) {
    Instant now = clock.instant();
    String similarKey = e.objectKey() + "\n" + e.type() + "\n" + e.reason();
    boolean combined = aggregated(similarKey, e.message(), now);
    ServiceEvent event = combined ? e.withMessage(COMBINED + e.message()) : e;
    String key = combined ? "combined\n" + similarKey : similarKey + "\n" + e.message();
    Seen before = seen.get(key);
    Write w =
        before == null
            ? new Write(name(e, now), event, 1, now, now)
            : new Write(before.name(), event, before.count() + 1, before.first(), now);
    seen.put(key, new Seen(w.name(), w.count(), w.first()));
    return allowed(e.objectKey(), now) ? Optional.of(w) : Optional.empty();
  }

  /** Notes the message among its similar ones; true once there are too many to keep apart. */
  private boolean aggregated(String key, String message, Instant now) {
    Similar s = similar.get(key);
    if (s == null || Duration.between(s.last(), now).compareTo(AGGREGATE_WINDOW) > 0) {
      s = new Similar(new LinkedHashSet<>(), now);
    }
    s.messages().add(message);
    similar.put(key, new Similar(s.messages(), now));
    if (s.messages().size() < AGGREGATE_AFTER) {
      return false;
    }
    // Forget the oldest, as client-go pops one: the set stays bounded, and every new message
    // from now on (within the window) goes to the combined Event.
    s.messages().remove(s.messages().iterator().next());
    return true;
  }

  private boolean allowed(String objectKey, Instant now) {
    long nanos = nanos(now);
    return buckets
        .computeIfAbsent(objectKey, k -> new TokenBucket(BURST, REFILL, nanos))
        .tryAccept(nanos);
  }

  /** client-go's naming, {@code <object name>.<unix nanos in hex>}, kept unique here. */
  private String name(ServiceEvent e, Instant now) {
    lastNameNanos = Math.max(lastNameNanos + 1, nanos(now));
    return e.service() + "." + Long.toHexString(lastNameNanos);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Bounded like client-go's LRU caches: the least recently used key goes first. */
  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CACHE_ENTRIES;
      }
    };
  }
}
