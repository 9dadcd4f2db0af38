package io.vtmsync.sink;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest result per target and pool, and counters: what status, health and metrics report. Sink
 * routes pass every {@link WriteResult} through {@link #record}.
 */
public final class SyncStatus {

  /** The last result for one target and pool, and when it happened. */
  public record Entry(WriteResult last, Instant at, Instant lastSuccess) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, java.util.Set<String>> wanting = new ConcurrentHashMap<>();
  private volatile java.util.function.Consumer<WriteResult> listener = r -> {};

  /** Called with every result recorded (metrics count writes and lag here). */
  public void onRecord(java.util.function.Consumer<WriteResult> listener) {
    this.listener = listener;
  }

  /** Pools per target in each state ({@code synced}, {@code held_empty}, {@code failed}...). */
  public Map<String, Map<String, Long>> poolsByState() {
    Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
    for (Entry e : entries.values()) {
      out.computeIfAbsent(e.last().target(), t -> new java.util.TreeMap<>())
          .merge(state(e.last().outcome()), 1L, Long::sum);
    }
    return out;
  }

  /** The newest successful write or check on that target, or null. */
  public Instant lastSuccess(String target) {
    return entries.values().stream()
        .filter(e -> e.last().target().equals(target) && e.lastSuccess() != null)
        .map(Entry::lastSuccess)
        .max(Instant::compareTo)
        .orElse(null);
  }

  public static String state(WriteResult.Outcome o) {
    return switch (o) {
      case WRITTEN, UNCHANGED -> "synced";
      default -> o.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * Records a result; returns it marked as a repeat when it says what the last one said (same
   * outcome, code and detail, and nothing was written; in a dry run, also the same diff, since
   * nothing is ever written there), so that the log line is not repeated at every resync.
   */
  public WriteResult record(WriteResult r) {
    Instant now = Instant.now();
    boolean success = r.outcome() != WriteResult.Outcome.FAILED;
    Entry old = entries.get(r.target() + "/" + r.pool());
    entries.put(
        r.target() + "/" + r.pool(),
        new Entry(r, now, success ? now : old == null ? null : old.lastSuccess()));
    listener.accept(r);
    wants(r);
    return old != null && repeats(old.last(), r) ? r.asRepeat() : r;
  }

  private static boolean repeats(WriteResult old, WriteResult r) {
    boolean nothingWritten =
        r.outcome() != WriteResult.Outcome.WRITTEN
            || r.dryRun() && old.dryRun() && old.diff().equals(r.diff());
    return nothingWritten
        && old.outcome() == r.outcome()
        && old.code() == r.code()
        && java.util.Objects.equals(old.detail(), r.detail());
  }

  /**
   * True when some target's last result for the pool asks for the plan again: it refused it (a 4xx,
   * FAILED) or has a foreign pool of that name that its owner may remove.
   */
  public boolean wantsAgain(String pool) {
    return wanting.containsKey(pool);
  }

  private void wants(WriteResult r) {
    boolean again =
        r.outcome() == WriteResult.Outcome.FAILED || r.outcome() == WriteResult.Outcome.FOREIGN;
    if (again) {
      wanting.computeIfAbsent(r.pool(), p -> ConcurrentHashMap.newKeySet()).add(r.target());
    } else {
      wanting.computeIfPresent(
          r.pool(),
          (p, targets) -> targets.remove(r.target()) && targets.isEmpty() ? null : targets);
    }
  }

  public Map<String, Entry> entries() {
    return Map.copyOf(entries);
  }
}
