package io.vtmsync.sink;

import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolPlan;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest result per target and pool, and counters: what status, health and metrics report. Sink
 * routes pass every {@link WriteResult} through {@link #record}.
 */
public final class SyncStatus {

  /**
   * The last result for one target and pool, and what the status page shows of it.
   *
   * @param at when {@code last} was recorded
   * @param lastSuccess the newest result that was not FAILED, or null
   * @param service the owning Service ({@code namespace/name}), or null when no plan named it
   * @param members what the target holds as far as we know: the counts of the last plan it
   *     acknowledged, kept while a plan is held or fails (the target keeps its members); null when
   *     unknown (never acknowledged, removed, or a foreign pool)
   * @param lastChange when the target last changed (written or removed), or null
   * @param lagNanos that change's lag from the Kubernetes event to the target's ack, or -1
   * @param lastError the newest problem (held, failed, foreign, an error document), or null; kept
   *     with its time after the target recovers, so that a flap stays visible
   */
  public record Entry(
      WriteResult last,
      Instant at,
      Instant lastSuccess,
      String service,
      Counts members,
      Instant lastChange,
      long lagNanos,
      String lastError,
      Instant lastErrorAt) {}

  /** Active and draining members. */
  public record Counts(int active, int draining) {}

  /** The newest plan handed to the sinks for a pool, as much of it as the status shows. */
  public record Planned(
      String service, Set<String> clusters, int code, Counts members, long triggeredAtNanos) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Planned> planned = new ConcurrentHashMap<>();
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
    String key = r.target() + "/" + r.pool();
    Entry old = entries.get(key);
    entries.put(
        key, EntryFold.next(old, r, planned.get(r.pool()), Instant.now(), System.nanoTime()));
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

  /**
   * Called with every plan on its way to the sinks (routes/sync.camel.yaml): the owning Service,
   * the targets it goes to and its member counts, for the results that follow.
   */
  public void planned(PoolPlan plan) {
    int draining =
        (int) plan.members().stream().filter(m -> m.state() == MemberState.DRAINING).count();
    planned.put(
        plan.pool(),
        new Planned(
            plan.service(),
            plan.clusters(),
            plan.code(),
            new Counts(plan.members().size() - draining, draining),
            plan.triggeredAtNanos()));
  }

  /** Target and pool ({@code target/pool}) to its entry. */
  public Map<String, Entry> entries() {
    return Map.copyOf(entries);
  }

  /** Pool name to its newest plan. */
  public Map<String, Planned> plans() {
    return Map.copyOf(planned);
  }
}
